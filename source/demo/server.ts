// The built-in demo API: a real HTTP server answering GET /sync as the spec describes, from a
// generated dataset, so the explorer can be tried (and tested end to end) without a RootFi key.
import {randomUUID} from 'node:crypto';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ErrorResponse, JobType, Sync, SyncListResponse} from '../api/types.js';
import {jobTypeValues} from '../api/types.js';
import {generateDataset, type DemoDataset} from './dataset.js';
import {checkFaults, createFaultPlan, defaultRetryAfterSeconds, hasFaults, type DemoFaults, type FaultMode} from './faults.js';

export type {DemoFaults, FaultMode} from './faults.js';

export type DemoServerOptions = {
	/** 0 (the default) picks a free port. */
	readonly port?: number;
	/** Defaults to 127.0.0.1: the demo is never reachable from other machines by accident. */
	readonly host?: string;
	/** Serve this dataset; otherwise one is generated from `seed` and `now`. */
	readonly dataset?: DemoDataset;
	readonly seed?: number;
	readonly now?: Date;
	/** Deliberately wrong answers (errors, delays, bad bodies) to exercise clients; see faults.ts. */
	readonly faults?: DemoFaults;
};

export type DemoServerStats = {
	/** Requests received, on any path. */
	readonly requests: number;
	/** Of those, how many got a fault. */
	readonly faults: number;
	/** When the first and the latest request arrived (epoch ms), so a test can time a client's retries without its start-up. */
	readonly firstRequestAt: number | undefined;
	readonly lastRequestAt: number | undefined;
};

export type DemoServer = {
	/** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
	readonly url: string;
	readonly port: number;
	readonly stats: () => DemoServerStats;
	/** Also ends hung requests and pending delayed answers, so it never waits on a fault. */
	readonly close: () => Promise<void>;
};

export const demoDefaultLimit = 100;
export const demoMaxLimit = 500;

type Query = {
	readonly limit: number;
	readonly offset: number;
	readonly companyId: number | undefined;
	readonly jobType: JobType | undefined;
};

type RequestContext = {
	readonly request: IncomingMessage;
	readonly response: ServerResponse;
	readonly url: URL;
	readonly requestId: string;
	readonly receivedAt: Date;
	/** The `truncated` fault: whatever is sent goes out cut in half, with a matching content-length. */
	readonly truncate: boolean;
};

type QueryError = {readonly field: string; readonly message: string};

/** Every filter combination is a precomputed list, so answering a request is a slice. */
type SyncIndex = {
	readonly lookup: (companyId: number | undefined, jobType: JobType | undefined) => readonly Sync[];
};

export function jobTypeOf(sync: Sync): JobType {
	// A PULL job reads from the platform; every other config mode writes (PUSH).
	return sync.config_mode === 'READ' ? 'PULL' : 'PUSH';
}

