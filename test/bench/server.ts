// The API the benchmark talks to, in its own process so that its work is not counted as the CLI's:
// the demo server over a dataset twice the usual size (two 30-day histories back to back, about
// 15,000 syncs, so paging through 10,000 never reaches the end), plus a proxy in front of it that
// adds a fixed delay, like a distant API, and counts requests the client gave up on (aborted).
import {createServer, request as httpRequest} from 'node:http';
import type {AddressInfo} from 'node:net';
import process from 'node:process';
import {generateDataset, type DemoDataset} from '../../source/demo/dataset.js';
import {startDemoServer} from '../../source/demo/server.js';

const day = 24 * 60 * 60 * 1000;

/** Newest first; ids re-numbered so they stay unique and fall by one per row, like the real dataset. */
const doubledDataset = (): DemoDataset => {
	const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
	const recent = generateDataset({now});
	const older = generateDataset({now: new Date(now.getTime() - 30 * day)});
	const syncs = [...recent.syncs, ...older.syncs].map((sync) => ({...sync}));
	const firstId = 1_000_000;
	syncs.forEach((sync, index) => {
		sync.rootfi_id = firstId + syncs.length - 1 - index;
	});
	return {syncs, companies: recent.companies, now};
};

export type BenchServerInfo = {
	/** The demo API, answering at once. */
	readonly url: string;
	/** The same API behind a delay; `GET /__stats` on it reports what the proxy saw. */
	readonly slowUrl: string;
	readonly delayMs: number;
	readonly total: number;
};

export type ProxyStats = {readonly requests: number; readonly aborted: number; readonly paths: readonly string[]};

const delayMs = Number(process.env['BENCH_DELAY_MS'] ?? 150);
const dataset = doubledDataset();
const demo = await startDemoServer({port: 0, dataset});

let requests = 0;
let aborted = 0;
const paths: string[] = [];
const proxy = createServer((incoming, outgoing) => {
	if (incoming.url === '/__stats') {
		outgoing.setHeader('content-type', 'application/json');
		outgoing.end(JSON.stringify({requests, aborted, paths} satisfies ProxyStats));
		return;
	}
	if (incoming.url === '/__reset') {
		requests = 0;
		aborted = 0;
		paths.length = 0;
		outgoing.end();
		return;
	}
	requests++;
	paths.push(incoming.url ?? '');
	let answered = false;
	// The client closing before the answer is what an AbortController does to a fetch.
	outgoing.on('close', () => {
		if (!answered) aborted++;
	});
	setTimeout(() => {
		if (outgoing.destroyed) return;
		const upstream = httpRequest(`${demo.url}${incoming.url ?? '/'}`, {headers: incoming.headers}, (reply) => {
			outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
			reply.pipe(outgoing);
			reply.on('end', () => {
				answered = true;
			});
		});
		upstream.on('error', () => outgoing.destroy());
		upstream.end();
	}, delayMs);
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const port = (proxy.address() as AddressInfo).port;

const info: BenchServerInfo = {url: demo.url, slowUrl: `http://127.0.0.1:${port}`, delayMs, total: dataset.syncs.length};
process.stdout.write(`${JSON.stringify(info)}\n`);

const stop = () => {
	proxy.close();
	void demo.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
