// The one openapi-fetch client. The key is added by a middleware so no call site handles it.
import createClient, {type Middleware} from 'openapi-fetch';
import type {paths} from '../../openapi/schema.js';

export type RootfiClient = ReturnType<typeof createClient<paths>>;

export type ClientOptions = {
	readonly baseUrl: string;
	readonly apiKey: string;
	/** Injected in unit tests; the global fetch otherwise. */
	readonly fetch?: typeof globalThis.fetch;
	/** Called with one line per request, response and network error (never headers). */
	readonly log?: (line: string) => void;
};

export const userAgent = 'rootfi-tui/0.1';

const authMiddleware = (apiKey: string): Middleware => ({
	onRequest({request}) {
		request.headers.set('api_key', apiKey);
		request.headers.set('accept', 'application/json');
		request.headers.set('user-agent', userAgent);
		return request;
	},
});

const logMiddleware = (log: (line: string) => void): Middleware => {
	const started = new Map<string, number>();
	return {
		onRequest({request, id}) {
			started.set(id, Date.now());
			log(`-> ${request.method} ${request.url}`);
		},
		onResponse({request, response, id}) {
			const ms = Date.now() - (started.get(id) ?? Date.now());
			started.delete(id);
			const requestId = response.headers.get('x-request-id');
			log(`<- ${response.status} ${request.method} ${request.url} ${ms}ms${requestId ? ` x-request-id ${requestId}` : ''}`);
		},
		onError({request, error, id}) {
			started.delete(id);
			log(`!! ${request.method} ${request.url} ${error instanceof Error ? error.message : String(error)}`);
		},
	};
};

// The key of each client, so that any error built from a response can be scrubbed of it (a proxy
// or server may echo the request's headers back in its body).
const clientKeys = new WeakMap<RootfiClient, string>();

export const keyOf = (client: RootfiClient): string | undefined => clientKeys.get(client);

export const createRootfiClient = ({baseUrl, apiKey, fetch, log}: ClientOptions): RootfiClient => {
	const client = createClient<paths>({
		baseUrl: baseUrl.replace(/\/+$/, ''),
		...(fetch ? {fetch} : {}),
	});
	client.use(authMiddleware(apiKey));
	if (log) client.use(logMiddleware(log));
	clientKeys.set(client, apiKey);
	return client;
};
