// The one openapi-fetch client. The key is added by a middleware so no call site handles it.
import createClient, {type Middleware} from 'openapi-fetch';
import type {paths} from '../../openapi/schema.js';

export type RootfiClient = ReturnType<typeof createClient<paths>>;

export type ClientOptions = {
	readonly baseUrl: string;
	readonly apiKey: string;
	/** Injected in unit tests; the global fetch otherwise. */
	readonly fetch?: typeof globalThis.fetch;
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

export const createRootfiClient = ({baseUrl, apiKey, fetch}: ClientOptions): RootfiClient => {
	const client = createClient<paths>({
		baseUrl: baseUrl.replace(/\/+$/, ''),
		...(fetch ? {fetch} : {}),
	});
	client.use(authMiddleware(apiKey));
	return client;
};
