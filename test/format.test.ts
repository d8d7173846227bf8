import {describe, expect, it} from 'vitest';
import type {SyncRecord} from '../source/api/decode.js';
import {
	formatCount,
	formatDuration,
	formatJob,
	formatRelative,
	formatSpan,
	formatTimestamp,
	overallStatus,
} from '../source/format.js';

const now = Date.parse('2026-12-03T12:00:00Z');
const sync = (models: Array<{status?: string}>, extra: Partial<SyncRecord> = {}): SyncRecord =>
	({rootfi_id: 1, data_models: models, dropped: [], end_time: '2026-12-03T11:00:00Z', ...extra}) as SyncRecord;

describe('presenters', () => {
	it('formats durations by their two largest units', () => {
		expect(formatDuration(42_000)).toBe('42s');
		expect(formatDuration(250_000)).toBe('4m 10s');
		expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2h 5m');
		expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
		expect(formatDuration(Number.NaN)).toBe('?');
	});

	it('formats relative times, and marks unreadable ones instead of hiding them', () => {
		expect(formatRelative('2026-12-03T11:57:00Z', now)).toBe('3m ago');
		expect(formatRelative('2026-12-03T12:05:00Z', now)).toBe('in 5m');
		expect(formatRelative(null, now)).toBe('—');
		expect(formatRelative('yesterday', now)).toBe('?yesterday');
	});

	it('accepts both offsets the API uses', () => {
		expect(formatTimestamp('2023-12-01T08:17:29+00:00')).toBe('2023-12-01 08:17:29Z');
		expect(formatTimestamp('2023-12-01T08:17:43.047+00:00')).toBe('2023-12-01 08:17:43Z');
		expect(formatTimestamp('garbage')).toBe('? garbage');
	});

	it('shows spans, running spans, queued models and impossible spans distinctly', () => {
		expect(formatSpan({start_time: '2026-12-03T11:00:00Z', end_time: '2026-12-03T11:04:10Z'}, now)).toBe('4m 10s');
		expect(formatSpan({start_time: '2026-12-03T11:56:00Z', end_time: null}, now)).toBe('running 4m');
		expect(formatSpan({start_time: null, end_time: null}, now)).toBe('not started');
		expect(formatSpan({start_time: '2026-12-03T11:00:00Z', end_time: '2026-12-03T10:00:00Z'}, now)).toBe('!end<start');
		expect(formatSpan({start_time: 'x', end_time: null}, now)).toBe('!bad start');
	});

	it('never shows a missing or negative count as a plain number', () => {
		expect(formatCount(3)).toBe('3');
		expect(formatCount(undefined)).toBe('—');
		expect(formatCount(-2)).toBe('!-2');
	});

	it('derives a sync status from its data models', () => {
		expect(overallStatus(sync([{status: 'SUCCESS'}, {status: 'SUCCESS'}]))).toBe('success');
		expect(overallStatus(sync([{status: 'SUCCESS'}, {status: 'FAILED'}]))).toBe('partial');
		expect(overallStatus(sync([{status: 'FAILED'}]))).toBe('failed');
		expect(overallStatus(sync([{status: 'SUCCESS'}, {status: 'RUNNING'}]))).toBe('running');
		expect(overallStatus(sync([{status: 'SUCCESS'}, {status: 'PAUSED_NEW'}]))).toBe('unknown');
		expect(overallStatus(sync([]))).toBe('empty');
		expect(overallStatus(sync([], {end_time: null}))).toBe('running');
	});

	it('describes a job by mode, type and kind, even with parts missing', () => {
		expect(formatJob(sync([], {config_mode: 'READ', sync_type: 'AUTO_SYNC', full_sync: true}))).toBe('READ/AUTO full');
		expect(formatJob(sync([], {config_mode: 'CREATE', sync_type: 'MANUAL', full_sync: false}))).toBe('CREATE/MANUAL incr');
		expect(formatJob(sync([]))).toBe('—/— —');
	});
});
