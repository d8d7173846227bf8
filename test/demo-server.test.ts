// The demo API against the spec: real HTTP on a random port, every body validated with ajv against
// openapi/rootfi-sync.yaml, paging and filters checked against the dataset, and the named companies'
// stories (healthy, degraded, unhealthy, running) computed from the data rather than assumed.
import {readFile} from 'node:fs/promises';
import {describe, it, expect, beforeAll, afterAll} from 'vitest';
import {Ajv2020, type ValidateFunction} from 'ajv/dist/2020.js';
// @redocly/openapi-core (installed with openapi-typescript) brings js-yaml with types; no new dependency.
import {parseYaml} from '@redocly/openapi-core';
import type {DataModelResult, Sync} from '../source/api/types.js';
import {
	demoCompanies,
	demoCompanyCount,
	demoDefaultSeed,
	demoFirstCompanyId,
	demoHistoryDays,
	generateDataset,
	type DemoDataset,
} from '../source/demo/dataset.js';
import {startDemoServer, type DemoServer} from '../source/demo/server.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const now = new Date('2026-12-03T12:00:00.000Z');
const apiKey = 'demo-test-key';

type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------
// The spec, as ajv schemas

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 date-time (what OpenAPI's `date-time` means): shape, ranges and a real calendar day. */
function isDateTime(text: string): boolean {
	const match = dateTimePattern.exec(text);
	if (!match) {
		return false;
	}

	const [year = 0, month = 0, dayOfMonth = 0, hours = 0, minutes = 0, seconds = 0] = match.slice(1, 7).map(Number);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
	const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
	return (
		month >= 1 &&
		month <= 12 &&
		dayOfMonth >= 1 &&
		dayOfMonth <= daysInMonth &&
		hours <= 23 &&
		minutes <= 59 &&
		seconds <= 59 &&
		offsetHours <= 23 &&
		offsetMinutes <= 59 &&
		!Number.isNaN(Date.parse(text))
	);
}

type Parameter = {readonly name: string; readonly schema: JsonObject};

type Spec = {
	readonly components: {readonly schemas: Record<string, JsonObject>};
	readonly paths: Record<string, {readonly get: {readonly parameters: readonly Parameter[]}}>;
};

type Validators = {
	/** The spec as written: open enumerations (any string allowed). */
	readonly page: ValidateFunction;
	/** The spec with every open enumeration closed to its Known* list: the demo must never send others. */
	readonly closedPage: ValidateFunction;
	readonly error: ValidateFunction;
	readonly spec: Spec;
};

async function loadValidators(): Promise<Validators> {
	const text = await readFile(new URL('../openapi/rootfi-sync.yaml', import.meta.url), 'utf8');
	const spec = parseYaml(text) as Spec;
	// Component refs become $defs refs so that ajv sees plain JSON Schema 2020-12 documents.
	const definitions = JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) as Record<
		string,
		JsonObject
	>;
	const closedDefinitions: Record<string, JsonObject> = {};
	let closedCount = 0;
	for (const [name, schema] of Object.entries(definitions)) {
		const options = schema.anyOf as JsonObject[] | undefined;
		const known = options?.find(option => typeof option.$ref === 'string' && option.$ref.startsWith('#/$defs/Known'));
		const anyString = options?.find(option => option.type === 'string' && Object.keys(option).length === 1);
		if (options?.length === 2 && known && anyString) {
			closedDefinitions[name] = {$ref: known.$ref};
			closedCount++;
		} else {
			closedDefinitions[name] = schema;
		}
	}

	// The spec has seven open enumerations; if it grows, this test should learn about it.
	expect(closedCount).toBe(7);

	const ajv = new Ajv2020({strict: true});
	ajv.addFormat('date-time', {type: 'string', validate: isDateTime});
	ajv.addSchema({$id: 'https://rootfi-tui.test/open', $defs: definitions});
	ajv.addSchema({$id: 'https://rootfi-tui.test/closed', $defs: closedDefinitions});
	return {
		page: ajv.compile({$ref: 'https://rootfi-tui.test/open#/$defs/SyncListResponse'}),
		closedPage: ajv.compile({$ref: 'https://rootfi-tui.test/closed#/$defs/SyncListResponse'}),
		error: ajv.compile({$ref: 'https://rootfi-tui.test/open#/$defs/ErrorResponse'}),
		spec,
	};
}