function startTimeOf(sync: Sync): number {
	const time = sync.start_time ? Date.parse(sync.start_time) : Number.NaN;
	return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function buildIndex(syncs: readonly Sync[]): SyncIndex {
	// Newest first; the id breaks ties so that pages are stable. The dataset is already in this order,
	// but a hand-made dataset (tests, fault scenarios) need not be.
	const sorted = syncs
		.map(sync => ({sync, start: startTimeOf(sync)}))
		.sort((a, b) => b.start - a.start || b.sync.rootfi_id - a.sync.rootfi_id)
		.map(({sync}) => sync);

	const key = (companyId: number | undefined, jobType: JobType | undefined): string => `${companyId ?? '*'}:${jobType ?? '*'}`;
	const lists = new Map<string, Sync[]>();
	const add = (listKey: string, sync: Sync): void => {
		const list = lists.get(listKey);
		if (list) {
			list.push(sync);
		} else {
			lists.set(listKey, [sync]);
		}
	};

	for (const sync of sorted) {
		const jobType = jobTypeOf(sync);
		add(key(undefined, undefined), sync);
		add(key(undefined, jobType), sync);
		add(key(sync.rootfi_company_id, undefined), sync);
		add(key(sync.rootfi_company_id, jobType), sync);
	}

	return {lookup: (companyId, jobType) => lists.get(key(companyId, jobType)) ?? []};
}

function parseInteger(raw: string): number | undefined {
	if (!/^-?\d+$/.test(raw)) {
		return undefined;
	}

	const value = Number(raw);
	return Number.isSafeInteger(value) ? value : undefined;
}

/** One query parameter; an empty value counts as absent (the spec makes every parameter nullable). */
function single(parameters: URLSearchParams, name: string): string | undefined | QueryError {
	const values = parameters.getAll(name);
	if (values.length > 1) {
		return {field: name, message: `${name} must be given at most once`};
	}

	const value = values[0];
	return value === undefined || value === '' ? undefined : value;
}

function isQueryError(value: unknown): value is QueryError {
	return typeof value === 'object' && value !== null;
}

function parseQuery(parameters: URLSearchParams): Query | QueryError {
	const limitRaw = single(parameters, 'limit');
	const offsetRaw = single(parameters, 'offset');
	const companyRaw = single(parameters, 'company_id');
	const jobTypeRaw = single(parameters, 'job_type');
	for (const raw of [limitRaw, offsetRaw, companyRaw, jobTypeRaw]) {
		if (isQueryError(raw)) {
			return raw;
		}
	}

	let limit = demoDefaultLimit;
	if (typeof limitRaw === 'string') {
		const value = parseInteger(limitRaw);
		if (value === undefined || value < 1 || value > demoMaxLimit) {
			return {field: 'limit', message: `limit must be an integer from 1 to ${demoMaxLimit}`};
		}

		limit = value;
	}

	let offset = 0;
	if (typeof offsetRaw === 'string') {
		const value = parseInteger(offsetRaw);
		if (value === undefined || value < 0) {
			return {field: 'offset', message: 'offset must be an integer of 0 or more'};
		}

		offset = value;
	}

	let companyId: number | undefined;
	if (typeof companyRaw === 'string') {
		companyId = parseInteger(companyRaw);
		if (companyId === undefined) {
			return {field: 'company_id', message: 'company_id must be an integer'};
		}
	}

	let jobType: JobType | undefined;
	if (typeof jobTypeRaw === 'string') {
		jobType = jobTypeValues.find(value => value === jobTypeRaw);
		if (jobType === undefined) {
			return {field: 'job_type', message: `job_type must be one of ${jobTypeValues.join(', ')}`};
		}
	}

	return {limit, offset, companyId, jobType};
}

function send(context: RequestContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
	let text: string | Buffer = JSON.stringify(body);
	if (context.truncate) {
		// Cut by bytes, as a broken proxy would, even inside a multi-byte character.
		const bytes = Buffer.from(text);
		text = bytes.subarray(0, Math.floor(bytes.length / 2));
	}

	context.response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(text)),
		'cache-control': 'no-store',
		'x-request-id': context.requestId,
		...headers,
	});
	context.response.end(text);
}

function sendError(
	context: RequestContext,
	status: number,
	code: string,
	message: string,
	field: string | null = null,
	headers: Record<string, string> = {},
): void {
	const body: ErrorResponse = {error: {message, code, field}};
	send(context, status, body, headers);
}

// What nginx sends when the upstream is down: the kind of page a client meets behind a proxy.
const badGatewayHtml = [
	'<html>',
	'<head><title>502 Bad Gateway</title></head>',
	'<body>',
	'<center><h1>502 Bad Gateway</h1></center>',
	'<hr><center>nginx</center>',
	'</body>',
	'</html>',
	'',
].join('\r\n');

type FaultSettings = {
	readonly retryAfterSeconds: number;
};

/**
 * Answers the request with the fault itself and returns true, or returns false to let the normal
 * path answer (the `truncated` fault works through `context.truncate` on the normal path).
 */
