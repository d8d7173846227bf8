// The explorer's first request, started by cli.tsx before Ink and React load, so that the network
// round trip and the module loading overlap instead of following each other. Free of React.
import type {DecodedPage} from '../api/decode.js';
import {listSyncs} from '../api/syncs.js';
import {defaultLimit, type Config} from '../config.js';
import type {Session} from '../session.js';
import {initialListState, queryOf, type ListState} from '../state/list-state.js';
import {visibleRowsFor} from '../components/layout.js';
import {queryKey} from './page-cache.js';
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
	readonly promise: Promise<DecodedPage>;
	readonly controller: AbortController;
};

export const startFirstPage = (config: Config, session: Session, rows: number): FirstPage => {
	const query = queryOf(firstListState(config, rows));
	const controller = new AbortController();
	const promise = sessionFetchPage(config, session)(query, controller.signal);
	// Handled where it is taken; until then a failure must not count as an unhandled rejection.
	promise.catch(() => {});
	return {key: queryKey(query), promise, controller};
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
		taken?.controller.abort();
		return fetchPage(query, signal);
	};
};
