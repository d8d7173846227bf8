// The text report and the JSON shape scripts rely on. The JSON test pins every field: changing the
// shape must change this test (and the README's "Health check" section with it).
import {describe, expect, it} from 'vitest';
import {stripVTControlCharacters} from 'node:util';
import type {FleetReport} from '../../source/health/check.js';
import {fleetJson, healthJson, renderFleetText, renderHealthText, unknownJson} from '../../source/health/render.js';
import {assessHealth} from '../../source/health/verdict.js';
import {ago, hours, input, minutes, sync} from './fixtures.js';

const degraded = () => {
	const syncs = [
		sync(minutes(30), [
			['ACCOUNTS', 'SUCCESS'],
			['INVOICES', 'FAILED'],
		], {rootfi_id: 11}),
		sync(hours(3), [['ACCOUNTS', 'RUNNING']], {rootfi_id: 10, end_time: null}),
		sync(hours(5), [['INVOICES', 'SUCCESS']], {rootfi_id: 9}),
	];
	return assessHealth(input(syncs, {requestIds: ['req-a', 'req-b']}));
};

describe('healthJson', () => {
	it('has a stable shape', () => {
		expect(healthJson(degraded())).toEqual({
			version: 1,
			checked_at: '2026-12-03T12:00:00.000Z',
			company_id: 101,
			verdict: 'DEGRADED',
			exit_code: 1,
			reasons: [
				{
					code: 'model.latest_failed',
					severity: 'DEGRADED',
					message: 'INVOICES: latest run failed (sync 11, 30m ago)',
					data_model: 'INVOICES',
					sync_id: 11,
					at: ago(minutes(30)),
				},
				{
					code: 'sync.running_too_long',
					severity: 'DEGRADED',
					message: 'sync 10 has been running for 3h (limit 2h)',
					sync_id: 10,
					started_at: ago(hours(3)),
					running_seconds: 10_800,
				},
			],
			connection_status: 'HEALTHY',
			sync_status: 'IDLE',
			data_models: [
				{
					data_model: 'ACCOUNTS',
					latest_status: 'SUCCESS',
					latest_at: ago(minutes(30)),
					latest_sync_id: 11,
					last_success_at: ago(minutes(29)),
					failures: 0,
					runs: 2,
					latest_failed: false,
					stale: false,
				},
				{
					data_model: 'INVOICES',
					latest_status: 'FAILED',
					latest_at: ago(minutes(30)),
					latest_sync_id: 11,
					last_success_at: ago(hours(5) - minutes(1)),
					failures: 1,
					runs: 2,
					latest_failed: true,
					stale: false,
				},
			],
			running: [{sync_id: 10, started_at: ago(hours(3)), running_seconds: 10_800, too_long: true}],
			window: {
				since: '2026-11-26T12:00:00.000Z',
				syncs: 3,
				capped: false,
				undated: 0,
				newest_at: ago(minutes(30)),
				oldest_at: ago(hours(5)),
			},
			settings: {window_seconds: 604_800, window_max_syncs: 200, stale_after_seconds: 86_400, max_running_seconds: 7200},
			coverage: null,
			request_ids: ['req-a', 'req-b'],
		});
	});

	it('every reason code carries its own fields', () => {
		const report = assessHealth(input([sync(hours(30), [['BILLS', 'FAILED']])], {connectionStatus: 'EXPIRED'}));
		expect(healthJson(report).reasons.map((reason) => Object.keys(reason).sort())).toEqual([
			['code', 'connection_status', 'message', 'severity'],
			['code', 'message', 'severity', 'syncs_in_window'],
			['at', 'code', 'data_model', 'message', 'severity', 'sync_id'],
			['code', 'data_model', 'last_success_at', 'message', 'severity'],
		]);
	});

	it('fleet and unknown shapes', () => {
		const report = degraded();
		const fleet: FleetReport = {
			verdict: 'DEGRADED',
			exitCode: 1,
			companies: [report],
			discovery: {syncs: 3, withoutCompany: 0, coverage: {pages: 1, syncsRead: 3, totalCount: 3, order: 'newest_first', complete: true}, requestIds: ['req-0']},
			skippedCompanies: 0,
			settings: report.settings,
			now: report.now,
		};
		expect(Object.keys(fleetJson(fleet))).toEqual([
			'version',
			'checked_at',
			'company_id',
			'verdict',
			'exit_code',
			'companies',
			'skipped_companies',
			'syncs_without_company',
			'settings',
			'coverage',
			'request_ids',
		]);
		expect(fleetJson(fleet).companies[0]).toEqual(healthJson(report));
		expect(unknownJson('Cannot reach RootFi: connection refused', report.now, {kind: 'network'})).toEqual({
			version: 1,
			checked_at: '2026-12-03T12:00:00.000Z',
			verdict: 'UNKNOWN',
			exit_code: 3,
			error: {kind: 'network', message: 'Cannot reach RootFi: connection refused', request_id: null},
		});
	});
});

describe('renderHealthText', () => {
	it('reads without colour: verdict, reasons, connection, models, running, request ids', () => {
		const text = renderHealthText(degraded(), {color: false});
		expect(text).not.toMatch(/\u001b/);
		expect(text.split('\n').slice(0, 4)).toEqual([
			'company 101 · ▲ DEGRADED · 2 reasons',
			'  ▲ INVOICES: latest run failed (sync 11, 30m ago)',
			'  ▲ sync 10 has been running for 3h (limit 2h)',
			'connection ✔ HEALTHY · sync_status IDLE',
		]);
		expect(text).toMatch(/^INVOICES +✖ FAILED +30m ago +4h ago +1 +2$/m);
		expect(text).toContain('▲ too long sync 10 running for 3h (over 2h)');
		expect(text).toContain('request_ids req-a, req-b');
	});

	it('colours on a terminal, and says the same once the colour is stripped', () => {
		const plain = renderHealthText(degraded(), {color: false});
		const coloured = renderHealthText(degraded(), {color: true});
		expect(coloured).toMatch(/\u001b\[33m▲ DEGRADED\u001b\[0m/);
		expect(stripVTControlCharacters(coloured)).toBe(plain);
	});

	it('never lets a control sequence from the API through', () => {
		const evil = '\u001b]52;c;ZXZpbA==\u0007INVOICES\u009b31m';
		const report = assessHealth(
			input([sync(minutes(5), [[evil, 'FAILED'], ['ACCOUNTS', 'SUCCESS']])], {connectionStatus: '\u001b[2J', syncStatus: '\u202eIDLE'}),
		);
		const text = renderHealthText(report, {color: false});
		expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
		expect(text).toContain('\\x1b]52;c;ZXZpbA==\\x07INVOICES\\x9b31m');
		const fleetText = renderFleetText(
			{
				verdict: report.verdict,
				exitCode: report.exitCode,
				companies: [report],
				discovery: {syncs: 1, withoutCompany: 0, coverage: {pages: 1, syncsRead: 1, totalCount: 1, order: 'unknown', complete: true}, requestIds: ['\u001b[31mreq']},
				skippedCompanies: 0,
				settings: report.settings,
				now: report.now,
			},
			{color: false},
		);
		expect(fleetText).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
	});

	it('a terminal that reports a tiny or zero width still shows every reason', () => {
		const text = renderHealthText(degraded(), {color: false, width: 0});
		expect(text).toContain('  ▲ INVOICES: latest');
	});

	it('cuts lines to the terminal width', () => {
		const text = renderHealthText(degraded(), {color: false, width: 40});
		for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
	});
});
