// A small, bounded LRU of pages keyed by query, so paging back and forth (and prefetched
// neighbours) shows at once instead of waiting for the network.
import type {DecodedPage} from '../api/decode.js';
import type {SyncQuery} from '../api/types.js';

export type CachedPage = {
	readonly page: DecodedPage;
	/** When it arrived (ms since the epoch). */
	readonly at: number;
};

export const queryKey = (query: SyncQuery): string =>
	[query.company_id ?? '*', query.job_type ?? '*', query.offset ?? 0, query.limit ?? '*'].join('|');

export class PageCache {
	readonly #entries = new Map<string, CachedPage>();
	readonly capacity: number;

	constructor(capacity = 8) {
		this.capacity = Math.max(1, capacity);
	}

	get size(): number {
		return this.#entries.size;
	}

	/** The page for a query, marked most recently used. */
	get(query: SyncQuery): CachedPage | undefined {
		const key = queryKey(query);
		const entry = this.#entries.get(key);
		if (entry) {
			this.#entries.delete(key);
			this.#entries.set(key, entry);
		}
		return entry;
	}

	has(query: SyncQuery): boolean {
		return this.#entries.has(queryKey(query));
	}

	set(query: SyncQuery, page: DecodedPage, at: number): void {
		const key = queryKey(query);
		this.#entries.delete(key);
		this.#entries.set(key, {page, at});
		while (this.#entries.size > this.capacity) {
			const oldest = this.#entries.keys().next().value;
			if (oldest === undefined) break;
			this.#entries.delete(oldest);
		}
	}

	clear(): void {
		this.#entries.clear();
	}
}
