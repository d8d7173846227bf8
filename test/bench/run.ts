// `npm run bench`: runs the built CLI against the demo API and prints one table (each figure the
// median of several runs, beside its baseline and target), also written to bench-results/latest.json.
// Not part of `npm test`: it takes about two minutes and its figures depend on the machine.
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {markdownTable, median, percentile, tableText, type Row} from './report.js';
import type {BenchServerInfo, ProxyStats} from './server.js';
import {startTerminal, type BenchTerminal} from './terminal.js';

// Bundled into dist/bench/run.js; the repository is two levels up.
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const cli = join(here, 'cli/cli.js');
const bareFetch = join(root, 'test/bench/bare-fetch.mjs');

const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

// No profile, no inherited base URL or key: every run talks to the bench server only.
const configHome = mkdtempSync(join(tmpdir(), 'rootfi-bench-'));
const baseEnv: Record<string, string | undefined> = {
	...process.env,
	ROOTFI_API_KEY: 'bench',
	ROOTFI_BASE_URL: undefined,
	ROOTFI_PROFILE: undefined,
	XDG_CONFIG_HOME: configHome,
	NO_COLOR: undefined,
	FORCE_COLOR: undefined,
};

const startServer = async (): Promise<{info: BenchServerInfo; stop: () => void}> => {
	const child = spawn(process.execPath, [join(here, 'server.js')], {stdio: ['ignore', 'pipe', 'inherit']});
	const lines = createInterface({input: child.stdout});
	const first = await new Promise<string>((resolve, reject) => {
		lines.once('line', resolve);
		child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
	});
	return {info: JSON.parse(first) as BenchServerInfo, stop: () => child.kill('SIGTERM')};
};

/** Wall time of a process from spawn until it exits and its output is drained. */
const wallTime = (args: readonly string[]): Promise<number> =>
	new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe'], env: baseEnv as NodeJS.ProcessEnv});
		let errors = '';
		child.stdout.resume();
		child.stderr.on('data', (chunk: Buffer) => {
			errors += chunk.toString();
		});
		child.on('close', (code) => {
			if (code === 0) resolve(performance.now() - start);
			else reject(new Error(`${args.join(' ')} exited ${code}: ${errors}`));
		});
	});

const getJson = async <T>(url: string): Promise<T> => {
	const response = await fetch(url, {headers: {api_key: 'bench'}});
	return (await response.json()) as T;
};

// BENCH_NODE_ARGS tries V8 flags on the explorer, e.g. "--max-semi-space-size=4".
const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);

const explorer = (url: string, cols: number, rows: number, extra: readonly string[] = []): BenchTerminal =>
	startTerminal({cli, args: ['--base-url', url, ...extra], cols, rows, env: baseEnv, nodeArgs});

/** The id on the selected row's line ("› 1014990 ..."), if a row is selected on screen. */
const selectedId = (lines: readonly string[]): number | undefined => {
	for (const line of lines) {
		const match = /^[›▾] +(\d+)/.exec(line);
		if (match) return Number(match[1]);
	}
	return undefined;
};
const showsRow = (id: number) => (lines: readonly string[]) => lines.some((line) => new RegExp(`^. +${id}\\b`).test(line));
const selects = (id: number) => (lines: readonly string[]) => selectedId(lines) === id;
const perPage = (lines: readonly string[]): number => {
	for (const line of lines) {
		const match = /(\d+) per page/.exec(line);
		if (match) return Number(match[1]);
	}
	throw new Error(`no page size on screen:\n${lines.join('\n')}`);
};

const changedCells = (before: readonly string[], after: readonly string[]): number => {
	let changed = 0;
	for (let index = 0; index < Math.max(before.length, after.length); index++) if (before[index] !== after[index]) changed++;
	return changed;
};

/** Lines the frame rewrote (Ink ends each rewritten line with erase-to-end-of-line), and whether it cleared the screen. */
const redrawOf = (output: string) => ({
	lines: output.split('\u001B[K').length - 1,
	cleared: output.includes('\u001B[2J') || output.includes('\u001B[3J'),
});

