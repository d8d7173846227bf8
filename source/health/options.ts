// The health check's own flags (--window, --stale-after, --max-running) -> validated settings.
import {UsageError} from '../config.js';

export type HealthSettings = {
	/** How far back the window reaches, in milliseconds. */
	readonly windowMs: number;
	/** At most this many syncs (the newest) are assessed. */
	readonly maxSyncs: number;
	/** A data model with no success for longer than this is stale. */
	readonly staleAfterMs: number;
	/** A sync running for longer than this is reported. */
	readonly maxRunningMs: number;
};

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

export const defaultHealthSettings: HealthSettings = {
	windowMs: 7 * day,
	maxSyncs: 200,
	staleAfterMs: 24 * hour,
	maxRunningMs: 2 * hour,
};

export const maxWindowMs = 90 * day;
export const maxWindowSyncs = 5000;

const units: Record<string, number> = {s: second, m: minute, h: hour, d: day, w: 7 * day};
const durationPattern = /^(\d+(?:\.\d+)?)([smhdw])$/;

/** "90m", "24h", "7d", "1.5h": a positive number and a unit (s, m, h, d, w). */
export const parseDuration = (flag: string, value: string, {max = maxWindowMs} = {}): number => {
	const text = value.trim().toLowerCase();
	const match = durationPattern.exec(text);
	if (!match) {
		const hint = /^\d+(\.\d+)?$/.test(text) ? ` (did you mean ${text}h?)` : '';
		throw new UsageError(`--${flag} must be a duration such as 90m, 24h or 7d, not "${value}"${hint}`);
	}
	const ms = Math.round(Number(match[1]) * (units[match[2] ?? ''] ?? 0));
	if (ms < second || ms > max) {
		throw new UsageError(`--${flag} must be between 1s and ${Math.round(max / day)}d, not "${value}"`);
	}
	return ms;
};

/**
 * --window takes a duration, a count of syncs, or both separated by a comma ("3d", "500",
 * "14d,1000"); whichever part is left out keeps its default (7d, 200 syncs).
 */
export const parseWindow = (value: string): {windowMs: number; maxSyncs: number} => {
	const parts = value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
	let windowMs: number | undefined;
	let maxSyncs: number | undefined;
	if (parts.length === 0 || parts.length > 2) {
		throw new UsageError(`--window must be a duration, a count of syncs or both, such as 7d, 200 or 7d,200, not "${value}"`);
	}
	for (const part of parts) {
		if (/^\d+$/.test(part)) {
			if (maxSyncs !== undefined) throw new UsageError(`--window has two counts: "${value}"`);
			const count = Number(part);
			if (count < 1 || count > maxWindowSyncs) {
				throw new UsageError(`--window's count of syncs must be 1 to ${maxWindowSyncs}, not ${part}`);
			}
			maxSyncs = count;
		} else {
			if (windowMs !== undefined) throw new UsageError(`--window has two durations: "${value}"`);
			windowMs = parseDuration('window', part);
		}
	}
	return {
		windowMs: windowMs ?? defaultHealthSettings.windowMs,
		maxSyncs: maxSyncs ?? defaultHealthSettings.maxSyncs,
	};
};

export type RawHealthFlags = {
	readonly window?: string | undefined;
	readonly staleAfter?: string | undefined;
	readonly maxRunning?: string | undefined;
};

export const resolveHealthSettings = (flags: RawHealthFlags): HealthSettings => ({
	...defaultHealthSettings,
	...(flags.window === undefined ? {} : parseWindow(flags.window)),
	...(flags.staleAfter === undefined ? {} : {staleAfterMs: parseDuration('stale-after', flags.staleAfter)}),
	...(flags.maxRunning === undefined ? {} : {maxRunningMs: parseDuration('max-running', flags.maxRunning)}),
});

/** A limit as a person would type it: 24h rather than 1d, 90m rather than 1h 30m. */
export const formatLimit = (ms: number): string => {
	if (ms >= 2 * day && ms % day === 0) return `${ms / day}d`;
	if (ms >= hour && ms % hour === 0) return `${ms / hour}h`;
	if (ms >= minute && ms % minute === 0) return `${ms / minute}m`;
	return `${Math.round(ms / second)}s`;
};
