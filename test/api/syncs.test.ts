import {afterEach, describe, expect, it} from 'vitest';
import {createRootfiClient} from '../../source/api/client.js';
import {ApiError} from '../../source/api/errors.js';
import {listSyncs, parseRetryAfter} from '../../source/api/syncs.js';
import {pageBody, startScriptedServer, type Reply, type ScriptedServer} from '../helpers/scripted-server.js';

const key = 'sk_live_do-not-print-me';
const sync = {rootfi_id: 1, rootfi_company_id: 101, data_models: []};
const noWait = async () => {};

let server: ScriptedServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const call = async (replies: Reply[], options: Parameters<typeof listSyncs>[2] = {}) => {
	server = await startScriptedServer(replies);
	const client = createRootfiClient({baseUrl: server.url, apiKey: key});
	return listSyncs(client, {limit: 5}, {sleep: noWait, ...options});
};

const rejection = async (promise: Promise<unknown>): Promise<ApiError> => {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(ApiError);
		return error as ApiError;
	}
	throw new Error('expected the call to fail');
};

const failure = async (replies: Reply[], options: Parameters<typeof listSyncs>[2] = {}): Promise<ApiError> => {
	try {
		await call(replies, options);
	} catch (error) {
		expect(error).toBeInstanceOf(ApiError);
		const apiError = error as ApiError;
		expect(apiError.describe()).not.toContain(key);
		expect(apiError.describe()).not.toMatch(/\n/);
		return apiError;
	}
	throw new Error('expected the call to fail');
};

describe('listSyncs over HTTP', () => {
	it('sends the key in the api_key header and the query in the URL', async () => {
		const page = await call([{status: 200, body: pageBody([sync])}]);
		expect(page.syncs).toHaveLength(1);
		expect(page.requestId).toBe('7a1c0e42-9f85-4d6e-bb5d-358a72913c0b');
		const request = server!.requests[0]!;
		expect(request.headers['api_key']).toBe(key);
		expect(request.url).toBe('/sync?limit=5');
	});

	it('maps 401 to an auth error with the server message, without retrying', async () => {
		const error = await failure([
			{status: 401, body: JSON.stringify({error: {message: 'Invalid API key', code: 'UNAUTHORIZED', field: null}})},
		]);
		expect(error.kind).toBe('auth');
		expect(error.message).toContain('Invalid API key');
		expect(server!.requests).toHaveLength(1);
	});

	it('retries a 429, honouring Retry-After, then succeeds', async () => {
		const waits: number[] = [];
		const page = await call(
			[{status: 429, body: '', headers: {'retry-after': '2'}}, {status: 200, body: pageBody([sync, sync])}],
			{
				sleep: async (ms) => {
					waits.push(ms);
				},
			},
		);
		expect(page.syncs).toHaveLength(2);
		expect(waits).toEqual([2000]);
		expect(server!.requests).toHaveLength(2);
	});

	it('does not wait for a Retry-After beyond the bound, and says how long', async () => {
		const error = await failure([{status: 429, body: '', headers: {'retry-after': '3600'}}]);
		expect(error.kind).toBe('rate_limited');
		expect(error.message).toContain('retry after 3600s');
		expect(server!.requests).toHaveLength(1);
	});

	it('maps a 500 with an empty body to a server error after bounded retries', async () => {
		const error = await failure([], {retry: {retries: 2}});
		expect(error.kind).toBe('server');
		expect(error.status).toBe(500);
		expect(error.attempts).toBe(3);
		expect(server!.requests).toHaveLength(3);
	});

	it('maps an HTML 502 from a proxy to a server error with a clean excerpt', async () => {
		const html = '<html><head><title>502 Bad Gateway</title></head>\n<body>\u001b]0;pwned\u0007nginx</body></html>';
		const error = await failure(
			[{status: 502, body: html, headers: {'content-type': 'text/html'}}, {status: 502, body: html}],
			{retry: {retries: 1}},
		);
		expect(error.kind).toBe('server');
		expect(error.excerpt).toContain('502 Bad Gateway');
		expect(error.describe()).not.toMatch(/[\u0000-\u001f]/);
	});

	it('maps invalid JSON in a 200 to a bad response with status and request id', async () => {
		const error = await failure([
			{status: 200, body: '{"data": {"data": [', headers: {'x-request-id': 'req-123'}},
		]);
		expect(error.kind).toBe('bad_response');
		expect(error.status).toBe(200);
		expect(error.requestId).toBe('req-123');
		expect(error.message).toContain('not valid JSON');
	});

	it('maps a body of the wrong shape to a bad response', async () => {
		const error = await failure([{status: 200, body: JSON.stringify({data: 'nope', request_id: 'r-9'})}]);
		expect(error.kind).toBe('bad_response');
		expect(error.requestId).toBe('r-9');
	});

	it('times out a hung request within the per-request timeout', async () => {
		const started = Date.now();
		const error = await failure([{hang: true}], {timeoutMs: 300});
		expect(error.kind).toBe('timeout');
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('retries a reset connection as a network error', async () => {
		const page = await call([{reset: true}, {status: 200, body: pageBody([sync])}]);
		expect(page.syncs).toHaveLength(1);
	});

	it('reports a refused connection as a network error', async () => {
		server = await startScriptedServer([]);
		const url = server.url;
		await server.close();
		server = undefined;
		const client = createRootfiClient({baseUrl: url, apiKey: key});
		const error = await rejection(listSyncs(client, {}, {sleep: noWait, retry: {retries: 1}}));
		expect(error.kind).toBe('network');
		expect(error.message).toContain('connection refused');
	});

	it('stops at once when cancelled, even while waiting to retry', async () => {
		server = await startScriptedServer([], {status: 503, body: ''});
		const client = createRootfiClient({baseUrl: server.url, apiKey: key});
		const controller = new AbortController();
		const promise = listSyncs(client, {}, {signal: controller.signal, retry: {baseDelayMs: 10_000}});
		setTimeout(() => controller.abort(), 100);
		const error = await rejection(promise);
		expect(error.kind).toBe('cancelled');
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates, and ignores junk', () => {
		expect(parseRetryAfter('7')).toBe(7000);
		expect(parseRetryAfter('Thu, 03 Dec 2026 10:00:10 GMT', Date.parse('2026-12-03T10:00:00Z'))).toBe(10_000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(null)).toBeUndefined();
	});
});

describe('the key in error bodies', () => {
	it('is scrubbed from messages and excerpts, and from what onRetry sees', async () => {
		const seen: string[] = [];
		const error = await failure(
			[
				{status: 503, body: `<html>proxy saw api_key: ${key}</html>`},
				{status: 401, body: JSON.stringify({error: {message: `key ${key} is not valid`}})},
			],
			{onRetry: (retryError) => seen.push(retryError.describe())},
		);
		expect(error.message).toBe('The API key was refused (HTTP 401): key [redacted] is not valid');
		expect(seen).toHaveLength(1);
		expect(seen[0]).toContain('[redacted]');
		expect(seen[0]).not.toContain(key);
	});
});
