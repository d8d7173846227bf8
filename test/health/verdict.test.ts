// The rules, one by one, on crafted syncs: no network, no clock.
import {describe, expect, it} from 'vitest';
import type {SyncRecord} from '../../source/api/decode.js';
import {parseDuration, parseWindow, resolveHealthSettings} from '../../source/health/options.js';
import {assessHealth, selectWindow, worstVerdict} from '../../source/health/verdict.js';
import {ago, days, hours, input, minutes, model, now, sync} from './fixtures.js';

const codes = (syncs: readonly SyncRecord[], overrides = {}) =>
	assessHealth(input(syncs, overrides)).reasons.map((reason) => reason.code);

const healthy = () => [
	sync(hours(1), [
		['ACCOUNTS', 'SUCCESS'],
		['INVOICES', 'SUCCESS'],
	]),
	sync(hours(25), [
		['ACCOUNTS', 'FAILED'],
		['INVOICES', 'SUCCESS'],
	]),
];

describe('assessHealth: HEALTHY', () => {
	it('is HEALTHY with no reasons when everything succeeded recently on a HEALTHY connection', () => {
		const report = assessHealth(input(healthy()));
		expect(report.verdict).toBe('HEALTHY');
		expect(report.exitCode).toBe(0);
		expect(report.reasons).toEqual([]);
		expect(report.models.map((m) => [m.dataModel, m.latestStatus, m.failures, m.stale])).toEqual([
			['ACCOUNTS', 'SUCCESS', 1, false],
			['INVOICES', 'SUCCESS', 0, false],
		]);
		expect(report.requestIds).toEqual(['req-1']);
	});
});

describe('rule: UNHEALTHY when the connection is not HEALTHY', () => {
	it.each(['EXPIRED', 'DISCONNECTED', 'PENDING'])('%s', (status) => {
		const report = assessHealth(input(healthy(), {connectionStatus: status}));
		expect(report.verdict).toBe('UNHEALTHY');
		expect(report.exitCode).toBe(2);
		expect(report.reasons[0]).toMatchObject({code: 'connection.not_healthy', connectionStatus: status});
		expect(report.reasons[0]?.message).toContain(status);
	});

	it('a value the client does not know is shown as it came, sanitised', () => {
		const report = assessHealth(input(healthy(), {connectionStatus: 'REAUTH\u001b[31m'}));
		expect(report.verdict).toBe('UNHEALTHY');
		expect(report.reasons[0]?.message).toContain('REAUTH\\x1b[31m');
		expect(report.reasons[0]?.message).not.toContain('\u001b');
	});

	it('a missing connection_status is not HEALTHY', () => {
		expect(codes(healthy(), {connectionStatus: undefined})).toEqual(['connection.not_healthy']);
	});
});

describe('rule: UNHEALTHY when no data model succeeded in the window', () => {
	it('all runs failed', () => {
		const syncs = [sync(hours(1), [['INVOICES', 'FAILED']]), sync(hours(3), [['ACCOUNTS', 'FAILED']])];
		const report = assessHealth(input(syncs));
		expect(report.verdict).toBe('UNHEALTHY');
		expect(report.reasons.map((r) => r.code)).toEqual([
			'no_success_in_window',
			'model.latest_failed',
			'model.latest_failed',
			'model.stale',
			'model.stale',
		]);
	});

	it('no syncs at all in the window', () => {
		const report = assessHealth(input([sync(days(8), [['INVOICES', 'SUCCESS']])]));
		expect(report.verdict).toBe('UNHEALTHY');
		expect(report.reasons).toEqual([
			expect.objectContaining({code: 'no_success_in_window', syncs: 0, message: 'no syncs in the window (last 7d)'}),
		]);
	});

	it('a success older than the window does not count', () => {
		const syncs = [sync(hours(2), [['INVOICES', 'FAILED']]), sync(days(10), [['INVOICES', 'SUCCESS']])];
		expect(codes(syncs)).toContain('no_success_in_window');
	});
});

