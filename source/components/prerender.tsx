// Draws a tree into a throwaway Ink instance whose output goes nowhere. The explorer draws the
// first screenful of a prefetched neighbour page this way while it is idle: Ink's Output then
// remembers those rows (source/ink/row-memo-output.ts, keyed by exactly what a row writes), so the
// page flip that shows them builds no row again, and the code a flip runs is warm by then.
import {PassThrough, Writable} from 'node:stream';
import {performance} from 'node:perf_hooks';
import {render} from 'ink';
import type {ReactNode} from 'react';

/** Renders `node` once at `columns` x `rows` off-screen, then unmounts it; returns the frame it drew. */
export const prerender = (node: ReactNode, columns: number, rows: number): string => {
	let frame = '';
	const sink = new Writable({
		write: (chunk: Buffer | string, _encoding, done) => {
			frame = String(chunk);
			done();
		},
	});
	const stdout = Object.assign(sink, {columns, rows, isTTY: false});
	// Not the process's stdin: an unmounting Ink instance turns raw mode off on a stdin it holds.
	const stdin = Object.assign(new PassThrough(), {isTTY: false});
	// debug: no frame-rate throttle (the one frame is drawn at once) and no cursor bookkeeping.
	const instance = render(node, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	const drawn = frame;
	instance.unmount();
	instance.cleanup();
	return drawn;
};

export type IdleRunner = {
	/** Runs `task` once no frame has been drawn for a while (the newest few tasks are kept). */
	readonly whenIdle: (task: () => void) => void;
	/** Tells the runner a frame was just drawn (Ink's onRender). */
	readonly frameDrawn: () => void;
};

type Timers = {
	readonly now: () => number;
	readonly setTimeout: (callback: () => void, ms: number) => unknown;
};

/**
 * Runs work that may take a frame's time or more (an off-screen draw) only when the screen has
 * been still for `quietMs`: after a key's frame and after a page's, never in front of one. A page
 * that arrives sets React to work and Ink's frame-rate cap may hold its frame back a few ms, so
 * "the prefetch has landed" is not yet "idle".
 */
export const idleRunner = (quietMs = 50, maxTasks = 4, timers: Timers = {now: () => performance.now(), setTimeout: (callback, ms) => setTimeout(callback, ms).unref()}): IdleRunner => {
	const tasks: Array<() => void> = [];
	let lastFrameAt = Number.NEGATIVE_INFINITY;
	let scheduled = false;
	const schedule = (): void => {
		if (scheduled || tasks.length === 0) return;
		scheduled = true;
		timers.setTimeout(
			() => {
				scheduled = false;
				if (timers.now() - lastFrameAt >= quietMs) {
					try {
						tasks.shift()?.();
					} catch {
						// Only a head start on a later frame was lost: that frame is drawn as usual.
					}
				}
				schedule();
			},
			Math.max(0, lastFrameAt + quietMs - timers.now()),
		);
	};
	return {
		whenIdle(task) {
			tasks.push(task);
			if (tasks.length > maxTasks) tasks.shift();
			schedule();
		},
		frameDrawn() {
			lastFrameAt = timers.now();
		},
	};
};

/** The explorer's runner: its Ink instance reports frames to it (explore.tsx). */
export const explorerIdle = idleRunner();
