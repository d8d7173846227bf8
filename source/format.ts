// Pure presenters: times, durations, counts and statuses as a person reads them. No I/O, no colour.
import type {DataModelRecord, SyncRecord} from './api/decode.js';
import {sanitizeText} from './api/text.js';

export {sanitizeText} from './api/text.js';

/** Shown for a value the API did not send (or sent with the wrong type). */
export const missing = '—';

export const parseTime = (value: string | null | undefined): number | undefined => {
	if (typeof value !== 'string') return undefined;
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : time;
};

/** Whole units, largest two: 42s, 4m 10s, 2h 5m, 3d 4h. */
export const formatDuration = (ms: number): string => {
	if (!Number.isFinite(ms)) return '?';
	const sign = ms < 0 ? '-' : '';
	let seconds = Math.floor(Math.abs(ms) / 1000);
	if (seconds < 60) return `${sign}${seconds}s`;
	const days = Math.floor(seconds / 86_400);
	seconds -= days * 86_400;
	const hours = Math.floor(seconds / 3600);
	seconds -= hours * 3600;
	const minutes = Math.floor(seconds / 60);
	seconds -= minutes * 60;
	if (days > 0) return `${sign}${days}d${hours ? ` ${hours}h` : ''}`;
	if (hours > 0) return `${sign}${hours}h${minutes ? ` ${minutes}m` : ''}`;
	return `${sign}${minutes}m${seconds ? ` ${seconds}s` : ''}`;
};

/** "3m ago"; a time in the future says "in 3m"; an unreadable one is marked, not hidden. */
export const formatRelative = (value: string | null | undefined, now: number): string => {
	if (value === null || value === undefined) return missing;
	const time = parseTime(value);
	if (time === undefined) return `?${sanitizeText(value).slice(0, 10)}`;
	const delta = now - time;
	if (Math.abs(delta) < 1000) return 'now';
	const [whole] = formatDuration(Math.abs(delta)).split(' ');
	return delta >= 0 ? `${whole} ago` : `in ${whole}`;
};

/** An absolute UTC time, to the second: 2026-12-03 14:05:09Z. */
export const formatTimestamp = (value: string | null | undefined): string => {
	if (value === null || value === undefined) return missing;
	const time = parseTime(value);
	if (time === undefined) return `? ${sanitizeText(value)}`;
	return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')}Z`;
};

/** A count as sent; a negative or missing one is marked so it never reads as a real zero. */
export const formatCount = (value: number | undefined): string => {
	if (value === undefined) return missing;
	return value < 0 ? `!${value}` : String(value);
};

type Span = {readonly start_time?: string | null; readonly end_time?: string | null};

export type SpanState =
	| {readonly kind: 'not_started'}
	| {readonly kind: 'done'; readonly ms: number}
	| {readonly kind: 'running'; readonly ms: number}
	| {readonly kind: 'invalid'; readonly reason: string};

export const spanOf = (span: Span, now: number): SpanState => {
	// A queued (CREATED) model has no start yet: that is a state, not a fault.
	if (span.start_time === null || span.start_time === undefined) return {kind: 'not_started'};
	const start = parseTime(span.start_time);
	if (start === undefined) return {kind: 'invalid', reason: 'bad start'};
	if (span.end_time === null || span.end_time === undefined) return {kind: 'running', ms: Math.max(0, now - start)};
	const end = parseTime(span.end_time);
	if (end === undefined) return {kind: 'invalid', reason: 'bad end'};
	if (end < start) return {kind: 'invalid', reason: 'end<start'};
	return {kind: 'done', ms: end - start};
};

/** "4m 10s", "running 4m", or a visible marker for an impossible span. */
export const formatSpan = (span: Span, now: number): string => {
	const state = spanOf(span, now);
	if (state.kind === 'not_started') return 'not started';
	if (state.kind === 'invalid') return `!${state.reason}`;
	const text = formatDuration(state.ms);
	return state.kind === 'running' ? `running ${text.split(' ')[0]}` : text;
};

