// Crafted syncs for the health tests: a fixed clock and small builders with sensible defaults.
import type {DataModelRecord, SyncRecord} from '../../source/api/decode.js';
import {defaultHealthSettings} from '../../source/health/options.js';
import type {HealthInput} from '../../source/health/verdict.js';

export const now = Date.parse('2026-12-03T12:00:00.000Z');
export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;
/** An ISO time `ms` before now. */
export const ago = (ms: number) => new Date(now - ms).toISOString();

let nextId = 1000;

export const model = (
	data_model: string | undefined,
	status: string | undefined,
	{start, end}: {start?: string | null; end?: string | null} = {},
): DataModelRecord =>
	({
		...(data_model === undefined ? {} : {data_model}),
		...(status === undefined ? {} : {status}),
		...(start === undefined ? {} : {start_time: start}),
		...(end === undefined ? {} : {end_time: end}),
	}) as DataModelRecord;

/** A finished sync that started `startedAgo` ago and took a minute; models inherit its times. */
export const sync = (
	startedAgo: number,
	models: ReadonlyArray<readonly [string, string]>,
	overrides: Partial<SyncRecord> = {},
): SyncRecord => {
	const start = ago(startedAgo);
	const end = ago(startedAgo - minutes(1));
	return {
		rootfi_id: nextId++,
		rootfi_company_id: 101,
		start_time: start,
		end_time: end,
		data_models: models.map(([name, status]) => model(name, status, {start, end: status === 'RUNNING' ? null : end})),
		dropped: [],
		...overrides,
	} as SyncRecord;
};

export const input = (syncs: readonly SyncRecord[], overrides: Partial<HealthInput> = {}): HealthInput => ({
	syncs,
	companyId: 101,
	connectionStatus: 'HEALTHY',
	syncStatus: 'IDLE',
	requestIds: ['req-1'],
	now,
	settings: defaultHealthSettings,
	...overrides,
});
