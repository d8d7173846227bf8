// Paging and bounds: a fake page reader over crafted syncs in each order, then the demo API over HTTP.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DecodedPage, SyncRecord} from '../../source/api/decode.js';
import {createRootfiClient} from '../../source/api/client.js';
import {ApiError} from '../../source/api/errors.js';
import type {SyncQuery} from '../../source/api/types.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {checkAllCompanies, checkCompany} from '../../source/health/check.js';
import {detectOrder, gatherSyncs, mapBounded, pageReader, type PageReader} from '../../source/health/gather.js';
import {defaultHealthSettings} from '../../source/health/options.js';
import {assessHealth} from '../../source/health/verdict.js';
import {days, hours, now, sync} from './fixtures.js';

/** `count` syncs an hour apart, newest first, company 101. */
const history = (count: number): SyncRecord[] =>
	Array.from({length: count}, (_, i) => sync(hours(i + 1), [['INVOICES', 'SUCCESS']]));

type Fake = {read: PageReader; queries: SyncQuery[]};

const fakeApi = (all: readonly SyncRecord[], {connection = 'HEALTHY', ignoreOffset = false} = {}): Fake => {
	const queries: SyncQuery[] = [];
	const read: PageReader = async (query) => {
		queries.push(query);
		const matching = all.filter((s) => query.company_id === undefined || s.rootfi_company_id === query.company_id);
		const offset = ignoreOffset ? 0 : (query.offset ?? 0);
		const page: DecodedPage = {
			syncs: matching.slice(offset, offset + (query.limit ?? 100)),
			totalCount: matching.length,
			syncStatus: 'IDLE',
			connectionStatus: connection,
			requestId: `req-${queries.length}`,
			requestTimestamp: undefined,
			responseTimestamp: undefined,
			anomalies: [],
		};
		return page;
	};
	return {read, queries};
};

const settings = {windowMs: days(7), maxSyncs: 200};

describe('gatherSyncs with a fake API', () => {
	it('newest first: reads forwards and stops once a page reaches past the window', async () => {
		const all = history(400); // 400 hours: the window (168h) ends on page 2
		const fake = fakeApi(all);
		const gathered = await gatherSyncs({read: fake.read, settings, now, pageSize: 100});
		expect(fake.queries.map((q) => q.offset)).toEqual([0, 100]);
		expect(gathered.coverage).toEqual({pages: 2, syncsRead: 200, totalCount: 400, order: 'newest_first', complete: true});
		expect(gathered.requestIds).toEqual(['req-1', 'req-2']);
	});

	it('newest first: stops at the count limit', async () => {
		const fake = fakeApi(history(150));
		await gatherSyncs({read: fake.read, settings: {windowMs: days(30), maxSyncs: 50}, now, pageSize: 20});
		expect(fake.queries.map((q) => q.offset)).toEqual([0, 20, 40]);
	});

	it('oldest first: reads backwards from the end, without re-reading the first page', async () => {
		const all = history(1000).reverse();
		const fake = fakeApi(all);
		const gathered = await gatherSyncs({read: fake.read, settings, now, pageSize: 100});
		expect(fake.queries.map((q) => [q.offset, q.limit])).toEqual([
			[0, 100],
			[900, 100],
			[800, 100],
		]);
		expect(gathered.coverage.order).toBe('oldest_first');
		const report = assessHealth({syncs: gathered.syncs, requestIds: [], now, settings: defaultHealthSettings, connectionStatus: 'HEALTHY'});
		expect(report.window.syncs).toBe(168); // 1h to 168h ago, both ends included
	});

	it('unknown order: reads to the end, up to the page limit, and says when it stopped short', async () => {
		const shuffled = history(500).sort((a, b) => ((a.rootfi_id ?? 0) * 7919) % 500 - ((b.rootfi_id ?? 0) * 7919) % 500);
		const fake = fakeApi(shuffled);
		const complete = await gatherSyncs({read: fake.read, settings, now, pageSize: 100});
		expect(complete.coverage).toMatchObject({order: 'unknown', pages: 5, complete: true, syncsRead: 500});
		const capped = await gatherSyncs({read: fakeApi(shuffled).read, settings, now, pageSize: 100, maxPages: 3});
		expect(capped.coverage).toMatchObject({pages: 3, complete: false});
	});

	it('a server that ignores offset does not make it loop', async () => {
		const fake = fakeApi(history(300).reverse().slice(0, 300), {ignoreOffset: true});
		const gathered = await gatherSyncs({read: fake.read, settings, now, pageSize: 100});
		expect(fake.queries.length).toBeLessThanOrEqual(2);
		expect(gathered.coverage.complete).toBe(false);
	});

	it('one page is enough when it holds everything', async () => {
		const fake = fakeApi(history(10));
		const gathered = await gatherSyncs({read: fake.read, settings, now, companyId: 101, jobType: 'PULL'});
		expect(fake.queries).toEqual([{company_id: 101, job_type: 'PULL', limit: 100, offset: 0}]);
		expect(gathered.connectionStatus).toBe('HEALTHY');
	});

	it('detectOrder', () => {
		const [a, b, c] = history(3);
		expect(detectOrder([a!, b!, c!])).toBe('newest_first');
		expect(detectOrder([c!, b!, a!])).toBe('oldest_first');
		expect(detectOrder([b!, a!, c!])).toBe('unknown');
		expect(detectOrder([a!])).toBe('unknown');
	});

	it('passes errors through and cancels the other company checks', async () => {
		const seen: number[] = [];
		const error = new ApiError('auth', 'The API key was refused (HTTP 401)');
		await expect(
			mapBounded([1, 2, 3, 4, 5, 6], 2, async (n, signal) => {
				seen.push(n);
				if (n === 2) throw error;
				await new Promise((resolve) => setTimeout(resolve, 5));
				if (signal.aborted) throw new ApiError('cancelled', 'Request cancelled');
				return n;
			}),
		).rejects.toBe(error);
		expect(seen.length).toBeLessThan(6);
	});

	it('bounds the concurrency of company checks', async () => {
		let active = 0;
		let peak = 0;
		const results = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
			active++;
			peak = Math.max(peak, active);
			await new Promise((resolve) => setTimeout(resolve, 2));
			active--;
			return n * 2;
		});
		expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
		expect(peak).toBe(3);
	});
});