export const overallStatuses = ['running', 'failed', 'partial', 'success', 'empty', 'unknown'] as const;
export type OverallStatus = (typeof overallStatuses)[number];

/** A sync's status, derived from its data models (the sync itself has none). */
export const overallStatus = (sync: SyncRecord): OverallStatus => {
	const models = sync.data_models;
	if (models.length === 0) return sync.end_time === null ? 'running' : 'empty';
	let failed = 0;
	let success = 0;
	let running = 0;
	for (const model of models) {
		if (model.status === 'FAILED') failed++;
		else if (model.status === 'SUCCESS') success++;
		else if (model.status === 'RUNNING' || model.status === 'CREATED') running++;
	}
	if (running > 0) return 'running';
	if (failed === models.length) return 'failed';
	if (failed > 0) return 'partial';
	if (success === models.length) return 'success';
	return 'unknown';
};

export type StatusTone = 'success' | 'warning' | 'error' | 'info' | 'muted';

export type StatusLabel = {readonly symbol: string; readonly word: string; readonly tone: StatusTone};

/** "✖ FAILED": the symbol and the word, so the status reads without colour. */
export const labelText = (label: StatusLabel): string => `${label.symbol} ${label.word}`;

/** Every status has a symbol and a word, so it reads without colour. */
export const overallLabel: Record<OverallStatus, StatusLabel> = {
	success: {symbol: '✔', word: 'ok', tone: 'success'},
	partial: {symbol: '◐', word: 'partial', tone: 'warning'},
	failed: {symbol: '✖', word: 'failed', tone: 'error'},
	running: {symbol: '●', word: 'running', tone: 'info'},
	empty: {symbol: '∅', word: 'no models', tone: 'muted'},
	unknown: {symbol: '?', word: 'unknown', tone: 'warning'},
};

/** A data model's status as sent; an unknown value is shown as it came, marked with "?". */
export const modelStatusLabel = (status: string | undefined): StatusLabel => {
	switch (status) {
		case 'SUCCESS':
			return {symbol: '✔', word: 'SUCCESS', tone: 'success'};
		case 'FAILED':
			return {symbol: '✖', word: 'FAILED', tone: 'error'};
		case 'RUNNING':
			return {symbol: '●', word: 'RUNNING', tone: 'info'};
		case 'CREATED':
			return {symbol: '○', word: 'CREATED', tone: 'info'};
		case undefined:
			return {symbol: '?', word: missing, tone: 'warning'};
		default:
			return {symbol: '?', word: sanitizeText(status), tone: 'warning'};
	}
};

export const connectionLabel = (status: string | undefined): StatusLabel => {
	switch (status) {
		case 'HEALTHY':
			return {symbol: '✔', word: 'HEALTHY', tone: 'success'};
		case 'PENDING':
			return {symbol: '○', word: 'PENDING', tone: 'warning'};
		case 'EXPIRED':
		case 'DISCONNECTED':
			return {symbol: '✖', word: status, tone: 'error'};
		case undefined:
			return {symbol: '?', word: missing, tone: 'muted'};
		default:
			return {symbol: '?', word: sanitizeText(status), tone: 'warning'};
	}
};

/** READ/AUTO full, CREATE/MANUAL incr. */
export const formatJob = (sync: SyncRecord): string => {
	const mode = sync.config_mode === undefined ? missing : sanitizeText(sync.config_mode);
	const type = sync.sync_type === undefined ? missing : sanitizeText(sync.sync_type).replace('_SYNC', '');
	const kind = sync.full_sync === undefined ? missing : sync.full_sync ? 'full' : 'incr';
	return `${mode}/${type} ${kind}`;
};

export const formatText = (value: string | number | undefined | null): string =>
	value === undefined || value === null ? missing : sanitizeText(String(value));

export const formatModelCounts = (model: DataModelRecord): string =>
	[model.total_count, model.success_count, model.failed_count, model.running_count, model.pending_count]
		.map(formatCount)
		.join('/');
