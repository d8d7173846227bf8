// The explorer's first request, started by cli.tsx before Ink and React load, so that the network
// round trip and the module loading overlap instead of following each other. Free of React.
import type {DecodedPage} from '../api/decode.js';
import {listSyncs} from '../api/syncs.js';
import {defaultLimit, type Config} from '../config.js';
import type {Session} from '../session.js';
import type {SyncQuery} from '../api/types.js';
import {initialListState, queryOf, type ListState} from '../state/list-state.js';
import {visibleRowsFor} from '../components/layout.js';
import {queryKey, type PageCache} from './page-cache.js';
import type {FetchPage} from './use-sync-page.js';

/** The list state the explorer opens with on a terminal of `rows` lines. */
export const firstListState = (config: Config, rows: number): ListState =>
	initialListState({
		limit: config.query.limit === defaultLimit ? visibleRowsFor(rows) : config.query.limit,
		limitChosen: config.query.limit !== defaultLimit,
		offset: config.query.offset,
		filters: {companyId: config.query.company_id, jobType: config.query.job_type},
	});

/** GET /sync over the session, as the explorer reads pages. */
export const sessionFetchPage =
	(config: Config, session: Session): FetchPage =>
	(query, signal) =>
		listSyncs(session.client, query, {signal, timeoutMs: config.timeoutMs});

export type FirstPage = {
	readonly key: string;
	readonly query: SyncQuery;
	readonly promise: Promise<DecodedPage>;
	readonly controller: AbortController;
	/** The page and when it came, once it has (set as the promise resolves). */
	arrived?: {readonly page: DecodedPage; readonly at: number};
};

export const startFirstPage = (config: Config, session: Session, rows: number): FirstPage => {
	const query = queryOf(firstListState(config, rows));
	const controller = new AbortController();
	const promise = sessionFetchPage(config, session)(query, controller.signal);
	const first: FirstPage = {key: queryKey(query), query, promise, controller};
	// Handled where it is taken; until then a failure must not count as an unhandled rejection.
	promise.then(
		(page) => {
			first.arrived = {page, at: Date.now()};
		},
		() => {},
	);
	return first;
};

/**
 * Puts the first page in the explorer's cache if it came while Ink was loading (the usual case on
 * a near API), so that the first frame shows the rows instead of a loading frame and then the rows.
 * Returns the first page still to be handed to a fetch: none once it is in the cache, or the next
 * fetch of that page (a refresh, say) would be answered with the same old response.
 */
export const seedFirstPage = (cache: PageCache, first: FirstPage | undefined): FirstPage | undefined => {
	if (!first?.arrived) return first;
	cache.set(first.query, first.arrived.page, first.arrived.at);
	return undefined;
};

/** `fetchPage`, except that its first call takes `first` when it asks for the same page. */
export const withFirstPage = (fetchPage: FetchPage, first: FirstPage | undefined): FetchPage => {
	let pending = first;
	return (query, signal) => {
		const taken = pending;
		pending = undefined;
		if (taken && queryKey(query) === taken.key) {
			if (signal.aborted) taken.controller.abort();
			else signal.addEventListener('abort', () => taken.controller.abort(), {once: true});
			return taken.promise;
		}
		// Unless it has already come (then there is nothing to cancel), the early request is not wanted.
		if (taken && !taken.arrived) taken.controller.abort();
		return fetchPage(query, signal);
	};
};
