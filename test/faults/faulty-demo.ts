// Starts the demo API in this process with faults switched on, and checks what the built CLI, run as
// a client against it, printed when things went wrong.
import {afterAll, expect} from 'vitest';
import {generateDataset} from '../../source/demo/dataset.js';
import {startDemoServer, type DemoFaults, type DemoServer} from '../../source/demo/server.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';

/** Recognisable, so a leak is easy to spot in any output. */
export const faultKey = 'sk_live_FAULTKEY_5b0e9c1f7a';

// Generated once: each server would otherwise spend about 400 ms making its own.
const dataset = generateDataset({now: new Date('2026-12-03T12:00:00.000Z')});

// Closed when the file ends rather than after each test: the tests run concurrently, and an idle
// server costs nothing.
const running: DemoServer[] = [];
afterAll(async () => {
	await Promise.all(running.splice(0).map(async (server) => server.close()));
});

/** A faulty demo API (closed after the test) and the CLI flags that point at it. */
export const faultyDemo = async (faults: DemoFaults, timeoutSeconds = 1) => {
	const server = await startDemoServer({port: 0, dataset, faults});
	running.push(server);
	return {server, args: ['--base-url', server.url, '--timeout', String(timeoutSeconds), '--limit', '5']};
};

export const keyEnv = {ROOTFI_API_KEY: faultKey};

export type FaultyRun = {
	readonly json: boolean;
	readonly result: CliResult;
	/** Requests the server received from this run. */
	readonly requests: number;
	/**
	 * From the first request reaching the server to the CLI's exit: the client's own waiting, without
	 * Node's start-up, which on a loaded 2-core machine varies by seconds.
	 */
	readonly sinceFirstRequestMs: number;
	/** From the first request to the last: the waits between attempts. */
	readonly retrySpanMs: number;
};

/** `rootfi-tui list [--json]` against its own faulty server. */
export const listAgainst = async (faults: DemoFaults, {json, timeoutSeconds = 1}: {json: boolean; timeoutSeconds?: number}): Promise<FaultyRun> => {
	const {server, args} = await faultyDemo(faults, timeoutSeconds);
	const started = Date.now();
	const result = await runCli(['list', ...args, ...(json ? ['--json'] : [])], {env: keyEnv, timeoutMs: 30_000});
	const {requests, firstRequestAt = Number.NaN, lastRequestAt = Number.NaN} = server.stats();
	return {json, result, requests, sinceFirstRequestMs: started + result.ms - firstRequestAt, retrySpanMs: lastRequestAt - firstRequestAt};
};

/** `list` and `list --json` side by side. */
export const listBoth = async (faults: DemoFaults, timeoutSeconds = 1): Promise<FaultyRun[]> =>
	Promise.all([listAgainst(faults, {json: false, timeoutSeconds}), listAgainst(faults, {json: true, timeoutSeconds})]);

/** The client's retry bound: the first attempt and 3 retries. */
export const maxAttempts = 4;
/** The most the client's backoff can add over 3 retries (300 ms doubling, equal jitter): 0.3+0.6+1.2 s. */
export const maxBackoffMs = 2100;
/** Slack for the client's own work and exit once the server has answered, on a loaded machine. */
export const slackMs = 1500;
/** Whole runs, start-up included: generous, since these only prove nothing hangs. */
export const neverHangsMs = 15_000;

export const expectNoSecretNoStack = (result: CliResult): void => {
	expect(result.stdout).not.toContain(faultKey);
	expect(result.stderr).not.toContain(faultKey);
	// A stack frame ("    at fn (file:1:2)") or Node's uncaught-error banner means something escaped.
	expect(result.stderr).not.toMatch(/^\s+at\s/m);
	expect(result.stderr).not.toMatch(/node:internal|Uncaught|TypeError|\.js:\d+/);
};

/** Exit 1, nothing on stdout, exactly one stderr line matching `message`. */
export const expectCleanFailure = (result: CliResult, message: RegExp): void => {
	expectNoSecretNoStack(result);
	expect(result.stderr).toMatch(/^rootfi-tui: .*\n$/);
	expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(result.stderr).toMatch(message);
	expect(result.stdout).toBe('');
	expect(result.code).toBe(1);
};

/** Exit 0 with a page on stdout: JSON for `--json`, else the plain table. */
export const expectPage = (result: CliResult, json: boolean): void => {
	expectNoSecretNoStack(result);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	if (json) {
		const page = JSON.parse(result.stdout) as {data: unknown[]; total_count: number};
		expect(page.data).toHaveLength(5);
		expect(page.total_count).toBeGreaterThan(5);
	} else {
		expect(result.stdout).toMatch(/^syncs 1-5 of \d+/);
	}
};
