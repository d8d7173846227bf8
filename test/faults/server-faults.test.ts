// What each fault puts on the wire, read with plain fetch and node:http rather than the client, so
// the client's tests rest on a server known to misbehave exactly as described.
import {request as httpRequest} from 'node:http';
import process from 'node:process';
import {afterEach, describe, expect, it} from 'vitest';
import {generateDataset} from '../../source/demo/dataset.js';
import {startDemoServer, type DemoFaults, type DemoServer} from '../../source/demo/server.js';

// Generated once: each server would otherwise spend about 400 ms making its own.
const dataset = generateDataset({now: new Date('2026-12-03T12:00:00.000Z')});

let server: DemoServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const start = async (faults?: DemoFaults): Promise<DemoServer> => {
	server = await startDemoServer({port: 0, dataset, ...(faults ? {faults} : {})});
	return server;
};

const get = async (demo: DemoServer, signal?: AbortSignal) => fetch(`${demo.url}/sync?limit=2`, {headers: {api_key: 'k'}, signal});

/** The socket-level outcome of one request: a status, or the error code the socket failed with. */
const rawOutcome = async (demo: DemoServer): Promise<string> =>
	new Promise((resolve) => {
		const request = httpRequest(`${demo.url}/sync`, {headers: {api_key: 'k'}}, (response) => {
			response.resume();
			response.on('end', () => resolve(`HTTP ${response.statusCode}`));
		});
		request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
		request.end();
	});

describe('demo server faults on the wire', () => {
	it('answers normally without faults, and counts requests', async () => {
		const demo = await start();
		const response = await get(demo);
		expect(response.status).toBe(200);
		expect(((await response.json()) as {data: {data: unknown[]}}).data.data).toHaveLength(2);
		expect(demo.stats()).toMatchObject({requests: 1, faults: 0});
	});

	it('rate-limit: 429, Retry-After in seconds, RootFi error body', async () => {
		const demo = await start({mode: 'rate-limit', retryAfterSeconds: 2});
		const response = await get(demo);
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('2');
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(await response.json()).toEqual({error: {message: expect.stringMatching(/Too many requests/), code: 'RATE_LIMITED', field: null}});
	});

	it('empty-500: 500 with an empty body', async () => {
		const demo = await start({mode: 'empty-500'});
		const response = await get(demo);
		expect(response.status).toBe(500);
		expect(response.headers.get('content-length')).toBe('0');
		expect(await response.text()).toBe('');
	});

	it("html-502: 502 with a proxy's HTML page", async () => {
		const demo = await start({mode: 'html-502'});
		const response = await get(demo);
		expect(response.status).toBe(502);
		expect(response.headers.get('content-type')).toBe('text/html');
		expect(response.headers.get('x-request-id')).toBeNull();
		expect(await response.text()).toMatch(/^<html>\r\n<head><title>502 Bad Gateway<\/title>/);
	});

	it('truncated: 200, valid headers, half the JSON body with a matching content-length', async () => {
		const full = await (await get(await start())).text();
		await server?.close();
		const demo = await start({mode: 'truncated'});
		const response = await get(demo);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		const body = await response.text();
		expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
		expect(Math.abs(body.length - full.length / 2)).toBeLessThan(2);
		expect(full.startsWith(body.slice(0, 20))).toBe(true);
		expect(() => JSON.parse(body) as unknown).toThrow();
	});

	it('reset: the connection is reset with no response', async () => {
		const demo = await start({mode: 'reset'});
		expect(await rawOutcome(demo)).toBe('ECONNRESET');
	});

	it('hang: never answers, and close() ends the hung request at once', async () => {
		const demo = await start({mode: 'hang'});
		const outcome = rawOutcome(demo);
		await expect(Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('pending'), 1000))])).resolves.toBe('pending');
		const started = Date.now();
		await demo.close();
		expect(Date.now() - started).toBeLessThan(500);
		expect(await outcome).toMatch(/ECONNRESET|socket hang up/);
	});

	it('faults only after the first N requests, and only as many times as asked', async () => {
		const demo = await start({mode: 'empty-500', afterRequests: 2, maxFaults: 1});
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await get(demo)).status);
		expect(statuses).toEqual([200, 200, 500, 200]);
		expect(demo.stats()).toMatchObject({requests: 4, faults: 1});
	});

	it('latency delays every answer with a timer: concurrent requests are not queued', async () => {
		const demo = await start({latencyMs: 400});
		const started = Date.now();
		const statuses = await Promise.all(Array.from({length: 6}, async () => (await get(demo)).status));
		const elapsed = Date.now() - started;
		expect(statuses.every((status) => status === 200)).toBe(true);
		expect(elapsed).toBeGreaterThanOrEqual(390);
		// Six waits one after another would take 2.4 s.
		expect(elapsed).toBeLessThan(1200);
	});

	it('close() does not wait for answers still delayed by latency, nor leave their timers behind', async () => {
		const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
		const demo = await start({latencyMs: 10_000});
		const outcome = rawOutcome(demo);
		while (demo.stats().requests === 0) await new Promise((resolve) => setTimeout(resolve, 10));
		const pending = timers();
		const started = Date.now();
		await demo.close();
		expect(Date.now() - started).toBeLessThan(500);
		// A live 10 s timer would keep a `demo-server` process from exiting on Ctrl-C.
		expect(timers()).toBe(pending - 1);
		expect(await outcome).toMatch(/ECONNRESET|socket hang up/);
	});

	it('a client that gives up during latency gets nothing later, and the server carries on', async () => {
		const demo = await start({latencyMs: 300, mode: 'empty-500', afterRequests: 1});
		await expect(get(demo, AbortSignal.timeout(50))).rejects.toThrow();
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect((await get(demo)).status).toBe(500);
		expect(demo.stats()).toMatchObject({requests: 2, faults: 1});
	});

	it('refuses bad fault options when starting', async () => {
		await expect(startDemoServer({port: 0, dataset, faults: {failRate: 2}})).rejects.toThrow(/failRate must be from 0 to 1/);
		await expect(startDemoServer({port: 0, dataset, faults: {every: 0}})).rejects.toThrow(/every must be a whole number of at least 1/);
	});
});