describe('against the demo API over HTTP', () => {
	let server: DemoServer;
	let read: PageReader;
	let clock: number;

	beforeAll(async () => {
		server = await startDemoServer();
		read = pageReader(createRootfiClient({baseUrl: server.url, apiKey: 'demo'}), {timeoutMs: 5000});
		clock = Date.now();
	});
	afterAll(() => server.close());

	const check = (companyId: number) => checkCompany(companyId, {read, settings: defaultHealthSettings, now: clock});

	it('101 is HEALTHY', async () => {
		const report = await check(101);
		expect(report.reasons).toEqual([]);
		expect(report.verdict).toBe('HEALTHY');
		expect(report.connectionStatus).toBe('HEALTHY');
		expect(report.requestIds.length).toBeGreaterThan(0);
		expect(report.coverage?.complete).toBe(true);
	});

	it('102 is DEGRADED, naming INVOICES', async () => {
		const report = await check(102);
		expect(report.verdict).toBe('DEGRADED');
		expect(report.reasons).toContainEqual(expect.objectContaining({code: 'model.latest_failed', dataModel: 'INVOICES'}));
	});

	it('103 is UNHEALTHY, naming the EXPIRED connection', async () => {
		const report = await check(103);
		expect(report.verdict).toBe('UNHEALTHY');
		expect(report.reasons[0]).toMatchObject({code: 'connection.not_healthy', connectionStatus: 'EXPIRED'});
	});

	it('104 reports its running syncs, the stuck one as too long', async () => {
		const report = await check(104);
		expect(report.running.length).toBeGreaterThanOrEqual(2);
		expect(report.running.some((s) => !s.tooLong && s.runningMs < hours(1))).toBe(true);
		expect(report.reasons).toContainEqual(expect.objectContaining({code: 'sync.running_too_long'}));
	});

	it('every company: one report each, worst first, the same verdicts as one by one', async () => {
		const fleet = await checkAllCompanies({read, settings: defaultHealthSettings, now: clock});
		expect(fleet.companies.length).toBeGreaterThan(0);
		expect(fleet.verdict).toBe('UNHEALTHY');
		const ranks = fleet.companies.map((r) => ({UNHEALTHY: 2, DEGRADED: 1, HEALTHY: 0})[r.verdict]);
		expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
		const ids = fleet.companies.map((r) => r.companyId);
		for (const id of [101, 102, 103, 104]) {
			if (!ids.includes(id)) continue;
			const alone = await check(id);
			expect(fleet.companies.find((r) => r.companyId === id)?.verdict).toBe(alone.verdict);
		}
	});
});
