// A real HTTP server on loopback that answers each request with the next scripted reply, for
// testing how the client handles what the demo API never sends (HTML, empty bodies, hangs).
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export type Reply =
	| {readonly status: number; readonly body?: string; readonly headers?: Record<string, string>}
	| {readonly hang: true}
	| {readonly reset: true};

export type ScriptedServer = {
	readonly url: string;
	/** Requests received, with their headers. */
	readonly requests: IncomingMessage[];
	close(): Promise<void>;
};

export const startScriptedServer = async (replies: readonly Reply[], fallback?: Reply): Promise<ScriptedServer> => {
	const queue = [...replies];
	const requests: IncomingMessage[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((request, response) => {
		requests.push(request);
		const reply = queue.shift() ?? fallback ?? {status: 500, body: ''};
		if ('hang' in reply) return;
		if ('reset' in reply) {
			request.socket.destroy();
			return;
		}
		response.writeHead(reply.status, {'content-type': 'application/json', ...reply.headers});
		response.end(reply.body ?? '');
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
};

/** A valid GET /sync body with the given syncs. */
export const pageBody = (syncs: unknown[], extra: Record<string, unknown> = {}): string =>
	JSON.stringify({
		data: {data: syncs, total_count: syncs.length, sync_status: 'IDLE', connection_status: 'HEALTHY', ...extra},
		request_timestamp: '2026-12-03T10:00:00.000Z',
		response_timestamp: '2026-12-03T10:00:00.100Z',
		request_id: '7a1c0e42-9f85-4d6e-bb5d-358a72913c0b',
	});
