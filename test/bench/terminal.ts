// A pseudo-terminal for measuring (node-pty feeding @xterm/headless), like test/helpers/pty.ts but
// timed: every chunk the program writes is stamped on arrival, and a wait resolves with the arrival
// time of the chunk that completed the screen it waited for, so the emulator's own parsing delay is
// not counted as the program's.
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import * as pty from 'node-pty';
import xterm from '@xterm/headless';

export type TerminalOptions = {
	readonly cli: string;
	readonly args: readonly string[];
	readonly cols: number;
	readonly rows: number;
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Flags for node itself, e.g. --cpu-prof (NODE_OPTIONS refuses it). */
	readonly nodeArgs?: readonly string[];
};

export type Memory = {readonly rssKb: number; readonly hwmKb: number};

export type BenchTerminal = {
	readonly pid: number;
	/** performance.now() just before the process was spawned. */
	readonly spawnedAt: number;
	lines(): string[];
	/** One signature per cell (character, colours, attributes), row by row. */
	cells(): string[];
	/** Raw output since `mark()`. */
	sinceMark(): string;
	bytesSinceMark(): number;
	mark(): void;
	/** Writes to the program's input; returns performance.now() just before the write. */
	write(data: string): number;
	/** Resolves with the arrival time of the chunk after which `test(lines)` first held. */
	waitFor(test: (lines: string[]) => boolean, timeoutMs?: number): Promise<number>;
	/** Waits until nothing has arrived for `quietMs` and everything received is parsed (at most `maxMs`). */
	settle(quietMs?: number, maxMs?: number): Promise<void>;
	/** Resolves at the arrival of the next chunk (e.g. a clock tick's frame). */
	nextOutput(timeoutMs?: number): Promise<number>;
	memory(): Memory;
	/** CPU time (user + system) the program has used so far, in ms (10 ms resolution). */
	cpuMs(): number;
	kill(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const startTerminal = (options: TerminalOptions): BenchTerminal => {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries({...process.env, TERM: 'xterm-256color', ...options.env})) {
		if (value !== undefined) env[name] = value;
	}
	// Ink renders nothing until exit while it believes it runs in CI.
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'BUILD_NUMBER', 'RUN_ID']) delete env[name];
	const terminal = new xterm.Terminal({cols: options.cols, rows: options.rows, allowProposedApi: true, scrollback: 0});
	const spawnedAt = performance.now();
	const child = pty.spawn(process.execPath, [...(options.nodeArgs ?? []), options.cli, ...options.args], {
		cols: options.cols,
		rows: options.rows,
		env,
		name: 'xterm-256color',
	});
	let raw = '';
	let markAt = 0;
	let bytes = 0;
	let markBytes = 0;
	let pending = 0;
	let lastArrival = spawnedAt;
	const waiters = new Set<(arrival: number) => void>();
	const arrivals = new Set<(arrival: number) => void>();
	child.onData((data) => {
		const arrival = performance.now();
		lastArrival = arrival;
		raw += data;
		bytes += Buffer.byteLength(data);
		pending++;
		for (const resolve of arrivals) resolve(arrival);
		arrivals.clear();
		terminal.write(data, () => {
			pending--;
			for (const check of waiters) check(arrival);
		});
	});
	let exited = false;
	const exit = new Promise<void>((resolve) =>
		child.onExit(() => {
			exited = true;
			resolve();
		}),
	);

	const lines = (): string[] => {
		const buffer = terminal.buffer.active;
		const out: string[] = [];
		for (let y = 0; y < terminal.rows; y++) out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		return out;
	};

	const cells = (): string[] => {
		const buffer = terminal.buffer.active;
		const out: string[] = [];
		const cell = buffer.getNullCell();
		for (let y = 0; y < terminal.rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			for (let x = 0; x < terminal.cols; x++) {
				const got = line?.getCell(x, cell);
				if (!got) {
					out.push('');
					continue;
				}
				out.push(
					[
						got.getChars() || ' ',
						got.getFgColorMode(),
						got.getFgColor(),
						got.getBgColorMode(),
						got.getBgColor(),
						got.isBold(),
						got.isDim(),
						got.isItalic(),
						got.isUnderline(),
						got.isInverse(),
					].join(','),
				);
			}
		}
		return out;
	};

	const waitFor = (test: (screen: string[]) => boolean, timeoutMs = 15_000): Promise<number> =>
		new Promise((resolve, reject) => {
			if (pending === 0 && test(lines())) {
				resolve(lastArrival);
				return;
			}
			const check = (arrival: number) => {
				if (test(lines())) {
					done();
					resolve(arrival);
				}
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`timed out after ${timeoutMs} ms; screen:\n${lines().join('\n')}`));
			}, timeoutMs);
			const done = () => {
				clearTimeout(timer);
				waiters.delete(check);
			};
			waiters.add(check);
		});

	return {
		pid: child.pid,
		spawnedAt,
		lines,
		cells,
		sinceMark: () => raw.slice(markAt),
		bytesSinceMark: () => bytes - markBytes,
		mark: () => {
			markAt = raw.length;
			markBytes = bytes;
		},
		write: (data) => {
			const at = performance.now();
			child.write(data);
			return at;
		},
		waitFor,
		settle: async (quietMs = 120, maxMs = 3000) => {
			// Bounded: the footer's clock writes every second, so a long quiet period may never come.
			const deadline = performance.now() + maxMs;
			for (;;) {
				await sleep(10);
				if (pending === 0 && performance.now() - lastArrival >= quietMs) return;
				if (performance.now() > deadline) return;
			}
		},
		nextOutput: (timeoutMs = 3000) =>
			new Promise((resolve) => {
				const timer = setTimeout(() => resolve(performance.now()), timeoutMs);
				arrivals.add((arrival) => {
					clearTimeout(timer);
					resolve(arrival);
				});
			}),
		memory: () => {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
			return {rssKb: field('VmRSS'), hwmKb: field('VmHWM')};
		},
		cpuMs: () => {
			// Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name; clock ticks of 10 ms.
			const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			return (Number(fields[11]) + Number(fields[12])) * 10;
		},
		kill: async () => {
			if (exited) return;
			// q quits cleanly (the terminal is restored); a kill follows if it does not.
			child.write('q');
			const timer = setTimeout(() => {
				try {
					child.kill('SIGKILL');
				} catch {
					// Already gone.
				}
			}, 2000);
			await exit;
			clearTimeout(timer);
		},
	};
};
