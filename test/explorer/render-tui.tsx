// Renders an Ink tree into fake streams of a chosen size (ink-testing-library's Stdout is fixed at
// 100 columns with no rows), and presses keys by action id from the keymap.
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import type {ReactElement} from 'react';
import {act} from 'react';
import {bindingOf, type ActionId} from '../../source/keys/keymap.js';

// React's act() warns unless the environment says it is a test.
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

class FakeStdout extends EventEmitter {
	frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
	};
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/** The bytes a terminal sends for a key name of the registry. */
export const keySequence: Readonly<Record<string, string>> = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageup: '\u001B[5~',
	pagedown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	backspace: '\u007F',
	'ctrl+c': '\u0003',
};

export const bytesOf = (name: string): string => keySequence[name] ?? name;

// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g, '');

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

export type Tui = {
	readonly stdout: FakeStdout;
	readonly stdin: FakeStdin;
	frame(): string;
	lines(): string[];
	/** Writes raw bytes as one chunk, inside act(). */
	write(data: string): Promise<void>;
	/** Presses the first key bound to an action. */
	press(action: ActionId, times?: number): Promise<void>;
	type(text: string): Promise<void>;
	waitFor(match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
	resize(columns: number, rows: number): Promise<void>;
	unmount(): void;
	readonly exited: Promise<void>;
};

export const renderTui = (element: ReactElement, {columns = 80, rows = 24} = {}): Tui => {
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	let instance!: ReturnType<typeof render>;
	act(() => {
		instance = render(element, {
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		});
	});
	const frame = () => stripAnsi(stdout.frames.at(-1) ?? '');
	const write = async (data: string) => {
		await act(async () => {
			stdin.write(data);
			await tick();
		});
	};
	const tui: Tui = {
		stdout,
		stdin,
		frame,
		lines: () => frame().split('\n'),
		write,
		press: async (action, times = 1) => {
			const key = bindingOf(action).keys[0] ?? '';
			for (let index = 0; index < times; index++) await write(bytesOf(key));
		},
		type: async (text) => {
			for (const char of text) await write(char);
		},
		waitFor: async (match, timeoutMs = 2000) => {
			const test = (text: string) =>
				typeof match === 'string' ? text.includes(match) : match instanceof RegExp ? match.test(text) : match(text);
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const text = frame();
				if (test(text)) return text;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(match)}; frame:\n${text}`);
				await act(async () => {
					await tick(5);
				});
			}
		},
		resize: async (newColumns, newRows) => {
			await act(async () => {
				stdout.resize(newColumns, newRows);
				await tick();
			});
		},
		unmount: () => act(() => instance.unmount()),
		exited: instance.waitUntilExit(),
	};
	return tui;
};