function injectFault(fault: FaultMode, context: RequestContext, settings: FaultSettings): boolean {
	const {request, response} = context;
	switch (fault) {
		case 'rate-limit': {
			sendError(context, 429, 'RATE_LIMITED', 'Too many requests; retry after the time in Retry-After', null, {
				'retry-after': String(settings.retryAfterSeconds),
			});
			return true;
		}

		case 'empty-500': {
			response.writeHead(500, {'content-length': '0', 'cache-control': 'no-store', 'x-request-id': context.requestId});
			response.end();
			return true;
		}

		case 'html-502': {
			// A proxy answers, not RootFi: no request id, HTML whatever the client accepts.
			response.writeHead(502, {
				'content-type': 'text/html',
				'content-length': String(Buffer.byteLength(badGatewayHtml)),
				server: 'nginx',
			});
			response.end(badGatewayHtml);
			return true;
		}

		case 'hang': {
			// Nothing more: close() ends hung requests with the rest (closeAllConnections).
			return true;
		}

		case 'reset': {
			// A TCP RST, as a crashed peer or a middlebox sends; plain destroy() would be a polite FIN.
			request.socket.resetAndDestroy();
			return true;
		}

		case 'truncated': {
			return false;
		}
	}
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
	const dataset = options.dataset ?? generateDataset({seed: options.seed, now: options.now});
	const index = buildIndex(dataset.syncs);
	const host = options.host ?? '127.0.0.1';
	if (options.faults) {
		// Refused even when nothing is switched on, so a typo never passes for "no faults".
		checkFaults(options.faults);
	}

	const plan = hasFaults(options.faults) ? createFaultPlan(options.faults) : undefined;
	const settings: FaultSettings = {
		retryAfterSeconds: options.faults?.retryAfterSeconds ?? defaultRetryAfterSeconds,
	};
	const delayed = new Set<NodeJS.Timeout>();
	let requests = 0;
	let firstRequestAt: number | undefined;
	let lastRequestAt: number | undefined;

	const handle = (request: IncomingMessage, response: ServerResponse, fault: FaultMode | undefined): void => {
		const context: RequestContext = {
			request,
			response,
			url: new URL(request.url ?? '/', 'http://demo.invalid'),
			requestId: randomUUID(),
			receivedAt: new Date(),
			truncate: fault === 'truncated',
		};

		if (fault !== undefined && injectFault(fault, context, settings)) {
			return;
		}

		if (context.url.pathname !== '/sync') {
			sendError(context, 404, 'NOT_FOUND', `No route for ${context.url.pathname}`);
			return;
		}

		if (request.method !== 'GET') {
			const message = `${request.method ?? 'This method'} is not allowed on /sync`;
			sendError(context, 405, 'METHOD_NOT_ALLOWED', message, null, {allow: 'GET'});
			return;
		}

		// Node lower-cases header names; any non-empty key is accepted by the demo.
		const apiKey = request.headers.api_key;
		if (typeof apiKey !== 'string' || apiKey.trim() === '') {
			sendError(context, 401, 'UNAUTHORIZED', 'Missing api_key header', 'api_key');
			return;
		}

		const query = parseQuery(context.url.searchParams);
		if ('field' in query) {
			sendError(context, 400, 'INVALID_QUERY_PARAMETER', query.message, query.field);
			return;
		}

		const matches = index.lookup(query.companyId, query.jobType);
		// RootFi documents sync_status and connection_status as the connection's. Unfiltered (or for
		// a company the demo does not know) there is no single connection, so the demo reports the
		// idle, healthy defaults rather than leaving them out.
		const company = query.companyId === undefined ? undefined : dataset.companies.get(query.companyId);
		const body: SyncListResponse = {
			data: {
				data: matches.slice(query.offset, query.offset + query.limit),
				total_count: matches.length,
				sync_status: company?.sync_status ?? 'IDLE',
				connection_status: company?.connection_status ?? 'HEALTHY',
			},
			request_timestamp: context.receivedAt.toISOString(),
			response_timestamp: new Date().toISOString(),
			request_id: context.requestId,
		};
		send(context, 200, body);
	};

	const answer = (request: IncomingMessage, response: ServerResponse, fault: FaultMode | undefined): void => {
		try {
			handle(request, response, fault);
		} catch (error: unknown) {
			// A bug in the demo must not take the process down: answer like RootFi's 500.
			if (!response.headersSent) {
				const requestId = randomUUID();
				const text = JSON.stringify({
					error: {
						message: error instanceof Error ? error.message : 'Internal error',
						code: 'INTERNAL_ERROR',
						field: null,
					},
				} satisfies ErrorResponse);
				response.writeHead(500, {'content-type': 'application/json', 'x-request-id': requestId});
				response.end(text);
			} else {
				response.destroy();
			}
		}
	};

	const server = createServer((request, response) => {
		requests++;
		lastRequestAt = Date.now();
		firstRequestAt ??= lastRequestAt;
		const decision = plan?.next();
		if (decision === undefined || decision.latencyMs === 0) {
			answer(request, response, decision?.fault);
			return;
		}

		// A timer, not a wait: other requests are answered meanwhile.
		const timer = setTimeout(() => {
			delayed.delete(timer);
			// The client may have given up (its timeout) while we waited.
			if (!request.socket.destroyed) {
				answer(request, response, decision.fault);
			}
		}, decision.latencyMs);
		delayed.add(timer);
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	const {port} = server.address() as AddressInfo;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	// Closing twice returns the first close's promise rather than failing.
	let closing: Promise<void> | undefined;
	return {
		url: `http://${urlHost}:${port}`,
		port,
		stats: () => ({requests, faults: plan?.stats().faults ?? 0, firstRequestAt, lastRequestAt}),
		close: async () => {
			closing ??= new Promise<void>((resolve, reject) => {
				// A pending latency timer would keep the process alive after close.
				for (const timer of delayed) {
					clearTimeout(timer);
				}

				delayed.clear();

				server.close(error => {
					if (error) {
						reject(error);
					} else {
						resolve();
					}
				});
				// Idle keep-alive sockets would otherwise hold close() open for seconds, and hung or
				// delayed requests for ever: this ends active connections too.
				server.closeAllConnections();
			});
			return closing;
		},
	};
}
