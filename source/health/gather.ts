// Reads the syncs a health check needs from GET /sync, page by page, and no more than the window
// asks for. The API's order is not documented, so the first page is looked at: newest-first is read
// forwards and oldest-first backwards from the end (both stop once the window is covered); any other
// order is read to the end, up to a page limit, and the result says when it stopped short.
import type {DecodedPage, SyncRecord} from '../api/decode.js';
import type {RootfiClient} from '../api/client.js';
import {listSyncs, type CallOptions} from '../api/syncs.js';
import type {JobType, SyncQuery} from '../api/types.js';
import type {HealthSettings} from './options.js';
import {syncTime, type Coverage} from './verdict.js';

/** Reads one page; listSyncs in the app, a fake in tests. Throws ApiError. */
export type PageReader = (query: SyncQuery, signal: AbortSignal | undefined) => Promise<DecodedPage>;

export const pageReader =
	(client: RootfiClient, options: Omit<CallOptions, 'signal'> = {}): PageReader =>
	(query, signal) =>
		listSyncs(client, query, {...options, ...(signal ? {signal} : {})});

/** RootFi's other read endpoints default to 100 per page; the API notes say never ask for more than 500. */
export const defaultPageSize = 100;

export type GatherOptions = {
	readonly read: PageReader;
	readonly companyId?: number | undefined;
	readonly jobType?: JobType | undefined;
	readonly settings: Pick<HealthSettings, 'windowMs' | 'maxSyncs'>;
	readonly now: number;
	readonly pageSize?: number;
	/** Default: enough pages for twice the window's count, and at least 1,000 syncs. */
	readonly maxPages?: number;
	readonly signal?: AbortSignal | undefined;
};

export type Gathered = {
	/** Every sync read, deduplicated by rootfi_id, in no particular order: assessHealth selects the window. */
	readonly syncs: readonly SyncRecord[];
	/** From the first response: meaningful only when filtered by company. */
	readonly connectionStatus: string | undefined;
	readonly syncStatus: string | undefined;
	readonly requestIds: readonly string[];
	readonly coverage: Coverage;
};

type Order = Coverage['order'];

const direction = (values: readonly number[]): Order => {
	if (values.length < 2 || values.every((value) => value === values[0])) return 'unknown';
	let down = true;
	let up = true;
	for (let i = 1; i < values.length; i++) {
		const previous = values[i - 1] ?? 0;
		const current = values[i] ?? 0;
		if (current > previous) down = false;
		if (current < previous) up = false;
	}
	return down ? 'newest_first' : up ? 'oldest_first' : 'unknown';
};

/** The order of a page by time, or failing that by id (ids grow with creation). */
export const detectOrder = (syncs: readonly SyncRecord[]): Order => {
	const byTime = direction(syncs.map(syncTime).filter((time): time is number => time !== undefined));
	if (byTime !== 'unknown') return byTime;
	return direction(syncs.map((sync) => sync.rootfi_id).filter((id): id is number => id !== undefined));
};

export const gatherSyncs = async (options: GatherOptions): Promise<Gathered> => {
	const {read, now, settings, signal} = options;
	const pageSize = options.pageSize ?? defaultPageSize;
	const maxPages = options.maxPages ?? Math.ceil(Math.max(2 * settings.maxSyncs, 1000) / pageSize);
	const startAt = now - settings.windowMs;
	const filters: SyncQuery = {
		...(options.companyId === undefined ? {} : {company_id: options.companyId}),
		...(options.jobType === undefined ? {} : {job_type: options.jobType}),
	};

	const syncs: SyncRecord[] = [];
	const seen = new Set<number>();
	const requestIds: string[] = [];
	let inWindow = 0;
	/** In-window syncs that do not count towards the window's count (see the backward read). */
	let baseline = 0;
	let pages = 0;
	/** Adds a page's syncs; returns how many were new. */
	const collect = (page: DecodedPage): number => {
		pages++;
		if (page.requestId !== undefined && !requestIds.includes(page.requestId)) requestIds.push(page.requestId);
		let added = 0;
		for (const sync of page.syncs) {
			if (sync.rootfi_id !== undefined) {
				if (seen.has(sync.rootfi_id)) continue;
				seen.add(sync.rootfi_id);
			}
			syncs.push(sync);
			added++;
			const time = syncTime(sync);
			if (time !== undefined && time >= startAt) inWindow++;
		}
		return added;
	};
	/** For a page in time order: everything beyond it is older than the window, or the count is reached. */
	const covered = (page: DecodedPage): boolean => {
		if (inWindow - baseline >= settings.maxSyncs) return true;
		const times = page.syncs.map(syncTime).filter((time): time is number => time !== undefined);
		return times.length > 0 && Math.min(...times) < startAt;
	};
	const readPage = (offset: number, limit: number) => read({...filters, limit, offset}, signal);

	const first = await readPage(0, pageSize);
	collect(first);
	const totalCount = first.totalCount;
	const order = detectOrder(first.syncs);
	const done = (offset: number, page: DecodedPage): boolean =>
		page.syncs.length === 0 || (totalCount === undefined ? page.syncs.length < pageSize : offset >= totalCount);
	const result = (complete: boolean): Gathered => ({
		syncs,
		connectionStatus: first.connectionStatus,
		syncStatus: first.syncStatus,
		requestIds,
		coverage: {pages, syncsRead: syncs.length, totalCount, order, complete},
	});

	if (done(first.syncs.length, first)) return result(true);

	if (order === 'oldest_first' && totalCount !== undefined) {
		// Read backwards from the end, never re-reading the first page's range. The first page holds
		// the oldest syncs, so its syncs do not count towards the newest `maxSyncs`.
		baseline = inWindow;
		let end = totalCount;
		let last = first;
		const floor = first.syncs.length;
		while (end > floor) {
			if (pages > 1 && covered(last)) return result(true);
			if (pages >= maxPages) return result(false);
			const start = Math.max(floor, end - pageSize);
			last = await readPage(start, end - start);
			if (collect(last) === 0) return result(false);
			end = start;
		}
		return result(true);
	}

	let offset = first.syncs.length;
	let last = first;
	for (;;) {
		if (order === 'newest_first' && covered(last)) return result(true);
		if (pages >= maxPages) return result(false);
		last = await readPage(offset, pageSize);
		offset += last.syncs.length;
		// A server that ignores offset sends the same page again: stop rather than loop.
		if (collect(last) === 0 && last.syncs.length > 0) return result(false);
		if (done(offset, last)) return result(true);
	}
};

/** Runs `work` over `items`, at most `limit` at a time; the first failure cancels the rest. */
export const mapBounded = async <T, R>(
	items: readonly T[],
	limit: number,
	work: (item: T, signal: AbortSignal) => Promise<R>,
	signal?: AbortSignal,
): Promise<R[]> => {
	const controller = new AbortController();
	const onAbort = () => controller.abort(signal?.reason);
	signal?.addEventListener('abort', onAbort, {once: true});
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length && !controller.signal.aborted) {
			const index = next++;
			results[index] = await work(items[index] as T, controller.signal);
		}
	};
	try {
		await Promise.all(
			Array.from({length: Math.min(limit, items.length)}, () =>
				worker().catch((error: unknown) => {
					controller.abort(error);
					throw error;
				}),
			),
		);
		return results;
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
};
