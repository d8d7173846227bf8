// The terminal around the explorer: alternate screen in, and everything restored (main screen,
// cursor, raw mode off) however the explorer ends: quit, Ctrl-C, SIGTERM, SIGHUP or a crash.
// Also the OSC 52 clipboard sequence, which works over SSH and, wrapped for passthrough, in tmux.

export const enterAlternateScreen = '\u001B[?1049h';
export const leaveAlternateScreen = '\u001B[?1049l';
export const showCursor = '\u001B[?25h';
export const clearScreen = '\u001B[2J\u001B[3J\u001B[H';

export const restoreSequence = leaveAlternateScreen + showCursor;

export const terminalSignals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
export type TerminalSignal = (typeof terminalSignals)[number];

export const signalNumbers: Readonly<Record<TerminalSignal, number>> = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15};

type Writable = {write(data: string): unknown};
type RawInput = {readonly isTTY?: boolean; readonly isRaw?: boolean; setRawMode?(mode: boolean): unknown};

/** The process events the guard listens to; injectable for tests. */
export type ProcessLike = {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	off(event: string, listener: (...args: unknown[]) => void): unknown;
	kill(pid: number, signal: string): unknown;
	readonly pid: number;
};

export type TerminalGuardOptions = {
	readonly stdout: Writable;
	readonly stdin: RawInput;
	readonly process: ProcessLike;
	/** Asked to end the app on a signal (restore follows from the guard either way). */
	readonly onSignal: (signal: TerminalSignal) => void;
	/** Asked to end the app on an uncaught error. */
	readonly onCrash: (error: unknown) => void;
	/** If the app has not ended this long after a signal, the signal's default action is taken. */
	readonly graceMs?: number;
};

export type TerminalGuard = {
	/** Leaves the alternate screen, shows the cursor, turns raw mode off. Safe to call many times. */
	readonly restore: () => void;
	/** Removes the process listeners. */
	readonly dispose: () => void;
};

const safeWrite = (stream: Writable, data: string): void => {
	try {
		stream.write(data);
	} catch {
		// The terminal is gone (SIGHUP): nothing left to restore.
	}
};

/** Enters the alternate screen and guards the exits. */
export const takeOverTerminal = (options: TerminalGuardOptions): TerminalGuard => {
	const {stdout, stdin, process: proc, graceMs = 2000} = options;
	let restored = false;
	let disposed = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			if (stdin.isTTY && stdin.isRaw) stdin.setRawMode?.(false);
		} catch {
			// Already closed.
		}
		safeWrite(stdout, restoreSequence);
	};
	const listeners: Array<[string, (...args: unknown[]) => void]> = [];
	const listen = (event: string, listener: (...args: unknown[]) => void) => {
		proc.on(event, listener);
		listeners.push([event, listener]);
	};
	const dispose = () => {
		if (disposed) return;
		disposed = true;
		for (const [event, listener] of listeners) proc.off(event, listener);
	};
	for (const signal of terminalSignals) {
		listen(signal, () => {
			options.onSignal(signal);
			restore();
			// Last resort if something keeps the process alive: the signal's own default action.
			const timer = setTimeout(() => {
				dispose();
				proc.kill(proc.pid, signal);
			}, graceMs);
			timer.unref();
		});
	}
	const crash = (error: unknown) => {
		restore();
		options.onCrash(error);
	};
	listen('uncaughtException', crash as (...args: unknown[]) => void);
	listen('unhandledRejection', crash as (...args: unknown[]) => void);
	listen('exit', restore);
	safeWrite(stdout, enterAlternateScreen + clearScreen);
	return {restore, dispose};
};

const toBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/**
 * OSC 52 "set clipboard". Inside tmux it is wrapped in a DCS passthrough (tmux needs
 * `allow-passthrough on`, or `set-clipboard on` for the plain form, which is sent too);
 * GNU screen gets its own DCS wrapper.
 */
export const osc52 = (text: string, env: Readonly<Record<string, string | undefined>> = {}): string => {
	const plain = `\u001B]52;c;${toBase64(text)}\u0007`;
	if (env['TMUX']) return `${plain}\u001BPtmux;${plain.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`;
	if (env['STY']) return `\u001BP${plain}\u001B\\`;
	return plain;
};
