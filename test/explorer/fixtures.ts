// Syncs and a fake fetchPage for explorer tests: no network, every call recorded.
import type {DecodedPage, SyncRecord} from '../../source/api/decode.js';
import {ApiError} from '../../source/api/errors.js';
import type {SyncQuery} from '../../source/api/types.js';
import type {FetchPage} from '../../source/hooks/use-sync-page.js';

export const fixedNow = Date.parse('2026-12-03T12:00:00.000Z');

const iso = (ms: number) => new Date(ms).toISOString();

export const makeSync = (id: number, company: number, overrides: Partial<SyncRecord> = {}): SyncRecord => {
	const start = fixedNow - (id % 100) * 3_600_000 - 600_000;
	return {
		rootfi_id: id,
		rootfi_company_id: company,
		rootfi_organisation_id: 7,
		integration_type: 'XERO',
		rootfi_integration_type: 'XERO',
		config_mode: id % 3 === 0 ? 'CREATE' : 'READ',
		sync_type: 'AUTO_SYNC',
		full_sync: id % 2 === 0,
		start_time: iso(start),
		end_time: iso(start + 250_000),
		sync_from: null,
		rootfi_created_at: iso(start),
		rootfi_updated_at: iso(start + 250_000),
		success_count: 2,
		failed_count: 0,
		running_count: 0,
		created_count: 0,
		data_models: [
			{
				sync_id: `s${id}a`,
				data_model: 'ACCOUNTS',
				status: 'SUCCESS',
				total_count: 10,
				success_count: 10,
				failed_count: 0,
				running_count: 0,
				pending_count: 0,
				start_time: iso(start),
				end_time: iso(start + 60_000),
			},
			{
				sync_id: `s${id}b`,
				data_model: 'INVOICES',
				status: 'SUCCESS',
				total_count: 120,
				success_count: 120,
				failed_count: 0,
				running_count: 0,
				pending_count: 0,
				start_time: iso(start + 60_000),
				end_time: iso(start + 250_000),
			},
		],
		dropped: [],
		...overrides,
	};
};

/** Company 102's story: its INVOICES failed. */
export const failedInvoices = (sync: SyncRecord): SyncRecord => ({
	...sync,
	success_count: 1,
	failed_count: 1,
	data_models: sync.data_models.map((model) =>
		model.data_model === 'INVOICES' ? {...model, status: 'FAILED', success_count: 80, failed_count: 40} : model,
	),
});

/** 60 syncs over companies 101..104, newest first; 102's are degraded. */
export const dataset = (count = 60): SyncRecord[] =>
	Array.from({length: count}, (_, index) => {
		const id = 5000 - index;
		const company = 101 + (index % 4);
		const sync = makeSync(id, company);
		return company === 102 ? failedInvoices(sync) : sync;
	});

export type FakeApi = {
	readonly fetchPage: FetchPage;
	readonly calls: SyncQuery[];
	readonly signals: AbortSignal[];
	/** Make the next calls fail with this error. */
	failWith(error: ApiError | undefined): void;
	/** Hold answers until release() (to test loading and cancellation). */
	hold(on: boolean): void;
	release(): void;
};

export const fakeApi = (syncs: readonly SyncRecord[] = dataset()): FakeApi => {
	const calls: SyncQuery[] = [];
	const signals: AbortSignal[] = [];
	let failure: ApiError | undefined;
	let holding = false;
	let waiting: Array<() => void> = [];
	let counter = 0;
	const fetchPage: FetchPage = (query, signal) => {
		calls.push(query);
		signals.push(signal);
		const answer = (): DecodedPage => {
			if (failure) throw failure;
			const matching = syncs.filter(
				(sync) =>
					(query.company_id === undefined || sync.rootfi_company_id === query.company_id) &&
					(query.job_type === undefined || (query.job_type === 'PULL') === (sync.config_mode === 'READ')),
			);
			const offset = query.offset ?? 0;
			counter++;
			return {
				syncs: matching.slice(offset, offset + (query.limit ?? 25)),
				totalCount: matching.length,
				syncStatus: 'IDLE',
				connectionStatus: query.company_id === 103 ? 'EXPIRED' : 'HEALTHY',
				requestId: `req-${counter}`,
				requestTimestamp: undefined,
				responseTimestamp: undefined,
				anomalies: [],
			};
		};
		return new Promise((resolve, reject) => {
			const settle = () => {
				if (signal.aborted) {
					reject(new ApiError('cancelled', 'Request cancelled'));
					return;
				}
				try {
					resolve(answer());
				} catch (error) {
					reject(error);
				}
			};
			signal.addEventListener('abort', () => reject(new ApiError('cancelled', 'Request cancelled')), {once: true});
			if (holding) waiting.push(settle);
			else queueMicrotask(settle);
		});
	};
	return {
		fetchPage,
		calls,
		signals,
		failWith: (error) => {
			failure = error;
		},
		hold: (on) => {
			holding = on;
		},
		release: () => {
			const pending = waiting;
			waiting = [];
			for (const settle of pending) settle();
		},
	};
};
