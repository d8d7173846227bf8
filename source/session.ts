// Turns a Config's source into a ready client: the real API, or the built-in demo API started
// in-process on loopback.
import {createRootfiClient, type RootfiClient} from './api/client.js';
import type {Source} from './config.js';

export type Session = {
	readonly client: RootfiClient;
	/** What the header shows: the base URL, or DEMO. */
	readonly label: string;
	readonly demo: boolean;
	close(): Promise<void>;
};

export const demoApiKey = 'demo';

export type SessionOptions = {
	readonly log?: (line: string) => void;
};

export const openSession = async (source: Source, {log}: SessionOptions = {}): Promise<Session> => {
	if (source.kind === 'api') {
		return {
			client: createRootfiClient({baseUrl: source.baseUrl, apiKey: source.apiKey, ...(log ? {log} : {})}),
			label: source.baseUrl,
			demo: false,
			close: async () => {},
		};
	}
	const {startDemoServer} = await import('./demo/server.js');
	const server = await startDemoServer();
	return {
		client: createRootfiClient({baseUrl: server.url, apiKey: demoApiKey, ...(log ? {log} : {})}),
		label: `DEMO ${server.url}`,
		demo: true,
		close: () => server.close(),
	};
};
