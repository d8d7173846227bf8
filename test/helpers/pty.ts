// Runs the built CLI in a real pseudo-terminal (node-pty) and feeds everything it writes to a
// headless terminal emulator (@xterm/headless), so tests read the screen a person would see.
import {fileURLToPath} from 'node:url';
import * as pty from 'node-pty';
import xterm from '@xterm/headless';

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Key names to the bytes a terminal sends. */
export const keyBytes = {
	up: '\u001b[A',
	down: '\u001b[B',
	right: '\u001b[C',
	left: '\u001b[D',
	enter: '\r',
	space: ' ',
	escape: '\u001b',
	tab: '\t',
	backspace: '\u007f',
	pageUp: '\u001b[5~',
	pageDown: '\u001b[6~',
	home: '\u001b[H',
	end: '\u001b[F',
	ctrlC: '\u0003',
} as const;
export type KeyName = keyof typeof keyBytes;

export type PtyOptions = {
	readonly args?: readonly string[];
	readonly cols?: number;
	readonly rows?: number;
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Run through `sh -c` so what follows the CLI (e.g. `stty -a`) shows on the same terminal. */
	readonly shellSuffix?: string;
};

export type PtyExit = {readonly exitCode: number; readonly signal?: number | undefined};

export type PtySession = {
	readonly terminal: xterm.Terminal;
	/** The visible screen, one string per row, trailing spaces removed. */
	lines(): string[];
	screen(): string;
	/** Everything the program wrote, raw. */
	output(): string;
	/** Bytes written since the last `mark()`. */
	bytesSinceMark(): number;
	mark(): void;
	write(data: string): void;
	press(key: KeyName, times?: number): void;
	waitFor(match: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Resolves once the emulator has processed every byte received so far. */
	settle(quietMs?: number): Promise<void>;
	resize(cols: number, rows: number): void;
	readonly exited: Promise<PtyExit>;
	isAlternateScreen(): boolean;
	/** From the last DECTCEM sequence written (ESC[?25h / ESC[?25l); true when none was. */
	isCursorVisible(): boolean;
	kill(signal?: string): void;
};

const shellQuote = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

export const startCli = (options: PtyOptions = {}): PtySession => {
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries({...process.env, TERM: 'xterm-256color', ...options.env})) {
		if (value !== undefined) env[name] = value;
	}
	// Ink renders nothing while CI is set; CI runs the suite with CI=true.
	delete env['CI'];
	delete env['CONTINUOUS_INTEGRATION'];
	delete env['GITHUB_ACTIONS'];
	const args = [cliPath, ...(options.args ?? [])];
	const child = options.shellSuffix
		? pty.spawn('/bin/sh', ['-c', `${[process.execPath, ...args].map(shellQuote).join(' ')}; ${options.shellSuffix}`], {
				cols,
				rows,
				env,
				name: 'xterm-256color',
			})
		: pty.spawn(process.execPath, args, {cols, rows, env, name: 'xterm-256color'});
	const terminal = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});
	let raw = '';
	let bytes = 0;
	let markAt = 0;
	let pendingWrites = 0;
	let lastDataAt = Date.now();
	child.onData((data) => {
		raw += data;
		bytes += Buffer.byteLength(data);
		lastDataAt = Date.now();
		pendingWrites++;
		terminal.write(data, () => {
			pendingWrites--;
		});
	});
	const exited = new Promise<PtyExit>((resolve) => {
		child.onExit(({exitCode, signal}) => resolve({exitCode, signal}));
	});

	const lines = (): string[] => {
		const buffer = terminal.buffer.active;
		const out: string[] = [];
		for (let y = 0; y < terminal.rows; y++) {
			out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}
		return out;
	};
	const screen = () => lines().join('\n');

	const settle = async (quietMs = 50): Promise<void> => {
		for (;;) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			if (pendingWrites === 0 && Date.now() - lastDataAt >= quietMs) return;
		}
	};

	const waitFor = async (
		match: string | RegExp | ((screen: string) => boolean),
		timeoutMs = 10_000,
	): Promise<string> => {
		const test = (text: string) =>
			typeof match === 'string' ? text.includes(match) : match instanceof RegExp ? match.test(text) : match(text);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (pendingWrites === 0) {
				const text = screen();
				if (test(text)) return text;
			}
			if (Date.now() > deadline) {
				throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(match)}. Screen:\n${screen()}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	};

	return {
		terminal,
		lines,
		screen,
		output: () => raw,
		bytesSinceMark: () => bytes - markAt,
		mark: () => {
			markAt = bytes;
		},
		write: (data) => child.write(data),
		press: (key, times = 1) => {
			for (let i = 0; i < times; i++) child.write(keyBytes[key]);
		},
		waitFor,
		settle,
		resize: (newCols, newRows) => {
			child.resize(newCols, newRows);
			terminal.resize(newCols, newRows);
		},
		exited,
		isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
		isCursorVisible: () => {
			const hide = raw.lastIndexOf('\u001b[?25l');
			const show = raw.lastIndexOf('\u001b[?25h');
			return show >= hide;
		},
		kill: (signal = 'SIGTERM') => {
			try {
				child.kill(signal);
			} catch {
				// Already gone.
			}
		},
	};
};
