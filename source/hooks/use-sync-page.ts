// One page of syncs for a query: loading / ready / error, with the last good page kept on screen.
// Each request has its own AbortController; a new query cancels the superseded request. Neighbour
// pages are prefetched into a PageCache so page flips are instant.
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {DecodedPage} from '../api/decode.js';
import {ApiError, isApiError} from '../api/errors.js';
import type {SyncQuery} from '../api/types.js';
import {PageCache, queryKey, type CachedPage} from './page-cache.js';

/** Reads one page; injectable so tests use fakes. Must reject when the signal aborts. */
export type FetchPage = (query: SyncQuery, signal: AbortSignal) => Promise<DecodedPage>;

export type PageStatus = 'loading' | 'ready' | 'error';

export type SyncPageState = {
	readonly status: PageStatus;
	/** The last good page (kept while loading and after an error). */
	readonly page: DecodedPage | undefined;
	/** The query `page` answers (differs from the requested one while the next page loads). */
	readonly pageQuery: SyncQuery | undefined;
	readonly loading: boolean;
	readonly error: ApiError | undefined;
	/** When `page` arrived. */
	readonly updatedAt: number | undefined;
	/** The request_id of the last response, good or bad. */
	readonly lastRequestId: string | undefined;
};

export type SyncPageOptions = {
	readonly cache?: PageCache;
	/** Prefetch the previous and next pages once a page is shown. */
	readonly prefetch?: boolean;
	/** A cached page older than this is fetched again. */
	readonly maxAgeMs?: number;
	/** Reload on a timer (off when undefined). */
	readonly refreshMs?: number | undefined;
	readonly now?: () => number;
	/** Called when a prefetched neighbour page has been put in the cache. */
	readonly onPrefetched?: ((query: SyncQuery, cached: CachedPage) => void) | undefined;
};

export type SyncPage = SyncPageState & {
	/** Fetch again now, keeping what is on screen; also the retry after an error. */
	readonly refresh: () => void;
};

type Prefetch = {readonly controller: AbortController; readonly promise: Promise<DecodedPage>};

/** `previous` showing a page from the cache. */
const showCached = (previous: SyncPageState, query: SyncQuery, cached: CachedPage): SyncPageState => ({
	...previous,
	status: 'ready',
	page: cached.page,
	pageQuery: query,
	loading: false,
	error: undefined,
	updatedAt: cached.at,
	lastRequestId: cached.page.requestId ?? previous.lastRequestId,
});

const asApiError = (error: unknown): ApiError =>
	isApiError(error) ? error : new ApiError('bad_response', error instanceof Error ? error.message : String(error));

const initialState: SyncPageState = {
	status: 'loading',
	page: undefined,
	pageQuery: undefined,
	loading: true,
	error: undefined,
	updatedAt: undefined,
	lastRequestId: undefined,
};

/** The queries of the pages either side of `query`, within total_count. */
export const neighbourQueries = (query: SyncQuery, total: number | undefined): SyncQuery[] => {
	const limit = query.limit ?? 0;
	const offset = query.offset ?? 0;
	if (limit <= 0) return [];
	const out: SyncQuery[] = [];
	if (total === undefined || offset + limit < total) out.push({...query, offset: offset + limit});
	if (offset > 0) out.push({...query, offset: Math.max(0, offset - limit)});
	return out;
};