describe('rule: DEGRADED when a data model latest run failed', () => {
	it('names the model and the sync', () => {
		const failed = sync(minutes(30), [
			['ACCOUNTS', 'SUCCESS'],
			['INVOICES', 'FAILED'],
		]);
		const report = assessHealth(input([failed, ...healthy()]));
		expect(report.verdict).toBe('DEGRADED');
		expect(report.exitCode).toBe(1);
		expect(report.reasons).toEqual([
			expect.objectContaining({code: 'model.latest_failed', dataModel: 'INVOICES', syncId: failed.rootfi_id}),
		]);
		expect(report.reasons[0]?.message).toMatch(/^INVOICES: latest run failed \(sync \d+, 30m ago\)$/);
	});

	it('an older failure followed by a success is fine', () => {
		expect(codes([sync(hours(1), [['INVOICES', 'SUCCESS']]), sync(hours(2), [['INVOICES', 'FAILED']])])).toEqual([]);
	});

	it('a run in progress after a failure still counts the failure (the latest finished run)', () => {
		const syncs = [sync(minutes(5), [['INVOICES', 'RUNNING']], {end_time: null}), sync(hours(2), [['INVOICES', 'FAILED']]), sync(hours(3), [['INVOICES', 'SUCCESS']])];
		const report = assessHealth(input(syncs));
		expect(report.models[0]).toMatchObject({latestStatus: 'RUNNING', latestFailed: true, failures: 1});
		expect(report.reasons.map((r) => r.code)).toEqual(['model.latest_failed']);
	});

	it('sorts by time itself, whatever order the syncs came in', () => {
		const older = sync(hours(5), [['INVOICES', 'FAILED']]);
		const newer = sync(hours(1), [['INVOICES', 'SUCCESS']]);
		expect(codes([older, newer])).toEqual([]);
		expect(codes([newer, older])).toEqual([]);
	});

	it("uses the data model's own times, not the sync's", () => {
		// One long sync: INVOICES failed early in it, then succeeded in a later, shorter sync.
		const long = sync(hours(3), [], {
			data_models: [model('INVOICES', 'FAILED', {start: ago(minutes(30)), end: ago(minutes(20))})],
		});
		const short = sync(hours(1), [['INVOICES', 'SUCCESS']]);
		const report = assessHealth(input([long, short]));
		expect(report.models[0]).toMatchObject({latestStatus: 'FAILED', latestFailed: true});
	});
});

describe('rule: DEGRADED when a data model is stale', () => {
	it('no success within --stale-after', () => {
		const syncs = [sync(hours(1), [['ACCOUNTS', 'SUCCESS']]), sync(hours(30), [['INVOICES', 'SUCCESS']])];
		const report = assessHealth(input(syncs));
		expect(report.verdict).toBe('DEGRADED');
		expect(report.reasons).toEqual([expect.objectContaining({code: 'model.stale', dataModel: 'INVOICES'})]);
		expect(report.reasons[0]?.message).toBe('INVOICES: stale, last success 1d ago (limit 24h)');
	});

	it('respects a custom limit', () => {
		const syncs = [sync(hours(1), [['ACCOUNTS', 'SUCCESS']]), sync(hours(30), [['INVOICES', 'SUCCESS']])];
		const settings = resolveHealthSettings({staleAfter: '2d'});
		expect(codes(syncs, {settings})).toEqual([]);
	});

	it('a success dated in the future (clock skew) is not stale', () => {
		expect(codes([sync(-hours(1), [['INVOICES', 'SUCCESS']])])).toEqual([]);
	});
});

describe('rule: DEGRADED when a sync runs too long', () => {
	it('reports every running sync and flags the one over --max-running', () => {
		const recent = sync(minutes(5), [['INVOICES', 'RUNNING']], {end_time: null});
		const stuck = sync(hours(3), [['ACCOUNTS', 'RUNNING']], {end_time: null});
		const report = assessHealth(input([recent, stuck, ...healthy()]));
		expect(report.verdict).toBe('DEGRADED');
		expect(report.running).toEqual([
			expect.objectContaining({syncId: stuck.rootfi_id, tooLong: true, runningMs: hours(3)}),
			expect.objectContaining({syncId: recent.rootfi_id, tooLong: false, runningMs: minutes(5)}),
		]);
		expect(report.reasons).toEqual([
			expect.objectContaining({code: 'sync.running_too_long', syncId: stuck.rootfi_id, message: `sync ${stuck.rootfi_id} has been running for 3h (limit 2h)`}),
		]);
	});

	it('a sync running for less than the limit is reported but healthy', () => {
		const report = assessHealth(input([sync(minutes(5), [['INVOICES', 'RUNNING']], {end_time: null}), ...healthy()]));
		expect(report.verdict).toBe('HEALTHY');
		expect(report.running).toHaveLength(1);
	});
});

