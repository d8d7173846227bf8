// Off-screen drawing of prefetched pages: the idle runner's timing, and that what the explorer draws
// off-screen for the next page is, row for row, what the page flip then draws on screen.
import chalk from 'chalk';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import type {Config} from '../../source/config.js';
import {idleRunner, type IdleRunner} from '../../source/components/prerender.js';
import type {Session} from '../../source/session.js';
import {fakeApi, fixedNow} from './fixtures.js';
import {renderTui, tick, type Tui} from './render-tui.js';

// The real prerender, with each frame it drew kept for the tests to compare.
const drawn = vi.hoisted(() => [] as string[]);
vi.mock('../../source/components/prerender.js', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../source/components/prerender.js')>();
	return {
		...real,
		prerender: (...args: Parameters<typeof real.prerender>) => {
			const frame = real.prerender(...args);
			drawn.push(frame);
			return frame;
		},
	};
});

/** Timers under the test's control: `advance` runs what falls due of the timers set before it. */
const manualTimers = () => {
	let now = 0;
	let pending: Array<{at: number; callback: () => void}> = [];
	return {
		now: () => now,
		setTimeout: (callback: () => void, ms: number) => {
			pending.push({at: now + ms, callback});
		},
		advance(ms: number) {
			const until = now + ms;
			const due = pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at);
			pending = pending.filter((timer) => !due.includes(timer));
			for (const timer of due) {
				now = Math.max(now, timer.at);
				timer.callback();
			}
			now = until;
		},
	};
};

describe('idleRunner', () => {
	it('runs a task only once no frame has been drawn for quietMs, one task per quiet spell', () => {
		const timers = manualTimers();
		const idle = idleRunner(50, 4, timers);
		const ran: string[] = [];
		idle.frameDrawn();
		idle.whenIdle(() => ran.push('a'));
		idle.whenIdle(() => ran.push('b'));
		timers.advance(30);
		expect(ran).toEqual([]);
		// A frame (a key, a page) puts the work back.
		idle.frameDrawn();
		timers.advance(40);
		expect(ran).toEqual([]);
		timers.advance(10);
		expect(ran).toEqual(['a']);
		// The next task waits for the next turn of the event loop, and for quiet again after a frame.
		idle.frameDrawn();
		timers.advance(0);
		expect(ran).toEqual(['a']);
		timers.advance(50);
		expect(ran).toEqual(['a', 'b']);
	});

	it('survives a task that throws: the next still runs', () => {
		const timers = manualTimers();
		const idle = idleRunner(10, 4, timers);
		const ran: string[] = [];
		idle.whenIdle(() => {
			throw new Error('boom');
		});
		idle.whenIdle(() => ran.push('after'));
		timers.advance(10);
		timers.advance(0);
		expect(ran).toEqual(['after']);
	});

	it('keeps only the newest tasks', () => {
		const timers = manualTimers();
		const idle = idleRunner(10, 2, timers);
		const ran: number[] = [];
		for (let index = 0; index < 5; index++) idle.whenIdle(() => ran.push(index));
		for (let step = 0; step < 5; step++) timers.advance(10);
		expect(ran).toEqual([3, 4]);
	});
});

const config = {source: {kind: 'demo'}, query: {limit: 25, offset: 0}, timeoutMs: 1000, color: true, json: false, warnings: []} as unknown as Config;
const session = {client: {} as Session['client'], label: 'DEMO http://127.0.0.1:1', demo: true, secret: undefined, close: async () => {}} as Session;

/** An idle runner whose tasks wait until the test runs them. */
const heldIdle = (): IdleRunner & {runAll: (count?: number) => void; count: () => number} => {
	const tasks: Array<() => void> = [];
	return {
		whenIdle: (task) => tasks.push(task),
		frameDrawn: () => {},
		runAll: (count = tasks.length) => {
			for (const task of tasks.splice(0, count)) task();
		},
		count: () => tasks.length,
	};
};

const waitUntil = async (test: () => boolean, what: string) => {
	const deadline = Date.now() + 2000;
	while (!test()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await tick(5);
	}
};

describe('prerendered neighbour pages', () => {
	let level = chalk.level;
	let tui: Tui | undefined;
	beforeAll(() => {
		level = chalk.level;
		chalk.level = 1;
	});
	afterAll(() => {
		chalk.level = level;
	});
	afterEach(() => {
		tui?.unmount();
		tui = undefined;
		drawn.length = 0;
	});

	const start = async (columns = 80, rows = 24) => {
		const idle = heldIdle();
		tui = renderTui(<App config={config} session={session} fetchPage={fakeApi().fetchPage} copy={() => {}} clock={() => fixedNow} idle={idle} />, {columns, rows});
		await tui.waitFor('page 1 of');
		await waitUntil(() => idle.count() >= 1, 'the prefetch of page 2');
		return {tui, idle};
	};

	it.each([
		[80, 24],
		[200, 60],
	])('draws the next page off-screen exactly as the flip then draws its rows (%ix%i)', async (columns, rows) => {
		const {tui, idle} = await start(columns, rows);
		const screenBefore = tui.stdout.frames.length;
		idle.runAll();
		expect(drawn).toHaveLength(1);
		// Nothing reached the terminal.
		expect(tui.stdout.frames.length).toBe(screenBefore);
		const offScreen = drawn[0]!.split('\n');
		await tui.press('page.next');
		await tui.waitFor('page 2 of');
		const onScreen = (tui.stdout.frames.at(-1) ?? '').split('\n');
		// The table (header, the selected first row, the rest) is the same text, styles and all.
		const top = onScreen.indexOf(offScreen[0]!);
		expect(top).toBeGreaterThan(0);
		expect(offScreen.length).toBeGreaterThan(rows / 2);
		expect(onScreen.slice(top, top + offScreen.length)).toEqual(offScreen);
		expect(offScreen[1]).toMatch(/^\u001B\[[0-9;]*m›/);
	});

	it('draws nothing once the list has moved on', async () => {
		const {tui, idle} = await start();
		// Page 2, prefetched from page 1, is no neighbour of the last page (4 of 4).
		const fromPageOne = idle.count();
		await tui.press('page.last');
		await tui.waitFor('page 4 of 4');
		idle.runAll(fromPageOne);
		expect(drawn).toEqual([]);
		// Page 3, prefetched from page 4, is.
		await waitUntil(() => idle.count() >= 1, 'the prefetch of page 3');
		idle.runAll();
		expect(drawn).toHaveLength(1);
	});

	it('draws nothing while an editor is open', async () => {
		const {tui, idle} = await start();
		await tui.press('filter.company');
		await tui.waitFor('company id:');
		idle.runAll();
		expect(drawn).toEqual([]);
	});
});
