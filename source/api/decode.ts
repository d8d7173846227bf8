// Checks a GET /sync body at run time and keeps what the screens can show. It never throws for a
// field: a value of the wrong type is dropped (shown as missing) and noted; only a body that is not
// the envelope at all becomes a bad_response error.
import {ApiError} from './errors.js';
import {excerptOf} from './text.js';
import type {DataModelResult, Sync} from './types.js';

type Loose<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** A data model's result as decoded: the spec's type, with the identifying fields possibly absent. */
export type DataModelRecord = Loose<DataModelResult, 'sync_id' | 'data_model' | 'status'>;

/** A sync as decoded: the spec's type, with ids possibly absent and data_models always an array. */
export type SyncRecord = Loose<Omit<Sync, 'data_models'>, 'rootfi_id' | 'rootfi_company_id'> & {
	readonly data_models: readonly DataModelRecord[];
	/** Fields that came with a value of the wrong type and were dropped. */
	readonly dropped: readonly string[];
};

export type DecodedPage = {
	readonly syncs: readonly SyncRecord[];
	/** As the server sent it; undefined when absent or not a number. */
	readonly totalCount: number | undefined;
	readonly syncStatus: string | undefined;
	readonly connectionStatus: string | undefined;
	readonly requestId: string | undefined;
	readonly requestTimestamp: string | undefined;
	readonly responseTimestamp: string | undefined;
	/** Things about the page that are not as the spec says, for a visible marker. */
	readonly anomalies: readonly string[];
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isInteger = (value: unknown): boolean => Number.isSafeInteger(value);
const isString = (value: unknown): boolean => typeof value === 'string';
const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

type Checks = Readonly<Record<string, (value: unknown) => boolean>>;

/** The spec's fields of a sync and what each must be; data_models is decoded on its own. */
const syncChecks: Checks = {
	rootfi_id: isInteger,
	rootfi_company_id: isInteger,
	rootfi_organisation_id: isInteger,
	rootfi_integration_type: isString,
	rootfi_updated_at: isString,
	rootfi_created_at: isString,
	start_time: isStringOrNull,
	end_time: isStringOrNull,
	sync_from: isStringOrNull,
	integration_type: isString,
	full_sync: isBoolean,
	sync_type: isString,
	config_mode: isString,
	success_count: isInteger,
	failed_count: isInteger,
	running_count: isInteger,
	created_count: isInteger,
};

const modelChecks: Checks = {
	sync_id: isString,
	data_model: isString,
	total_count: isInteger,
	success_count: isInteger,
	failed_count: isInteger,
	running_count: isInteger,
	pending_count: isInteger,
	start_time: isStringOrNull,
	end_time: isStringOrNull,
	status: isString,
};

/**
 * Keeps the spec's fields of a parsed object in place, in the order the server sent them: an unknown
 * one is deleted, a wrong one deleted and named. In place because a page's JSON is 1.6 MB: a decoded
 * copy of every sync left the parsed tree as garbage to pile up beside it on every page.
 * `skip` is left for the caller (data_models, decoded on its own).
 */
const keepValid = (target: Json, checks: Checks, dropped: string[], prefix = '', skip?: string): void => {
	for (const name of Object.keys(target)) {
		if (name === skip) continue;
		const value = target[name];
		// Own properties only: a key such as "__proto__" must not find Object.prototype.
		const check = Object.hasOwn(checks, name) ? checks[name] : undefined;
		if (!check || value === undefined) delete target[name];
		else if (!check(value)) {
			delete target[name];
			dropped.push(prefix + name);
		}
	}
};

/** Decodes a parsed data model in place; undefined (and noted) when it is not an object. */
export const decodeDataModel = (value: unknown, index: number, dropped: string[]): DataModelRecord | undefined => {
	if (!isObject(value)) {
		dropped.push(`data_models[${index}]`);
		return undefined;
	}
	keepValid(value, modelChecks, dropped, `data_models[${index}].`);
	return value as DataModelRecord;
};

/**
 * Decodes a parsed sync in place (it must not be shared): the spec's fields in the order sent,
 * then data_models (always an array) and dropped.
 */
export const decodeSync = (value: unknown): SyncRecord | undefined => {
	if (!isObject(value)) return undefined;
	const dropped: string[] = [];
	const keys = Object.keys(value);
	keepValid(value, syncChecks, dropped, '', 'data_models');
	const raw = value['data_models'];
	let models: DataModelRecord[] = [];
	if (Array.isArray(raw)) {
		// Filtered in place too: the array holds only the models that are objects.
		let kept = 0;
		for (let index = 0; index < raw.length; index++) {
			const model = decodeDataModel(raw[index], index, dropped);
			if (model) raw[kept++] = model;
		}
		raw.length = kept;
		models = raw as DataModelRecord[];
	} else if (raw !== undefined && raw !== null) {
		dropped.push('data_models');
	}
	// data_models goes after the other fields; the server sends it last, so usually it stays put.
	if (models !== raw || keys[keys.length - 1] !== 'data_models') {
		delete value['data_models'];
		value['data_models'] = models;
	}
	value['dropped'] = dropped;
	return value as SyncRecord;
};

export type DecodeContext = {
	readonly status: number;
	readonly requestIdHeader?: string | undefined;
};

const badResponse = (reason: string, body: string, context: DecodeContext, requestId?: string) =>
	new ApiError('bad_response', `Unexpected response from RootFi (HTTP ${context.status}): ${reason}`, {
		status: context.status,
		requestId: requestId ?? context.requestIdHeader,
		excerpt: excerptOf(body),
	});

/** Decodes the text of a 200 response to GET /sync. */
export const decodeSyncPage = (body: string, context: DecodeContext): DecodedPage => {
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		throw badResponse(body.trim() === '' ? 'empty body' : 'body is not valid JSON', body, context);
	}
	const requestId =
		isObject(json) && typeof json['request_id'] === 'string' ? json['request_id'] : context.requestIdHeader;
	if (!isObject(json) || !isObject(json['data']) || !Array.isArray(json['data']['data'])) {
		throw badResponse('no data.data list of syncs', body, context, requestId);
	}
	const page = json['data'];
	const rows = page['data'] as unknown[];
	const anomalies: string[] = [];
	const syncs: SyncRecord[] = [];
	for (const row of rows) {
		const sync = decodeSync(row);
		if (sync) syncs.push(sync);
	}
	if (syncs.length < rows.length) anomalies.push(`${rows.length - syncs.length} row(s) were not objects`);
	const total = page['total_count'];
	const totalCount = Number.isSafeInteger(total) && (total as number) >= 0 ? (total as number) : undefined;
	if (totalCount === undefined) anomalies.push('total_count missing or invalid');
	else if (totalCount < rows.length) anomalies.push(`total_count ${totalCount} is below the ${rows.length} rows sent`);
	const text = (name: string): string | undefined =>
		typeof page[name] === 'string' ? (page[name] as string) : undefined;
	const top = (name: string): string | undefined =>
		typeof json[name] === 'string' ? (json[name] as string) : undefined;
	return {
		syncs,
		totalCount,
		syncStatus: text('sync_status'),
		connectionStatus: text('connection_status'),
		requestId,
		requestTimestamp: top('request_timestamp'),
		responseTimestamp: top('response_timestamp'),
		anomalies,
	};
};
