// The built CLI against a demo API that is slow, silent or rate limiting for good: it waits as long
// as --timeout and Retry-After say, no less and (within the retry bound) no more. Waits are timed
// from the server's side (see FaultyRun), so Node's start-up on a busy machine does not blur them.
import {describe, expect, it} from 'vitest';
import {expectCleanFailure, expectPage, listBoth, maxAttempts, maxBackoffMs, neverHangsMs, slackMs, type FaultyRun} from './faulty-demo.js';

/**
 * Whether a timeout is retried is the client's policy (today it is not: a silent server is reported
 * after one attempt), so the bound is stated per attempt: every attempt waited its full timeout (not
 * early) and nothing waited past the timeouts and the backoff between them (not late).
 */
const expectTimedOutAttempts = ({requests, sinceFirstRequestMs, result}: FaultyRun, timeoutMs: number): void => {
	expect(requests).toBeGreaterThanOrEqual(1);
	expect(requests).toBeLessThanOrEqual(maxAttempts);
	// The client's timer starts before its request reaches the server, so "not early" is read from
	// the whole run, and "not late" from the server's side.
	expect(result.ms).toBeGreaterThanOrEqual(requests * timeoutMs);
	expect(sinceFirstRequestMs).toBeLessThan(requests * timeoutMs + (requests > 1 ? maxBackoffMs : 0) + slackMs);
	expect(result.ms).toBeLessThan(neverHangsMs);
};

describe.concurrent('list against a slow or silent API', () => {
	it('a hang with --timeout 1: "no response within 1s", each attempt cut at 1 s, in under 15 s', async () => {
		for (const run of await listBoth({mode: 'hang'}, 1)) {
			expectCleanFailure(run.result, /^rootfi-tui: No response from RootFi within 1s$/m);
			expectTimedOutAttempts(run, 1000);
		}
	});

	it('a slow answer (1.5 s) inside --timeout 3 is waited for, once', async () => {
		for (const {json, result, requests, sinceFirstRequestMs} of await listBoth({latencyMs: 1500}, 3)) {
			expectPage(result, json);
			expect(requests).toBe(1);
			expect(sinceFirstRequestMs).toBeGreaterThanOrEqual(1500);
			expect(sinceFirstRequestMs).toBeLessThan(1500 + slackMs);
			expect(result.ms).toBeLessThan(neverHangsMs);
		}
	});

	it('a slow answer (3 s) beyond --timeout 1 times out at 1 s per attempt, not at 3 s', async () => {
		for (const run of await listBoth({latencyMs: 3000}, 1)) {
			expectCleanFailure(run.result, /^rootfi-tui: No response from RootFi within 1s$/m);
			expectTimedOutAttempts(run, 1000);
			// Waiting for the answer would take 3 s per attempt.
			expect(run.sinceFirstRequestMs).toBeLessThan(run.requests * 3000);
		}
	});

	it('rate limited for good (Retry-After 1): honours each wait, then says it was rate limited', async () => {
		for (const {result, requests, retrySpanMs, sinceFirstRequestMs} of await listBoth({mode: 'rate-limit', retryAfterSeconds: 1}, 1)) {
			expectCleanFailure(
				result,
				/^rootfi-tui: Rate limited by RootFi \(HTTP 429; retry after 1s\): Too many requests; retry after the time in Retry-After · request_id [0-9a-f-]{36}$/m,
			);
			expect(requests).toBe(maxAttempts);
			// Three waits of Retry-After, and no backoff on top.
			expect(retrySpanMs).toBeGreaterThanOrEqual(3000);
			expect(sinceFirstRequestMs).toBeLessThan(3000 + slackMs);
		}
	});

	it('a Retry-After beyond 30 s is not waited for: the error is reported at once', async () => {
		for (const {result, requests, sinceFirstRequestMs} of await listBoth({mode: 'rate-limit', retryAfterSeconds: 120}, 1)) {
			expectCleanFailure(result, /^rootfi-tui: Rate limited by RootFi \(HTTP 429; retry after 120s\)/m);
			expect(requests).toBe(1);
			expect(sinceFirstRequestMs).toBeLessThan(slackMs);
		}
	});
});