type ActionSample = {bytes: number; cells: number; lines: number; cleared: boolean};

const main = async () => {
	const started = performance.now();
	const loadAtStart = loadavg();
	// A stuck wait must not hold the terminal (or CI) forever.
	setTimeout(() => {
		log('gave up after 6 minutes');
		process.exit(2);
	}, 6 * 60_000).unref();
	const {info, stop} = await startServer();
	process.on('exit', stop);
	const top = (await getJson<{data: {data: Array<{rootfi_id: number}>}}>(`${info.url}/sync?limit=1`)).data.data[0]?.rootfi_id;
	if (top === undefined) throw new Error('the bench server has no syncs');
	// Ids fall by one per row, newest first (see server.ts), so any row's id is known in advance.
	const idAt = (index: number) => top - index;
	log(`server ${info.url} (${info.total} syncs; slow proxy ${info.slowUrl}, +${info.delayMs} ms); ${runs} runs; load ${loadavg()[0]?.toFixed(2)}`);

	// 1. Cold start and page flips, interleaved run by run so that every figure sees the same load.
	const samples = {
		nodeE0: [] as number[],
		bareFetch: [] as number[],
		listJson: [] as number[],
		listDemoJson: [] as number[],
		firstFrame: [] as number[],
		flipPrefetched: [] as number[],
		flipCold: [] as number[],
		flipRevisit: [] as number[],
	};
	for (let run = 0; run < runs; run++) {
		samples.nodeE0.push(await wallTime(['-e', '0']));
		samples.bareFetch.push(await wallTime([bareFetch, info.url]));
		samples.listJson.push(await wallTime([cli, 'list', '--json', '--base-url', info.url]));
		if (run < Math.min(runs, 5)) samples.listDemoJson.push(await wallTime([cli, 'list', '--demo', '--json']));
		const term = explorer(info.url, 80, 24);
		const shown = await term.waitFor(showsRow(idAt(0)));
		samples.firstFrame.push(shown - term.spawnedAt);
		const limit = perPage(term.lines());
		// Let the neighbour prefetch land, then flip to the next page.
		await term.settle(150);
		await sleep(250);
		let sent = term.write('n');
		samples.flipPrefetched.push((await term.waitFor(showsRow(idAt(limit)))) - sent);
		await term.settle(150);
		// The last page is not a neighbour: nothing prefetched it.
		const lastOffset = Math.floor((info.total - 1) / limit) * limit;
		sent = term.write('>');
		samples.flipCold.push((await term.waitFor(showsRow(idAt(lastOffset)))) - sent);
		await term.settle(150);
		sent = term.write('<');
		samples.flipRevisit.push((await term.waitFor(showsRow(idAt(0)))) - sent);
		await term.kill();
		log(`run ${run + 1}/${runs}: first frame ${Math.round(samples.firstFrame.at(-1) ?? 0)} ms`);
	}

	// 2. Bytes per action beside the cells that changed (the floor), at two terminal sizes.
	const bytes: Record<string, Record<'move' | 'flip' | 'expand', ActionSample[]>> = {};
	const idle: Record<string, number> = {};
	let oneScreenMb = Number.NaN;
	for (const [cols, rows] of [
		[80, 24],
		[200, 60],
	] as const) {
		const size = `${cols}x${rows}`;
		const term = explorer(info.url, cols, rows);
		await term.waitFor(showsRow(idAt(0)));
		const limit = perPage(term.lines());
		await term.settle(200);
		// Idle: the footer's "updated Ns ago" ticks once a second.
		term.mark();
		await sleep(3000);
		idle[size] = term.bytesSinceMark() / 3;
		const found: Record<'move' | 'flip' | 'expand', ActionSample[]> = {move: [], flip: [], expand: []};
		const measure = async (key: string, ready: (lines: string[]) => boolean): Promise<ActionSample> => {
			const before = term.cells();
			term.mark();
			term.write(key);
			await term.waitFor(ready);
			// A trailing frame may follow within Ink's frame interval (maxFps).
			await term.settle(120);
			const output = term.sinceMark();
			return {bytes: term.bytesSinceMark(), cells: changedCells(before, term.cells()), ...redrawOf(output)};
		};
		let offset = 0;
		for (let rep = 0; rep < 5; rep++) {
			// Start right after the clock's tick so that no tick lands inside the measurements.
			await term.nextOutput(1500);
			await term.settle(30);
			found.move.push(await measure('j', selects(idAt(offset + 1))));
			offset += limit;
			found.flip.push(await measure('n', selects(idAt(offset))));
			found.expand.push(await measure('\r', (lines) => lines.some((line) => line.startsWith('▾'))));
			term.write('\r');
			await term.waitFor((lines) => !lines.some((line) => line.startsWith('▾')));
			await term.settle(150);
		}
		bytes[size] = found;
		if (cols === 80) oneScreenMb = term.memory().hwmKb / 1024;
		await term.kill();
		log(`bytes at ${size}: move ${median(found.move.map((s) => s.bytes))} B for ${median(found.move.map((s) => s.cells))} cells`);
	}

	// 3. Keystroke to frame on a 500-row page: keys spaced past Ink's frame interval, then key repeat.
	const latency = {spaced: [] as number[], repeat: [] as number[], oneScreen: [] as number[], cpuPerMove: 0, cpuPerMoveOneScreen: 0, idleCpuPerSecond: 0};
	{
		// The same moves on a page that fits the screen, to tell the 500 rows' cost from Ink's own.
		const term = explorer(info.url, 80, 24);
		await term.waitFor(showsRow(idAt(0)));
		await term.settle(300);
		const cpuBefore = term.cpuMs();
		for (let index = 1; index <= 60; index++) {
			await sleep(60 + (index % 4) * 10);
			const sent = term.write(index % 2 === 1 ? 'j' : 'k');
			latency.oneScreen.push((await term.waitFor(selects(idAt(index % 2)))) - sent);
		}
		latency.cpuPerMoveOneScreen = (term.cpuMs() - cpuBefore) / 60;
		await term.kill();
	}
	{
		const term = explorer(info.url, 80, 24, ['--limit', '500']);
		await term.waitFor(showsRow(idAt(0)));
		await term.settle(300);
		// Idle: the footer's clock re-renders once a second.
		let cpuBefore = term.cpuMs();
		await sleep(3000);
		latency.idleCpuPerSecond = (term.cpuMs() - cpuBefore) / 3;
		cpuBefore = term.cpuMs();
		for (let index = 1; index <= 100; index++) {
			await sleep(60 + (index % 4) * 10);
			const sent = term.write('j');
			latency.spaced.push((await term.waitFor(selects(idAt(index)))) - sent);
		}
		latency.cpuPerMove = (term.cpuMs() - cpuBefore) / 100;
		await term.settle(200);
		// A held key repeats about 30 times a second; frames may coalesce keys, so a key's frame is the
		// first one whose cursor is at or past it.
		const base = 100;
		const pending: Array<Promise<number>> = [];
		for (let index = 1; index <= 60; index++) {
			const target = idAt(base + index);
			const sent = term.write('j');
			pending.push(term.waitFor((lines) => (selectedId(lines) ?? Number.POSITIVE_INFINITY) <= target).then((at) => at - sent));
			await sleep(33);
		}
		latency.repeat.push(...(await Promise.all(pending)));
		await term.kill();
		log(`latency: p50 ${percentile(latency.spaced, 50).toFixed(1)} ms, p99 ${percentile(latency.spaced, 99).toFixed(1)} ms`);
	}

	// 4. Behind a slow API: superseded requests aborted, refresh keeps the rows on screen.
	const behaviour = {abortedOnJump: 0, jumpRequests: 0, burstRequests: 0, burstAborted: 0, refreshKeptRows: false, refreshRequests: 0};
	{
		const stats = () => getJson<ProxyStats>(`${info.slowUrl}/__stats`);
		const reset = () => fetch(`${info.slowUrl}/__reset`);
		const term = explorer(info.slowUrl, 80, 24);
		await term.waitFor(showsRow(idAt(0)));
		const limit = perPage(term.lines());
		await sleep(info.delayMs * 3);
		await term.settle(100);
		// Refresh: every screen until the new answer arrives must still show the rows.
		await reset();
		let blanked = false;
		term.write('r');
		const until = performance.now() + info.delayMs * 2 + 300;
		await term
			.waitFor((lines) => {
				if (!showsRow(idAt(0))(lines)) blanked = true;
				return performance.now() > until;
			}, 5000)
			.catch(() => undefined);
		await sleep(info.delayMs * 3);
		behaviour.refreshKeptRows = !blanked;
		behaviour.refreshRequests = (await stats()).requests;
		// Jump to the last page (not prefetched) and back before its answer: that request is superseded.
		await term.settle(100);
		await reset();
		term.write('>');
		await sleep(30);
		term.write('<');
		await sleep(info.delayMs * 3);
		let seen = await stats();
		behaviour.jumpRequests = seen.requests;
		behaviour.abortedOnJump = seen.aborted;
		// A burst of next-page keys: only the last page's answer matters.
		await term.settle(100);
		await reset();
		for (let index = 0; index < 4; index++) {
			term.write('n');
			await sleep(15);
		}
		await term.waitFor(selects(idAt(4 * limit)), 5000);
		await sleep(info.delayMs * 3);
		seen = await stats();
		behaviour.burstRequests = seen.requests;
		behaviour.burstAborted = seen.aborted;
		await term.kill();
		log(`slow API: refresh kept rows ${behaviour.refreshKeptRows}; jump aborted ${behaviour.abortedOnJump}/${behaviour.jumpRequests}`);
	}

	// 5. Memory after paging through 10,000 syncs, 500 a page.
	const memory = {firstPageMb: 0, hwmMb: 0, rssMb: 0, nodeMb: 0, pagingMs: 0};
	{
		const bare = await new Promise<number>((resolve) => {
			const child = spawn(process.execPath, ['-e', "process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1])"]);
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
			});
			child.on('close', () => resolve(Number(out)));
		});
		memory.nodeMb = bare / 1024;
		const term = explorer(info.url, 80, 24, ['--limit', '500']);
		await term.waitFor(showsRow(idAt(0)));
		await term.settle(300);
		memory.firstPageMb = term.memory().hwmKb / 1024;
		const start = performance.now();
		for (let offset = 500; offset <= 10_000; offset += 500) {
			term.write('n');
			await term.waitFor(selects(idAt(offset)));
		}
		memory.pagingMs = performance.now() - start;
		await term.settle(500);
		const end = term.memory();
		memory.hwmMb = end.hwmKb / 1024;
		memory.rssMb = end.rssKb / 1024;
		await term.kill();
		log(`memory: peak ${memory.hwmMb.toFixed(1)} MB`);
	}
	stop();

	// The table.
	const rowsOut: Row[] = [];
	const add = (row: Omit<Row, 'ratio'> & {ratio?: number}) => {
		const ratio = row.ratio ?? (row.baseline ? row.value / row.baseline.value : undefined);
		rowsOut.push({...row, ratio});
	};
	const verdict = (pass: boolean): 'PASS' | 'FAIL' => (pass ? 'PASS' : 'FAIL');
	const nodeE0 = median(samples.nodeE0);
	const bare = median(samples.bareFetch);
	const listJson = median(samples.listJson);
	const firstFrame = median(samples.firstFrame);
	add({id: 'start.node', figure: 'node -e 0', value: nodeE0, unit: 'ms', target: '', verdict: 'info', samples: samples.nodeE0});
	add({id: 'start.bareFetch', figure: 'bare fetch of /sync, print JSON', value: bare, unit: 'ms', baseline: {label: 'node -e 0', value: nodeE0}, target: '', verdict: 'info', samples: samples.bareFetch});
	add({id: 'start.listJson', figure: 'list --json (wall)', value: listJson, unit: 'ms', baseline: {label: 'bare fetch', value: bare}, target: '<= 1.3x', verdict: verdict(listJson <= 1.3 * bare), samples: samples.listJson});
	const demo = median(samples.listDemoJson);
	add({id: 'start.listDemoJson', figure: 'list --demo --json (wall, generates data)', value: demo, unit: 'ms', baseline: {label: 'bare fetch', value: bare}, target: '', verdict: 'info', samples: samples.listDemoJson});
	add({id: 'start.firstFrame', figure: 'explorer: first frame with data (pty)', value: firstFrame, unit: 'ms', baseline: {label: 'node -e 0', value: nodeE0}, target: '<= 3x', verdict: verdict(firstFrame <= 3 * nodeE0), samples: samples.firstFrame});
	// The same figure beside the floor of any Node client that shows data: a fetch needs Node's
	// fetch implementation loaded and the server's answer, whatever draws it.
	add({id: 'start.firstFrameVsFetch', figure: 'explorer: first frame, beside bare fetch', value: firstFrame, unit: 'ms', baseline: {label: 'bare fetch', value: bare}, target: '', verdict: 'info'});
	for (const [size, found] of Object.entries(bytes)) {
		for (const [action, label] of [
			['move', 'cursor move'],
			['flip', 'page flip'],
			['expand', 'expand'],
		] as const) {
			const list = found[action];
			const value = median(list.map((sample) => sample.bytes));
			const cells = median(list.map((sample) => sample.cells));
			const fullRedraw = list.some((sample) => sample.cleared || sample.lines >= Number(size.split('x')[1]) - 1);
			const linesNote = `lines rewritten ${median(list.map((sample) => sample.lines))}${fullRedraw ? ', FULL REDRAW seen' : ''}`;
			const pass = action === 'move' ? verdict(value <= 3 * cells && !fullRedraw) : 'info';
			add({id: `bytes.${action}.${size}`, figure: `bytes: ${label} at ${size}`, value, unit: 'B', baseline: {label: 'cells changed', value: cells}, target: action === 'move' ? '<= 3x, no full redraw' : '', verdict: pass, samples: list.map((sample) => sample.bytes), note: linesNote});
		}
		add({id: `bytes.idle.${size}`, figure: `bytes: idle, per second at ${size}`, value: idle[size] ?? Number.NaN, unit: 'B/s', target: '', verdict: 'info'});
	}
	const p50 = percentile(latency.spaced, 50);
	const p99 = percentile(latency.spaced, 99);
	add({id: 'latency.p50', figure: 'key to frame, 500-row page: p50', value: p50, unit: 'ms', target: '', verdict: 'info', samples: latency.spaced});
	add({id: 'latency.p99', figure: 'key to frame, 500-row page: p99', value: p99, unit: 'ms', target: '< 16 ms', verdict: verdict(p99 < 16)});
	add({id: 'latency.cpu', figure: 'CPU per cursor move, 500-row page', value: latency.cpuPerMove, unit: 'ms', baseline: {label: 'one-screen page', value: latency.cpuPerMoveOneScreen}, target: '', verdict: 'info'});
	add({id: 'latency.oneScreen.p99', figure: 'key to frame, one-screen page: p99', value: percentile(latency.oneScreen, 99), unit: 'ms', target: '', verdict: 'info', samples: latency.oneScreen});
	add({id: 'idle.cpu', figure: 'idle CPU per second, 500-row page', value: latency.idleCpuPerSecond, unit: 'ms', target: '', verdict: 'info'});
	add({id: 'latency.repeat.p99', figure: 'key to frame, held key (30/s): p99', value: percentile(latency.repeat, 99), unit: 'ms', target: '', verdict: 'info', samples: latency.repeat});
	const flip = median(samples.flipPrefetched);
	add({id: 'flip.prefetched', figure: 'page flip, next page prefetched', value: flip, unit: 'ms', target: '< 16 ms', verdict: verdict(flip < 16), samples: samples.flipPrefetched});
	add({id: 'flip.cold', figure: 'page flip, not prefetched (last page)', value: median(samples.flipCold), unit: 'ms', target: '', verdict: 'info', samples: samples.flipCold});
	add({id: 'flip.revisit', figure: 'page flip back to a cached page', value: median(samples.flipRevisit), unit: 'ms', target: '< 16 ms', verdict: verdict(median(samples.flipRevisit) < 16), samples: samples.flipRevisit});
	add({id: 'abort.jump', figure: `superseded request aborted (of ${behaviour.jumpRequests} sent)`, value: behaviour.abortedOnJump, unit: '', target: '>= 1', verdict: verdict(behaviour.abortedOnJump >= 1)});
	add({id: 'abort.burst', figure: `4 quick n: requests sent / aborted`, value: behaviour.burstRequests, unit: `/ ${behaviour.burstAborted}`, target: '', verdict: 'info'});
	add({id: 'refresh.keeps', figure: 'refresh keeps the rows on screen', value: behaviour.refreshKeptRows ? 1 : 0, unit: 'bool', target: 'yes', verdict: verdict(behaviour.refreshKeptRows && behaviour.refreshRequests >= 1)});
	add({id: 'memory.hwm', figure: 'peak RSS after 10,000 syncs (500/page)', value: memory.hwmMb, unit: 'MB', baseline: {label: 'bare node', value: memory.nodeMb}, target: '< 150 MB', verdict: verdict(memory.hwmMb < 150)});
	add({id: 'memory.firstPage', figure: 'peak RSS after the first 500-row page', value: memory.firstPageMb, unit: 'MB', target: '', verdict: 'info'});
	add({id: 'memory.oneScreen', figure: 'peak RSS, one-screen pages (80x24)', value: oneScreenMb, unit: 'MB', baseline: {label: 'bare node', value: memory.nodeMb}, target: '', verdict: 'info'});

	const table = tableText(rowsOut);
	process.stdout.write(`\n${table}\n\n`);
	for (const row of rowsOut.filter((row) => row.note)) process.stdout.write(`  ${row.figure}: ${row.note}\n`);
	const elapsed = (performance.now() - started) / 1000;
	const machine = {cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg()};
	const loads = `load ${loadAtStart[0]?.toFixed(2)} at start, ${loadavg()[0]?.toFixed(2)} at end`;
	process.stdout.write(`\n${runs} runs, ${elapsed.toFixed(0)} s, ${machine.cpus} cores, node ${machine.node}, ${loads}\n`);
	if (Math.max(loadAtStart[0] ?? 0, loadavg()[0] ?? 0) > machine.cpus) {
		process.stdout.write(`warning: the machine was busy (load above ${machine.cpus}); timings are inflated, CPU figures less so\n`);
	}
	const outDir = join(root, 'bench-results');
	mkdirSync(outDir, {recursive: true});
	const commit = (() => {
		try {
			const head = readFileSync(join(root, '.git/HEAD'), 'utf8').trim();
			return head.startsWith('ref: ') ? readFileSync(join(root, '.git', head.slice(5)), 'utf8').trim() : head;
		} catch {
			return undefined;
		}
	})();
	const result = {
		date: new Date().toISOString(),
		commit,
		machine,
		runs,
		server: {total: info.total, delayMs: info.delayMs},
		rows: rowsOut,
		behaviour,
		memory,
		latency: {cpuPerMove: latency.cpuPerMove, cpuPerMoveOneScreen: latency.cpuPerMoveOneScreen, idleCpuPerSecond: latency.idleCpuPerSecond},
		markdown: markdownTable(rowsOut),
	};
	writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
	process.stdout.write(`written to bench-results/latest.json\n`);
	process.exitCode = rowsOut.some((row) => row.verdict === 'FAIL') ? 1 : 0;
};

await main();
