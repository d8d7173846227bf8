// A small, bounded LRU of pages keyed by query, so paging back and forth (and prefetched
// neighbours) shows at once instead of waiting for the network. Bounded by pages and by syncs:
// a page holds 1 to 500 syncs, so a page count alone lets memory grow 500-fold with --limit.
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
	#syncs = 0;
	readonly capacity: number;
	/** Syncs held at most over all pages (the newest page is kept whatever its size). */
	readonly maxSyncs: number;

	constructor(capacity = 8, maxSyncs = Number.POSITIVE_INFINITY) {
		this.capacity = Math.max(1, capacity);
		this.maxSyncs = maxSyncs;
	}

	/** Syncs held over all pages. */
	get syncs(): number {
		return this.#syncs;
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
		this.#remove(key);
		this.#entries.set(key, {page, at});
		this.#syncs += page.syncs.length;
		while (this.#entries.size > this.capacity || (this.#syncs > this.maxSyncs && this.#entries.size > 1)) {
			const oldest = this.#entries.keys().next().value;
			if (oldest === undefined) break;
			this.#remove(oldest);
		}
	}

	clear(): void {
		this.#entries.clear();
		this.#syncs = 0;
	}

	#remove(key: string): void {
		const entry = this.#entries.get(key);
		if (!entry) return;
		this.#entries.delete(key);
		this.#syncs -= entry.page.syncs.length;
	}
}