function expectValid(validate: ValidateFunction, body: unknown): void {
	const valid = validate(body);
	expect(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
}

// ---------------------------------------------------------------------------------------------------
// Helpers over the data

/**
 * Collects broken invariants over thousands of rows: one `expect` per row made these tests take
 * tens of seconds, and a list of the first problems is a more readable failure anyway.
 */
function createChecker(): {check: (ok: boolean, problem: () => string) => void; assertNone: () => void} {
	const problems: string[] = [];
	let count = 0;
	return {
		check(ok, problem) {
			if (!ok) {
				count++;
				if (problems.length < 20) {
					problems.push(problem());
				}
			}
		},
		assertNone() {
			expect({count, problems}).toEqual({count: 0, problems: []});
		},
	};
}

function time(value: string | null | undefined): number {
	if (typeof value !== 'string') {
		throw new TypeError(`expected a time, got ${String(value)}`);
	}

	const parsed = Date.parse(value);
	if (Number.isNaN(parsed)) {
		throw new TypeError(`not a time: ${value}`);
	}

	return parsed;
}

function jobTypeOf(sync: Sync): 'PULL' | 'PUSH' {
	return sync.config_mode === 'READ' ? 'PULL' : 'PUSH';
}

/** The order the server promises: newest start_time first, rootfi_id breaking ties. */
function newestFirst(syncs: readonly Sync[]): Sync[] {
	return [...syncs].sort((a, b) => time(b.start_time) - time(a.start_time) || b.rootfi_id - a.rootfi_id);
}

function companySyncs(dataset: DemoDataset, companyId: number): Sync[] {
	return newestFirst(dataset.syncs.filter(sync => sync.rootfi_company_id === companyId));
}

/** A company's recent history, as a health check would read it: the last 7 days, at most 200 syncs. */
function recentSyncs(dataset: DemoDataset, companyId: number): Sync[] {
	const since = dataset.now.getTime() - 7 * day;
	return companySyncs(dataset, companyId)
		.filter(sync => time(sync.start_time) >= since)
		.slice(0, 200);
}

const isRunning = (sync: Sync): boolean => sync.end_time === null;

/** Per data model, its runs newest first (finished syncs only). */
function runsByModel(syncs: readonly Sync[]): Map<string, Array<{sync: Sync; model: DataModelResult}>> {
	const runs = new Map<string, Array<{sync: Sync; model: DataModelResult}>>();
	for (const sync of newestFirst(syncs).filter(sync => !isRunning(sync))) {
		for (const model of sync.data_models) {
			const list = runs.get(model.data_model) ?? [];
			list.push({sync, model});
			runs.set(model.data_model, list);
		}
	}

	return runs;
}

function lastSuccess(runs: ReadonlyArray<{model: DataModelResult}>): number | undefined {
	const success = runs.find(run => run.model.status === 'SUCCESS');
	return success ? time(success.model.end_time) : undefined;
}

function expectHealthyRecentHistory(dataset: DemoDataset, companyId: number, except: readonly string[] = []): void {
	const recent = recentSyncs(dataset, companyId);
	const modelsSynced = new Set(recent.flatMap(sync => sync.data_models.map(model => model.data_model)));
	const runs = runsByModel(companySyncs(dataset, companyId));
	const dayAgo = dataset.now.getTime() - day;
	expect(modelsSynced.size).toBeGreaterThan(0);
	for (const model of modelsSynced) {
		if (except.includes(model)) {
			continue;
		}

		const modelRuns = runs.get(model) ?? [];
		expect(modelRuns[0]?.model.status, `${companyId} ${model} latest run`).toBe('SUCCESS');
		expect(lastSuccess(modelRuns), `${companyId} ${model} last success`).toBeGreaterThanOrEqual(dayAgo);
	}
}

// ---------------------------------------------------------------------------------------------------
// HTTP

type Reply = {
	readonly status: number;
	readonly headers: Headers;
	readonly body: unknown;
};

let server: DemoServer;
let dataset: DemoDataset;
let validators: Validators;

async function get(path: string, init: RequestInit = {}): Promise<Reply> {
	const headers: Record<string, string> = {};
	const key = init.apiKey === undefined ? apiKey : init.apiKey;
	if (key !== null) {
		headers.api_key = key;
	}

	const response = await fetch(`${server.url}${path}`, {method: init.method ?? 'GET', headers});
	const text = await response.text();
	return {status: response.status, headers: response.headers, body: JSON.parse(text) as unknown};
}

type Page = {
	readonly data: {readonly data: Sync[]; readonly total_count: number; readonly sync_status: string; readonly connection_status: string};
	readonly request_id: string;
	readonly request_timestamp: string;
	readonly response_timestamp: string;
};

/** A 200 reply, checked against the spec (open and closed) and the envelope's own promises. */
async function getPage(path: string): Promise<Page> {
	const reply = await get(path);
	expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(200);
	expect(reply.headers.get('content-type')).toBe('application/json');
	expectValid(validators.page, reply.body);
	expectValid(validators.closedPage, reply.body);
	const page = reply.body as Page;
	expect(Object.keys(page).sort()).toEqual(['data', 'request_id', 'request_timestamp', 'response_timestamp']);
	expect(Object.keys(page.data).sort()).toEqual(['connection_status', 'data', 'sync_status', 'total_count']);
	expect(page.request_id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
	expect(reply.headers.get('x-request-id')).toBe(page.request_id);
	expect(time(page.response_timestamp)).toBeGreaterThanOrEqual(time(page.request_timestamp));
	return page;
}

type RequestInit = {apiKey?: string | null; method?: string};

async function expectError(path: string, status: number, field: string | null, init: RequestInit = {}): Promise<void> {
	const reply = await get(path, init);
	expect(reply.status, path).toBe(status);
	expect(reply.headers.get('content-type')).toBe('application/json');
	expectValid(validators.error, reply.body);
	const body = reply.body as {error: {message: string; code: string | null; field: string | null}};
	expect(Object.keys(body)).toEqual(['error']);
	expect(body.error.message.length).toBeGreaterThan(0);
	expect(body.error.field).toBe(field);
	expect(reply.headers.get('x-request-id')).toMatch(/^[\da-f-]{36}$/);
}

beforeAll(async () => {
	validators = await loadValidators();
	dataset = generateDataset({now});
	server = await startDemoServer({dataset});
}, 30_000);

afterAll(async () => {
	await server?.close();
});

// ---------------------------------------------------------------------------------------------------

describe('date-time format check used for validation', () => {
	it('accepts the formats RootFi sends and rejects near misses', () => {
		const good = ['2021-09-28T15:00:00.000Z', '2023-12-01T08:17:29+00:00', '2023-12-01T08:17:43.047+00:00', '2024-02-29T23:59:59-05:30'];
		for (const text of good) {
			expect(isDateTime(text), text).toBe(true);
		}

		const bad = [
			'2023-12-01',
			'2023-12-01 08:17:29Z',
			'2023-02-30T00:00:00Z',
			'2023-12-01T24:00:00Z',
			'2023-13-01T00:00:00Z',
			'2023-12-01T08:17:29',
			'yesterday',
		];
		for (const text of bad) {
			expect(isDateTime(text), text).toBe(false);
		}
	});
});

describe('GET /sync responses follow the spec', () => {
	it.each([
		'',
		'?limit=1',
		'?limit=500',
		'?limit=500&offset=4990',
		`?company_id=${demoCompanies.healthy}`,
		`?company_id=${demoCompanies.running}&job_type=PULL`,
		`?company_id=${demoCompanies.unhealthy}&limit=3`,
		'?job_type=PUSH&limit=37&offset=11',
		'?job_type=PULL&limit=&offset=',
		'?company_id=999999',
		'?offset=1000000',
	])('GET /sync%s validates, with known values only', async query => {
		const page = await getPage(`/sync${query}`);
		expect(page.data.data.length).toBeLessThanOrEqual(page.data.total_count);
	});

	it('answers 401 without an api_key, or with an empty one', async () => {
		await expectError('/sync', 401, 'api_key', {apiKey: null});
		await expectError('/sync', 401, 'api_key', {apiKey: ''});
		await expectError('/sync?limit=0', 401, 'api_key', {apiKey: null});
	});

	it('accepts any non-empty key', async () => {
		const reply = await get('/sync?limit=1', {apiKey: 'anything'});
		expect(reply.status).toBe(200);
	});

	it('answers 400 naming the field for invalid parameters', async () => {
		const cases: Array<[string, string]> = [
			['limit=0', 'limit'],
			['limit=501', 'limit'],
			['limit=-1', 'limit'],
			['limit=1.5', 'limit'],
			['limit=ten', 'limit'],
			['limit=1&limit=2', 'limit'],
			['offset=-1', 'offset'],
			['offset=x', 'offset'],
			['job_type=FOO', 'job_type'],
			['job_type=pull', 'job_type'],
			['company_id=abc', 'company_id'],
			['company_id=1e3', 'company_id'],
		];
		for (const [query, field] of cases) {
			await expectError(`/sync?${query}`, 400, field);
		}
	});

	it('enforces the limit range the spec declares', async () => {
		const limit = validators.spec.paths['/sync']?.get.parameters.find(parameter => parameter.name === 'limit')?.schema;
		expect(limit).toBeDefined();
		const minimum = limit?.minimum as number;
		const maximum = limit?.maximum as number;
		expect((await getPage(`/sync?limit=${minimum}`)).data.data).toHaveLength(minimum);
		expect((await getPage(`/sync?limit=${maximum}`)).data.data).toHaveLength(maximum);
		await expectError(`/sync?limit=${minimum - 1}`, 400, 'limit');
		await expectError(`/sync?limit=${maximum + 1}`, 400, 'limit');
	});

	it('answers 404 for other paths and 405 for other methods, with the error body', async () => {
		await expectError('/', 404, null);
		await expectError('/syncs', 404, null);
		await expectError('/sync/123', 404, null);
		await expectError('/sync', 405, null, {method: 'POST'});
		await expectError('/sync', 405, null, {method: 'DELETE'});
	});

	it('gives every response its own request id', async () => {
		const ids = await Promise.all([1, 2, 3, 4].map(async () => (await getPage('/sync?limit=1')).request_id));
		expect(new Set(ids).size).toBe(4);
	});
});

describe('paging and filters', () => {
	const filters: Array<{query: string; companyId?: number; jobType?: 'PULL' | 'PUSH'; pageSize: number}> = [
		{query: '', pageSize: 500},
		{query: `company_id=${demoCompanies.healthy}`, companyId: demoCompanies.healthy, pageSize: 37},
		{query: 'job_type=PUSH', jobType: 'PUSH', pageSize: 250},
		{query: 'job_type=PULL', jobType: 'PULL', pageSize: 499},
		{query: `company_id=${demoCompanies.degraded}&job_type=PULL`, companyId: demoCompanies.degraded, jobType: 'PULL', pageSize: 41},
		{query: `company_id=${demoCompanies.running}&job_type=PUSH`, companyId: demoCompanies.running, jobType: 'PUSH', pageSize: 7},
	];

	it.each(filters)('pages of $pageSize over "$query" are exact, ordered slices of the filtered list', async filter => {
		const {query, companyId, jobType, pageSize} = filter;
		const matches = (sync: Sync): boolean =>
			(companyId === undefined || sync.rootfi_company_id === companyId) && (jobType === undefined || jobTypeOf(sync) === jobType);
		const expected = newestFirst(dataset.syncs.filter(sync => matches(sync)));
		expect(expected.length).toBeGreaterThan(pageSize);

		const seen = new Set<number>();
		let offset = 0;
		let pages = 0;
		while (offset < expected.length) {
			const page = await getPage(`/sync?${query}&limit=${pageSize}&offset=${offset}`);
			expect(page.data.total_count).toBe(expected.length);
			const slice = expected.slice(offset, offset + pageSize);
			expect(page.data.data.map(sync => sync.rootfi_id)).toEqual(slice.map(sync => sync.rootfi_id));
			// The whole rows, as JSON: a deep toEqual of 500 syncs is slow.
			expect(JSON.stringify(page.data.data) === JSON.stringify(slice)).toBe(true);
			for (const sync of page.data.data) {
				expect(seen.has(sync.rootfi_id), `rootfi_id ${sync.rootfi_id} on two pages`).toBe(false);
				seen.add(sync.rootfi_id);
			}

			offset += pageSize;
			pages++;
		}

		expect(pages).toBe(Math.ceil(expected.length / pageSize));
		expect(seen.size).toBe(expected.length);

		const past = await getPage(`/sync?${query}&limit=${pageSize}&offset=${expected.length}`);
		expect(past.data.data).toEqual([]);
		expect(past.data.total_count).toBe(expected.length);
	}, 60_000);

	it('defaults to limit 100 and offset 0, newest first', async () => {
		const page = await getPage('/sync');
		expect(JSON.stringify(page.data.data) === JSON.stringify(newestFirst(dataset.syncs).slice(0, 100))).toBe(true);
		expect(page.data.total_count).toBe(dataset.syncs.length);
		const starts = page.data.data.map(sync => time(sync.start_time));
		expect(starts).toEqual([...starts].sort((a, b) => b - a));
	});

	it('filters by company_id and reports that connection’s statuses', async () => {
		for (const company of dataset.companies.values()) {
			const page = await getPage(`/sync?company_id=${company.id}&limit=500`);
			expect(page.data.data.every(sync => sync.rootfi_company_id === company.id)).toBe(true);
			expect(page.data.total_count).toBe(dataset.syncs.filter(sync => sync.rootfi_company_id === company.id).length);
			expect(page.data.sync_status).toBe(company.sync_status);
			expect(page.data.connection_status).toBe(company.connection_status);
		}
	}, 30_000);

	it('filters by job_type: PULL reads, PUSH writes', async () => {
		const pull = await getPage('/sync?job_type=PULL&limit=500');
		const push = await getPage('/sync?job_type=PUSH&limit=500');
		expect(pull.data.data.every(sync => sync.config_mode === 'READ')).toBe(true);
		expect(push.data.data.every(sync => ['CREATE', 'UPDATE', 'DELETE'].includes(sync.config_mode ?? ''))).toBe(true);
		expect(pull.data.total_count + push.data.total_count).toBe(dataset.syncs.length);
		expect(push.data.total_count).toBeGreaterThan(0);
	});

	it('reports IDLE/HEALTHY when not filtered by a company, and for a company it does not know', async () => {
		for (const query of ['', '?job_type=PUSH', '?company_id=999999']) {
			const page = await getPage(`/sync${query}`);
			expect(page.data.sync_status).toBe('IDLE');
			expect(page.data.connection_status).toBe('HEALTHY');
		}

		expect((await getPage('/sync?company_id=999999')).data.total_count).toBe(0);
	});

	it('closes promptly even with an idle keep-alive connection open', async () => {
		const other = await startDemoServer({dataset});
		const response = await fetch(`${other.url}/sync?limit=1`, {headers: {api_key: apiKey}});
		await response.text();
		const started = performance.now();
		await other.close();
		expect(performance.now() - started).toBeLessThan(1000);
		await other.close();
		await expect(fetch(`${other.url}/sync`, {headers: {api_key: apiKey}})).rejects.toThrow();
	});
});

describe('the dataset', () => {
	it('is big and recent enough', () => {
		expect(dataset.companies.size).toBeGreaterThanOrEqual(40);
		expect(dataset.companies.size).toBe(demoCompanyCount);
		expect([...dataset.companies.keys()].sort((a, b) => a - b)).toEqual(
			Array.from({length: dataset.companies.size}, (_, index) => demoFirstCompanyId + index),
		);
		expect(dataset.syncs.length).toBeGreaterThanOrEqual(5000);
		const oldest = now.getTime() - demoHistoryDays * day;
		const {check, assertNone} = createChecker();
		for (const sync of dataset.syncs) {
			const start = time(sync.start_time);
			check(start >= oldest && start <= now.getTime(), () => `${sync.rootfi_id} starts at ${sync.start_time}`);
		}

		assertNone();

		// Spread over the month, not bunched at one end.
		const starts = dataset.syncs.map(sync => time(sync.start_time));
		expect(Math.min(...starts)).toBeLessThan(oldest + 2 * day);
		expect(Math.max(...starts)).toBeGreaterThan(now.getTime() - hour);
	});

	it('covers many integrations, consistently per company', () => {
		const integrations = new Set([...dataset.companies.values()].map(company => company.integration));
		expect(integrations.size).toBeGreaterThanOrEqual(10);
		const organisations = new Map<number, number>();
		const {check, assertNone} = createChecker();
		for (const sync of dataset.syncs) {
			const company = dataset.companies.get(sync.rootfi_company_id);
			check(company !== undefined, () => `${sync.rootfi_id}: unknown company ${sync.rootfi_company_id}`);
			const id = sync.rootfi_id;
			check(
				sync.integration_type === company?.integration && sync.rootfi_integration_type === company?.integration,
				() => `${id}: integration ${sync.integration_type}/${sync.rootfi_integration_type}, company has ${company?.integration}`,
			);
			const organisation = sync.rootfi_organisation_id ?? -1;
			check(Number.isInteger(organisation) && organisation >= 1 && organisation <= 20, () => `${id}: organisation ${organisation}`);
			const known = organisations.get(sync.rootfi_company_id) ?? organisation;
			check(known === organisation, () => `${id}: company ${sync.rootfi_company_id} in organisations ${known} and ${organisation}`);
			organisations.set(sync.rootfi_company_id, organisation);
		}

		assertNone();
	});

	it('has unique ids and 1 to 22 distinct data models per sync', () => {
		const ids = new Set(dataset.syncs.map(sync => sync.rootfi_id));
		expect(ids.size).toBe(dataset.syncs.length);
		expect([...ids].every(id => Number.isSafeInteger(id))).toBe(true);

		const syncIds = new Set<string>();
		let modelCount = 0;
		const sizes = new Set<number>();
		const {check, assertNone} = createChecker();
		for (const sync of dataset.syncs) {
			const names = sync.data_models.map(model => model.data_model);
			check(new Set(names).size === names.length, () => `${sync.rootfi_id}: repeated data model in ${names.join(',')}`);
			check(names.length >= 1 && names.length <= 22, () => `${sync.rootfi_id}: ${names.length} data models`);
			sizes.add(names.length);
			for (const model of sync.data_models) {
				check(/^[A-Za-z\d]{15}$/.test(model.sync_id), () => `${sync.rootfi_id}: sync_id ${model.sync_id}`);
				syncIds.add(model.sync_id);
				modelCount++;
			}
		}

		assertNone();

		expect(sizes.has(1)).toBe(true);
		expect(sizes.has(22)).toBe(true);
		expect(syncIds.size).toBe(modelCount);
	});

	it('keeps job type, config mode, sync type and full sync coherent', () => {
		let manual = 0;
		let fullSyncs = 0;
		const {check, assertNone} = createChecker();
		for (const sync of dataset.syncs) {
			const modes = ['READ', 'CREATE', 'UPDATE', 'DELETE'];
			check(modes.includes(sync.config_mode ?? ''), () => `${sync.rootfi_id}: config_mode ${sync.config_mode}`);
			check(['AUTO_SYNC', 'MANUAL'].includes(sync.sync_type ?? ''), () => `${sync.rootfi_id}: sync_type ${sync.sync_type}`);
			if (sync.sync_type === 'MANUAL') {
				manual++;
			}

			if (sync.full_sync) {
				fullSyncs++;
				check(sync.sync_from === null, () => `${sync.rootfi_id}: full sync from ${sync.sync_from}`);
				check(jobTypeOf(sync) === 'PULL', () => `${sync.rootfi_id}: full PUSH`);
			} else {
				check(
					typeof sync.sync_from === 'string' && time(sync.sync_from) < time(sync.start_time),
					() => `${sync.rootfi_id}: sync_from ${sync.sync_from} not before ${sync.start_time}`,
				);
			}
		}

		assertNone();

		expect(manual).toBeGreaterThan(0);
		expect(manual).toBeLessThan(dataset.syncs.length / 4);
		expect(fullSyncs).toBeGreaterThan(0);
		expect(fullSyncs).toBeLessThan(dataset.syncs.length / 10);
		expect(dataset.syncs.some(sync => jobTypeOf(sync) === 'PUSH')).toBe(true);
	});

	it('has counts consistent with the data models, and times inside the sync', () => {
		const formats = {z: 0, offset: 0};
		const {check, assertNone} = createChecker();
		for (const sync of dataset.syncs) {
			const id = sync.rootfi_id;
			const statuses = sync.data_models.map(model => model.status);
			const count = (status: string): number => statuses.filter(value => value === status).length;
			const counts = [sync.success_count, sync.failed_count, sync.running_count, sync.created_count].join(',');
			const expectedCounts = [count('SUCCESS'), count('FAILED'), count('RUNNING'), count('CREATED')].join(',');
			check(counts === expectedCounts, () => `${id}: counts ${counts}, data models say ${expectedCounts}`);

			const start = time(sync.start_time);
			const end = isRunning(sync) ? now.getTime() : time(sync.end_time);
			check(start <= end && end <= now.getTime(), () => `${id}: ${sync.start_time} to ${sync.end_time}`);
			check(time(sync.rootfi_created_at) <= start, () => `${id}: created after it started`);
			check(time(sync.rootfi_updated_at) >= start, () => `${id}: updated before it started`);
			check(
				isRunning(sync) === statuses.some(status => status === 'RUNNING' || status === 'CREATED'),
				() => `${id}: end_time ${sync.end_time} with statuses ${statuses.join(',')}`,
			);

			for (const model of sync.data_models) {
				const where = `${id} ${model.data_model}`;
				const success = model.success_count ?? -1;
				const failed = model.failed_count ?? -1;
				const running = model.running_count ?? -1;
				const pending = model.pending_count ?? -1;
				check(
					model.total_count === success + failed + running + pending,
					() => `${where}: total ${model.total_count} is not the sum of its parts`,
				);
				switch (model.status) {
					case 'SUCCESS': {
						check(failed === 0 && running === 0 && pending === 0, () => `${where}: SUCCESS with failed/running/pending`);
						break;
					}

					case 'FAILED': {
						check(failed > 0 && running === 0 && pending === 0, () => `${where}: FAILED with failed_count ${failed}`);
						break;
					}

					case 'RUNNING': {
						check(
							running > 0 && model.end_time === null,
							() => `${where}: RUNNING with running_count ${running}, end ${model.end_time}`,
						);
						break;
					}

					default: {
						check(model.status === 'CREATED', () => `${where}: status ${model.status}`);
						check(model.start_time === null && model.end_time === null, () => `${where}: CREATED with times`);
					}
				}

				for (const value of [model.start_time, model.end_time]) {
					if (typeof value === 'string') {
						check(
							isDateTime(value) && time(value) >= start && time(value) <= end,
							() => `${where}: ${value} outside ${sync.start_time}..${sync.end_time}`,
						);
						if (value.endsWith('Z')) {
							formats.z++;
						} else if (value.endsWith('+00:00')) {
							formats.offset++;
						}
					}
				}

				if (typeof model.start_time === 'string' && typeof model.end_time === 'string') {
					check(time(model.end_time) >= time(model.start_time), () => `${where}: ends before it starts`);
				}
			}
		}

		assertNone();
		// Both styles of RootFi's example appear, in good numbers.
		expect(formats.z).toBeGreaterThan(1000);
		expect(formats.offset).toBeGreaterThan(1000);
	});

	it('has running syncs only in the last few hours, and realistic failures elsewhere', () => {
		const running = dataset.syncs.filter(isRunning);
		expect(running.length).toBeGreaterThanOrEqual(3);
		expect(running.filter(sync => time(sync.start_time) <= now.getTime() - 4 * hour)).toEqual([]);

		const named = new Set<number>(Object.values(demoCompanies));
		const otherFailures = dataset.syncs.filter(sync => !named.has(sync.rootfi_company_id) && (sync.failed_count ?? 0) > 0);
		expect(otherFailures.length).toBeGreaterThan(20);
		// Failures are the exception: most data-model runs succeed.
		const runs = dataset.syncs.flatMap(sync => sync.data_models);
		const failed = runs.filter(model => model.status === 'FAILED').length;
		expect(failed / runs.length).toBeLessThan(0.1);
	});

	it('mixes connection and sync statuses, mostly healthy', () => {
		const companies = [...dataset.companies.values()];
		const connections = companies.map(company => company.connection_status);
		const healthy = connections.filter(status => status === 'HEALTHY').length;
		expect(healthy).toBeGreaterThan(companies.length / 2);
		for (const status of ['DISCONNECTED', 'PENDING', 'EXPIRED']) {
			expect(connections).toContain(status);
		}

		expect(new Set(companies.map(company => company.sync_status)).size).toBeGreaterThanOrEqual(3);
		// A company whose engine is working has a sync running; an idle one has none.
		for (const company of companies) {
			const hasRunning = dataset.syncs.some(
				sync =>
					sync.rootfi_company_id === company.id && isRunning(sync) && sync.data_models.some(model => model.status === 'RUNNING'),
			);
			if (['RUNNING', 'FETCHING', 'PARSING'].includes(company.sync_status)) {
				expect(hasRunning, `company ${company.id}`).toBe(true);
			}
		}
	});

	it('is deterministic for a seed and now, and always ends at now', () => {
		const again = generateDataset({now});
		// Compared as JSON: a deep toEqual over 8,000 syncs takes seconds.
		expect(JSON.stringify(again.syncs) === JSON.stringify(dataset.syncs)).toBe(true);
		expect([...again.companies.entries()]).toEqual([...dataset.companies.entries()]);

		const otherSeed = generateDataset({now, seed: demoDefaultSeed + 1});
		expect(otherSeed.syncs.map(sync => sync.start_time)).not.toEqual(dataset.syncs.map(sync => sync.start_time));

		// Moving now moves every time by the same amount and changes nothing else.
		const later = generateDataset({now: new Date(now.getTime() + 90 * minute)});
		expect(later.syncs).toHaveLength(dataset.syncs.length);
		// Every time as epoch milliseconds plus an offset; everything else as it is.
		const timesMoved = (sync: Sync, offset: number): unknown => {
			const move = (value: string | null | undefined): number | null | undefined =>
				typeof value === 'string' ? time(value) + offset : value;
			return {
				...sync,
				start_time: move(sync.start_time),
				end_time: move(sync.end_time),
				sync_from: move(sync.sync_from),
				rootfi_created_at: move(sync.rootfi_created_at),
				rootfi_updated_at: move(sync.rootfi_updated_at),
				data_models: sync.data_models.map(model => ({...model, start_time: move(model.start_time), end_time: move(model.end_time)})),
			};
		};

		const moved = JSON.stringify(dataset.syncs.map(sync => timesMoved(sync, 90 * minute)));
		expect(JSON.stringify(later.syncs.map(sync => timesMoved(sync, 0))) === moved).toBe(true);
	}, 30_000);

	it('defaults now to the current minute', () => {
		const before = Date.now();
		const fresh = generateDataset();
		expect(fresh.now.getTime() % minute).toBe(0);
		expect(fresh.now.getTime()).toBeLessThanOrEqual(before + minute);
		expect(before - fresh.now.getTime()).toBeLessThan(2 * minute);
		expect(Math.max(...fresh.syncs.map(sync => time(sync.start_time)))).toBeLessThanOrEqual(fresh.now.getTime());
	}, 30_000);
});

// The named companies' stories hold for any seed: check the default and two others.
describe.each([demoDefaultSeed, 1, 987_654])('named companies (seed %i)', seed => {
	let data: DemoDataset;
	beforeAll(() => {
		data = seed === demoDefaultSeed ? dataset : generateDataset({seed, now});
	}, 30_000);

	const expectBusyHistory = (companyId: number): void => {
		const recent = recentSyncs(data, companyId);
		expect(recent.length).toBeGreaterThanOrEqual(40);
		expect(recent.some(sync => jobTypeOf(sync) === 'PULL')).toBe(true);
		expect(recent.some(sync => jobTypeOf(sync) === 'PUSH')).toBe(true);
	};

	it(`${demoCompanies.healthy} is healthy`, () => {
		const company = data.companies.get(demoCompanies.healthy);
		expect(company?.connection_status).toBe('HEALTHY');
		expect(company?.sync_status).toBe('IDLE');
		expectBusyHistory(demoCompanies.healthy);
		const all = companySyncs(data, demoCompanies.healthy);
		expect(all.some(isRunning)).toBe(false);
		const recent = recentSyncs(data, demoCompanies.healthy);
		expect(recent.every(sync => sync.data_models.every(model => model.status === 'SUCCESS'))).toBe(true);
		expectHealthyRecentHistory(data, demoCompanies.healthy);
	});

	it(`${demoCompanies.degraded} is degraded: INVOICES failed in its latest sync`, () => {
		const company = data.companies.get(demoCompanies.degraded);
		expect(company?.connection_status).toBe('HEALTHY');
		expectBusyHistory(demoCompanies.degraded);
		const all = companySyncs(data, demoCompanies.degraded);
		const latest = all[0];
		const latestPull = all.find(sync => jobTypeOf(sync) === 'PULL');
		expect(latest).toBeDefined();
		expect(latestPull).toBe(latest);
		expect(all.some(isRunning)).toBe(false);
		const invoices = latest?.data_models.find(model => model.data_model === 'INVOICES');
		expect(invoices?.status).toBe('FAILED');
		expect(invoices?.failed_count).toBeGreaterThan(0);
		const others = latest?.data_models.filter(model => model.data_model !== 'INVOICES') ?? [];
		expect(others.length).toBeGreaterThan(3);
		expect(others.every(model => model.status === 'SUCCESS')).toBe(true);
		// Only INVOICES is wrong: every other data model is fine and recent.
		expectHealthyRecentHistory(data, demoCompanies.degraded, ['INVOICES']);
		const failedModels = new Set(
			recentSyncs(data, demoCompanies.degraded)
				.flatMap(sync => sync.data_models)
				.filter(model => model.status === 'FAILED')
				.map(model => model.data_model),
		);
		expect([...failedModels]).toEqual(['INVOICES']);
	});

	it(`${demoCompanies.unhealthy} is unhealthy: expired and failing for about two days`, () => {
		const company = data.companies.get(demoCompanies.unhealthy);
		expect(company?.connection_status).toBe('EXPIRED');
		expect(company?.sync_status).toBe('IDLE');
		const all = companySyncs(data, demoCompanies.unhealthy);
		expect(all.some(isRunning)).toBe(false);
		const lastTwoDays = all.filter(sync => time(sync.start_time) >= data.now.getTime() - 2 * day);
		expect(lastTwoDays.length).toBeGreaterThanOrEqual(5);
		for (const sync of lastTwoDays) {
			expect(sync.data_models.every(model => model.status === 'FAILED' && (model.failed_count ?? 0) > 0)).toBe(true);
			expect(sync.failed_count).toBe(sync.data_models.length);
		}

		// It used to work: the failures start about two days ago, not at the beginning.
		expect(all.some(sync => sync.data_models.every(model => model.status === 'SUCCESS'))).toBe(true);
	});

	it(`${demoCompanies.running} has a sync running now and one stuck for hours, otherwise healthy`, () => {
		const company = data.companies.get(demoCompanies.running);
		expect(company?.connection_status).toBe('HEALTHY');
		expect(company?.sync_status).toBe('RUNNING');
		const all = companySyncs(data, demoCompanies.running);
		const running = all.filter(isRunning);
		expect(running).toHaveLength(2);
		const ages = running.map(sync => data.now.getTime() - time(sync.start_time));
		expect(all[0]).toBe(running[0]);
		expect(ages[0]).toBeLessThanOrEqual(10 * minute);
		expect(ages[0]).toBeGreaterThan(0);
		expect(ages[1]).toBeGreaterThan(2 * hour);
		expect(ages[1]).toBeLessThan(4 * hour);
		for (const sync of running) {
			expect(sync.data_models.some(model => model.status === 'RUNNING' && (model.running_count ?? 0) > 0)).toBe(true);
		}

		const finishedRecent = recentSyncs(data, demoCompanies.running).filter(sync => !isRunning(sync));
		expect(finishedRecent.length).toBeGreaterThanOrEqual(40);
		expect(finishedRecent.every(sync => sync.data_models.every(model => model.status === 'SUCCESS'))).toBe(true);
		expectHealthyRecentHistory(data, demoCompanies.running);
	});
});
