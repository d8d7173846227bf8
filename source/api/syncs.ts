// The one module that calls GET /sync: per-attempt timeout, cancellation, bounded retries with
// backoff (honouring Retry-After), and every failure turned into an ApiError.
import {keyOf, type RootfiClient} from './client.js';
import {decodeSyncPage, type DecodedPage} from './decode.js';
import {ApiError, isApiError, isRetryable} from './errors.js';
import {excerptOf, redact, sanitizeText} from './text.js';
import type {SyncQuery} from './types.js';

export type RetryPolicy = {
	/** Retries after the first attempt. */
	readonly retries: number;
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
	/** A Retry-After longer than this is not waited for: the error is reported instead. */
	readonly maxRetryAfterMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {
	retries: 3,
	baseDelayMs: 300,
	maxDelayMs: 5000,
	maxRetryAfterMs: 30_000,
};

export type CallOptions = {
	readonly signal?: AbortSignal;
	/** Per attempt, in milliseconds. */
	readonly timeoutMs?: number;
	readonly retry?: Partial<RetryPolicy>;
	/** Told before each wait, so a screen can say "retrying in 2s". */
	readonly onRetry?: (error: ApiError, attempt: number, delayMs: number) => void;
	/** Injected in tests to make waits instant. */
	readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
	readonly random?: () => number;
};

export const defaultTimeoutMs = 15_000;

const cancelled = () => new ApiError('cancelled', 'Request cancelled');

export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
	new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(cancelled());
			return;
		}
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(cancelled());
		};
		signal?.addEventListener('abort', onAbort, {once: true});
	});

/** Retry-After is either seconds or an HTTP date. */
export const parseRetryAfter = (value: string | null, now = Date.now()): number | undefined => {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

const errorBodyMessage = (body: unknown): string | undefined => {
	if (typeof body !== 'object' || body === null) return undefined;
	const error = (body as {error?: unknown}).error;
	if (typeof error === 'object' && error !== null) {
		const message = (error as {message?: unknown}).message;
		const field = (error as {field?: unknown}).field;
		if (typeof message === 'string' && message.trim()) {
			const text = sanitizeText(message.trim());
			return typeof field === 'string' && field ? `${text} (field ${sanitizeText(field)})` : text;
		}
	}
	return undefined;
};

const requestIdOf = (response: Response, body: unknown): string | undefined => {
	if (typeof body === 'object' && body !== null) {
		const id = (body as {request_id?: unknown}).request_id;
		if (typeof id === 'string') return sanitizeText(id);
	}
	const header = response.headers.get('x-request-id');
	return header ? sanitizeText(header) : undefined;
};

/** Maps a non-2xx response to an ApiError. */
export const errorFromResponse = (response: Response, body: unknown): ApiError => {
	const status = response.status;
	const requestId = requestIdOf(response, body);
	const serverMessage = errorBodyMessage(body);
	const excerpt = serverMessage === undefined && typeof body === 'string' && body.trim() ? excerptOf(body) : undefined;
	const details = {status, requestId, ...(excerpt ? {excerpt} : {})};
	const say = (fallback: string) => (serverMessage ? `${fallback}: ${serverMessage}` : fallback);
	if (status === 401) return new ApiError('auth', say('The API key was refused (HTTP 401)'), details);
	if (status === 403) return new ApiError('auth', say('The API key may not read syncs (HTTP 403)'), details);
	if (status === 404) return new ApiError('not_found', say('Not found (HTTP 404); check --base-url'), details);
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
		const wait = retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)}s`;
		return new ApiError('rate_limited', say(`Rate limited by RootFi (HTTP 429${wait})`), {
			...details,
			...(retryAfterMs === undefined ? {} : {retryAfterMs}),
		});
	}
	if (status >= 500) return new ApiError('server', say(`RootFi server error (HTTP ${status})`), details);
	if (status >= 400) return new ApiError('bad_request', say(`Request rejected (HTTP ${status})`), details);
	return new ApiError('bad_response', `Unexpected HTTP ${status} from RootFi`, details);
};

const describeNetworkError = (error: unknown): string => {
	const cause = (error as {cause?: {code?: unknown; message?: unknown}})?.cause;
	const code = typeof cause?.code === 'string' ? cause.code : undefined;
	switch (code) {
		case 'ECONNREFUSED':
			return 'connection refused';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'host not found';
		case 'ECONNRESET':
		case 'UND_ERR_SOCKET':
			return 'connection reset';
		case 'UND_ERR_HEADERS_TIMEOUT':
		case 'UND_ERR_BODY_TIMEOUT':
			return 'no response';
		default:
			if (code) return code;
			return typeof cause?.message === 'string' && cause.message ? sanitizeText(cause.message.split('\n')[0] ?? '') : 'network error';
	}
};

const backoff = (attempt: number, policy: RetryPolicy, random: () => number): number => {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	// "Equal jitter": at least half the ceiling, so retries never come back-to-back.
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
};

type Attempt = {
	readonly client: RootfiClient;
	readonly query: SyncQuery;
	readonly signal: AbortSignal | undefined;
	readonly timeoutMs: number;
};

const attemptOnce = async ({client, query, signal, timeoutMs}: Attempt): Promise<DecodedPage> => {
	const timeout = AbortSignal.timeout(timeoutMs);
	const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
	try {
		const {data, error, response} = await client.GET('/sync', {
			params: {query},
			parseAs: 'text',
			signal: combined,
		});
		if (!response.ok) throw errorFromResponse(response, error);
		return decodeSyncPage(typeof data === 'string' ? data : '', {
			status: response.status,
			requestIdHeader: response.headers.get('x-request-id') ?? undefined,
		});
	} catch (error) {
		if (isApiError(error)) throw error;
		if (signal?.aborted) throw cancelled();
		if (timeout.aborted) {
			throw new ApiError('timeout', `No response from RootFi within ${Math.round(timeoutMs / 100) / 10}s`);
		}
		throw new ApiError('network', `Cannot reach RootFi: ${describeNetworkError(error)}`);
	}
};

const scrub = (error: ApiError, secrets: ReadonlyArray<string | undefined>, attempts: number): ApiError =>
	new ApiError(error.kind, redact(error.message, secrets), {
		status: error.status,
		requestId: error.requestId,
		retryAfterMs: error.retryAfterMs,
		excerpt: error.excerpt === undefined ? undefined : redact(error.excerpt, secrets),
		attempts,
	});

/** Reads one page of syncs. Throws ApiError, never anything else. */
export const listSyncs = async (
	client: RootfiClient,
	query: SyncQuery,
	options: CallOptions = {},
): Promise<DecodedPage> => {
	const policy = {...defaultRetryPolicy, ...options.retry};
	const sleep = options.sleep ?? abortableSleep;
	const random = options.random ?? Math.random;
	const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
	for (let attempt = 0; ; attempt++) {
		try {
			return await attemptOnce({client, query, signal: options.signal, timeoutMs});
		} catch (error) {
			// Every consumer (list, health, the explorer, onRetry) sees a message free of the key.
			const apiError = scrub(error as ApiError, [keyOf(client)], attempt + 1);
			const last = attempt >= policy.retries;
			const tooLong = apiError.retryAfterMs !== undefined && apiError.retryAfterMs > policy.maxRetryAfterMs;
			if (!isRetryable(apiError) || last || tooLong) throw apiError;
			const delay = apiError.retryAfterMs ?? backoff(attempt, policy, random);
			options.onRetry?.(apiError, attempt + 1, delay);
			await sleep(delay, options.signal);
		}
	}
};