describe('verdict and reasons', () => {
	it('lists every reason, UNHEALTHY ones first', () => {
		const syncs = [
			sync(hours(3), [['ACCOUNTS', 'RUNNING']], {end_time: null}),
			sync(hours(4), [['INVOICES', 'FAILED']]),
			sync(hours(30), [['ACCOUNTS', 'SUCCESS']]),
		];
		const report = assessHealth(input(syncs, {connectionStatus: 'EXPIRED'}));
		expect(report.verdict).toBe('UNHEALTHY');
		expect(report.reasons.map((r) => r.code)).toEqual([
			'connection.not_healthy',
			'model.latest_failed',
			'model.stale',
			'model.stale',
			'sync.running_too_long',
		]);
	});

	it('worstVerdict', () => {
		expect(worstVerdict([])).toBe('HEALTHY');
		expect(worstVerdict(['HEALTHY', 'UNHEALTHY', 'DEGRADED'])).toBe('UNHEALTHY');
	});
});

describe('tolerance: never throws on odd data', () => {
	it('missing fields, unknown statuses, invalid dates', () => {
		const odd = [
			{dropped: [], data_models: []} as unknown as SyncRecord,
			{rootfi_id: 1, start_time: 'yesterday', data_models: [model(undefined, undefined)], dropped: []} as unknown as SyncRecord,
			sync(hours(1), [['INVOICES', 'WAITING_FOR_GODOT']]),
			sync(hours(2), [], {data_models: [model('ACCOUNTS', 'SUCCESS', {start: 'garbage', end: 'garbage'})]}),
			sync(hours(2), [], {start_time: undefined, rootfi_created_at: ago(hours(2))}),
			sync(hours(1), [['BILLS', 'SUCCESS']], {end_time: 'not a date'}),
		];
		const report = assessHealth(input(odd));
		expect(report.window.undated).toBe(2);
		expect(report.models.map((m) => m.dataModel)).toEqual(['ACCOUNTS', 'BILLS', 'INVOICES']);
		expect(report.models.find((m) => m.dataModel === 'INVOICES')?.latestStatus).toBe('WAITING_FOR_GODOT');
		// ACCOUNTS succeeded, with unreadable model times: the sync's time stands in.
		expect(report.models.find((m) => m.dataModel === 'ACCOUNTS')?.stale).toBe(false);
	});

	it('a repeated rootfi_id (pages that shifted) is counted once', () => {
		const one = sync(hours(1), [['INVOICES', 'FAILED']]);
		const report = assessHealth(input([one, one, sync(hours(2), [['INVOICES', 'SUCCESS']])]));
		expect(report.models[0]?.failures).toBe(1);
	});
});

describe('selectWindow', () => {
	it('keeps the newest maxSyncs within the time window, newest first', () => {
		const syncs = [sync(hours(3), []), sync(hours(1), []), sync(days(9), []), sync(hours(2), [])];
		const selection = selectWindow(syncs, now, {windowMs: days(7), maxSyncs: 2});
		expect(selection.syncs).toEqual([syncs[1], syncs[3]]);
		expect(selection.capped).toBe(true);
	});
});

describe('options', () => {
	it('parses durations and windows', () => {
		expect(parseDuration('stale-after', '90m')).toBe(minutes(90));
		expect(parseDuration('stale-after', '1.5h')).toBe(minutes(90));
		expect(parseWindow('3d')).toEqual({windowMs: days(3), maxSyncs: 200});
		expect(parseWindow('500')).toEqual({windowMs: days(7), maxSyncs: 500});
		expect(parseWindow('14d,1000')).toEqual({windowMs: days(14), maxSyncs: 1000});
	});

	it.each([
		['stale-after', '24', /did you mean 24h/],
		['stale-after', '0s', /between 1s/],
		['stale-after', 'soon', /duration/],
	])('rejects --%s %s', (flag, value, message) => {
		expect(() => parseDuration(flag, value)).toThrow(message);
	});

	it.each(['', '7d,3d', '0', '100000', '7d,200,1'])('rejects --window "%s"', (value) => {
		expect(() => parseWindow(value)).toThrow(/--window/);
	});
});
