import {describe, expect, it} from 'vitest';
import type {DecodedPage} from '../../source/api/decode.js';
import type {SyncQuery} from '../../source/api/types.js';
import {seedFirstPage, withFirstPage, type FirstPage} from '../../source/hooks/first-page.js';
import {PageCache, queryKey} from '../../source/hooks/page-cache.js';
import type {FetchPage} from '../../source/hooks/use-sync-page.js';

const pageOf = (rows: number, requestId = 'r'): DecodedPage => ({
	syncs: Array.from({length: rows}, (_, index) => ({rootfi_id: index, data_models: [], dropped: []})),
	totalCount: 10_000,
	syncStatus: undefined,
	connectionStatus: undefined,
	requestId,
	requestTimestamp: undefined,
	responseTimestamp: undefined,
	anomalies: [],
});
const at = (offset: number, limit = 500) => ({offset, limit});

describe('PageCache', () => {
	it('evicts the least recently used page beyond its page capacity', () => {
		const cache = new PageCache(2);
		cache.set(at(0), pageOf(1), 0);
		cache.set(at(500), pageOf(1), 0);
		cache.get(at(0));
		cache.set(at(1000), pageOf(1), 0);
		expect(cache.has(at(0))).toBe(true);
		expect(cache.has(at(500))).toBe(false);
		expect(cache.has(at(1000))).toBe(true);
	});

	it('bounds the syncs it holds, whatever the page size, but keeps the newest page', () => {
		const cache = new PageCache(12, 1500);
		for (let offset = 0; offset < 10_000; offset += 500) cache.set(at(offset), pageOf(500), 0);
		expect(cache.syncs).toBeLessThanOrEqual(1500);
		expect(cache.size).toBe(3);
		expect(cache.has(at(9500))).toBe(true);
		const huge = new PageCache(12, 100);
		huge.set(at(0), pageOf(500), 0);
		expect(huge.size).toBe(1);
	});

	it('keeps its sync count right when a page is replaced', () => {
		const cache = new PageCache(4, 1000);
		cache.set(at(0), pageOf(300), 0);
		cache.set(at(0), pageOf(200), 1);
		expect(cache.syncs).toBe(200);
		expect(cache.get(at(0))?.at).toBe(1);
	});

	it('keys by every part of the query', () => {
		expect(queryKey({company_id: 102, job_type: 'PULL', offset: 0, limit: 20})).not.toBe(
			queryKey({company_id: 102, job_type: 'PUSH', offset: 0, limit: 20}),
		);
		expect(queryKey({offset: 0, limit: 20})).not.toBe(queryKey({offset: 0, limit: 25}));
	});
});

describe('withFirstPage', () => {
	const first = (query: SyncQuery): FirstPage & {aborted: () => boolean} => {
		const controller = new AbortController();
		return {key: queryKey(query), query, promise: Promise.resolve(pageOf(3, 'early')), controller, aborted: () => controller.signal.aborted};
	};

	it('hands the early request to the first matching call, and only to it', async () => {
		const calls: string[] = [];
		const fetchPage: FetchPage = async (query) => {
			calls.push(queryKey(query));
			return pageOf(1, 'late');
		};
		const early = first(at(0, 20));
		const read = withFirstPage(fetchPage, early);
		expect((await read(at(0, 20), new AbortController().signal)).requestId).toBe('early');
		expect((await read(at(0, 20), new AbortController().signal)).requestId).toBe('late');
		expect(calls).toEqual([queryKey(at(0, 20))]);
	});

	it('aborts the early request when the first call asks for another page', async () => {
		const early = first(at(0, 20));
		const read = withFirstPage(async () => pageOf(1, 'late'), early);
		expect((await read(at(20, 20), new AbortController().signal)).requestId).toBe('late');
		expect(early.aborted()).toBe(true);
	});

	it('aborts the early request when its taker is cancelled', async () => {
		const early = first(at(0, 20));
		const read = withFirstPage(async () => pageOf(1), early);
		const controller = new AbortController();
		void read(at(0, 20), controller.signal);
		expect(early.aborted()).toBe(false);
		controller.abort();
		expect(early.aborted()).toBe(true);
	});

	it('a first page seeded into the cache is not handed out again: the next fetch goes to the API', async () => {
		const calls: string[] = [];
		const fetchPage: FetchPage = async (query) => {
			calls.push(queryKey(query));
			return pageOf(1, 'fresh');
		};
		const early = first(at(0, 20));
		early.arrived = {page: pageOf(3, 'early'), at: 5};
		const cache = new PageCache();
		const read = withFirstPage(fetchPage, seedFirstPage(cache, early));
		expect(cache.get(at(0, 20))).toMatchObject({at: 5, page: {requestId: 'early'}});
		expect((await read(at(0, 20), new AbortController().signal)).requestId).toBe('fresh');
		expect(calls).toEqual([queryKey(at(0, 20))]);
	});

	it('a first page still on its way is not seeded, and goes to the first matching fetch', async () => {
		const early = first(at(0, 20));
		const cache = new PageCache();
		const read = withFirstPage(async () => pageOf(1, 'late'), seedFirstPage(cache, early));
		expect(cache.size).toBe(0);
		expect((await read(at(0, 20), new AbortController().signal)).requestId).toBe('early');
	});
});