export const useSyncPage = (fetchPage: FetchPage, query: SyncQuery, options: SyncPageOptions = {}): SyncPage => {
	const {prefetch = true, maxAgeMs = 15_000, refreshMs} = options;
	const nowRef = useRef(options.now ?? Date.now);
	nowRef.current = options.now ?? Date.now;
	const now = useCallback(() => nowRef.current(), []);
	const onPrefetchedRef = useRef(options.onPrefetched);
	onPrefetchedRef.current = options.onPrefetched;
	const ownCache = useMemo(() => options.cache ?? new PageCache(8), [options.cache]);
	const [state, setState] = useState<SyncPageState>(initialState);
	const [reload, setReload] = useState(0);
	const key = queryKey(query);
	// The query object changes identity every render; the key is what matters.
	const queryRef = useRef(query);
	queryRef.current = query;
	const prefetches = useRef(new Map<string, Prefetch>());
	const generation = useRef(0);
	const lastForced = useRef(0);

	const prefetchAround = useCallback(
		(shown: SyncQuery, page: DecodedPage) => {
			if (!prefetch) return;
			const gen = generation.current;
			for (const neighbour of neighbourQueries(shown, page.totalCount)) {
				const nkey = queryKey(neighbour);
				const cached = ownCache.get(neighbour);
				if ((cached && now() - cached.at < maxAgeMs) || prefetches.current.has(nkey)) continue;
				if (prefetches.current.size >= 2) break;
				const controller = new AbortController();
				const promise = fetchPage(neighbour, controller.signal);
				prefetches.current.set(nkey, {controller, promise});
				promise
					.then((result) => {
						if (controller.signal.aborted || gen !== generation.current) return;
						const cached = {page: result, at: now()};
						ownCache.set(neighbour, cached.page, cached.at);
						onPrefetchedRef.current?.(neighbour, cached);
					})
					.catch(() => {
						// A prefetch failing is not news: the page is fetched again when it is opened.
					})
					.finally(() => prefetches.current.delete(nkey));
			}
		},
		[fetchPage, ownCache, prefetch, maxAgeMs, now],
	);

	// A cached page is shown in the same commit as the key that asked for it: set during render,
	// React renders again before committing, so a page flip draws one frame, not the old page first.
	const [renderedKey, setRenderedKey] = useState<string | undefined>(undefined);
	if (renderedKey !== key) {
		setRenderedKey(key);
		const cached = ownCache.get(query);
		if (cached && now() - cached.at < maxAgeMs) setState((previous) => showCached(previous, query, cached));
	}

	useEffect(() => {
		const current = queryRef.current;
		const forced = reload !== lastForced.current;
		lastForced.current = reload;
		const cached = forced ? undefined : ownCache.get(current);
		if (cached && now() - cached.at < maxAgeMs) {
			// Usually shown already (above); then this is a no-op and React skips the render.
			setState((previous) =>
				previous.page === cached.page && previous.pageQuery !== undefined && queryKey(previous.pageQuery) === key && !previous.loading
					? previous
					: showCached(previous, current, cached),
			);
			prefetchAround(current, cached.page);
			return;
		}
		const controller = new AbortController();
		setState((previous) => ({...previous, status: previous.page ? previous.status : 'loading', loading: true}));
		// A flip onto a page whose prefetch is still in flight waits for that request, not a second one.
		const inflight = forced ? undefined : prefetches.current.get(key);
		(inflight ? inflight.promise : fetchPage(current, controller.signal)).then(
			(page) => {
				if (controller.signal.aborted) return;
				const at = now();
				ownCache.set(current, page, at);
				setState({
					status: 'ready',
					page,
					pageQuery: current,
					loading: false,
					error: undefined,
					updatedAt: at,
					lastRequestId: page.requestId,
				});
				prefetchAround(current, page);
			},
			(error: unknown) => {
				if (controller.signal.aborted) return;
				const apiError = asApiError(error);
				if (apiError.kind === 'cancelled') return;
				setState((previous) => ({
					...previous,
					status: 'error',
					loading: false,
					error: apiError,
					lastRequestId: apiError.requestId ?? previous.lastRequestId,
				}));
			},
		);
		return () => controller.abort();
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the query
	}, [key, reload, fetchPage, ownCache, maxAgeMs, prefetchAround]);

	const refresh = useCallback(() => {
		generation.current++;
		for (const {controller} of prefetches.current.values()) controller.abort();
		prefetches.current.clear();
		ownCache.clear();
		setReload((count) => count + 1);
	}, [ownCache]);

	useEffect(() => {
		if (refreshMs === undefined || refreshMs <= 0) return;
		const timer = setInterval(refresh, refreshMs);
		return () => clearInterval(timer);
	}, [refreshMs, refresh]);

	useEffect(
		() => () => {
			for (const {controller} of prefetches.current.values()) controller.abort();
		},
		[],
	);

	return {...state, refresh};
};
