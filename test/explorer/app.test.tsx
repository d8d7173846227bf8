// The explorer's screens over a fake API, at 80x24, driven by action ids from the keymap.
import chalk from 'chalk';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {ApiError} from '../../source/api/errors.js';
import type {Config} from '../../source/config.js';
import type {Session} from '../../source/session.js';
import {fakeApi, fixedNow, type FakeApi} from './fixtures.js';
import {renderTui, tick, type Tui} from './render-tui.js';

const config = (overrides: Partial<Config> = {}): Config =>
	({
		source: {kind: 'demo'},
		query: {limit: 25, offset: 0},
		timeoutMs: 1000,
		color: false,
		json: false,
		warnings: [],
		...overrides,
	}) as Config;

const session = {client: {} as Session['client'], label: 'DEMO http://127.0.0.1:1', demo: true, secret: undefined, close: async () => {}} as Session;

let tui: Tui | undefined;
afterEach(() => {
	tui?.unmount();
	tui = undefined;
});

const start = async (api: FakeApi = fakeApi(), size = {columns: 80, rows: 24}, extra: Partial<Config> = {}) => {
	const copied: string[] = [];
	tui = renderTui(
		<App config={config(extra)} session={session} fetchPage={api.fetchPage} copy={(text) => copied.push(text)} clock={() => fixedNow} />,
		size,
	);
	await tui.waitFor('page 1 of');
	return {tui, api, copied};
};

const selectedLine = (lines: string[]) => lines.find((line) => line.startsWith('›') || line.startsWith('▾')) ?? '';

describe('sync list', () => {
	it('fits the frame in rows-1 lines and 80 columns, with header, table and footer', async () => {
		const {tui} = await start();
		const lines = tui.lines();
		expect(lines.length).toBeLessThanOrEqual(23);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		expect(lines[0]).toContain('DEMO');
		expect(tui.frame()).toContain('syncs 1-17 of 60 · page 1 of 4 · 17 per page');
		expect(tui.frame()).toMatch(/ID +COMPANY/);
		expect(tui.frame()).toContain('? help');
	});

	it('moves, jumps, pages and keeps the indicator in step with offset and total', async () => {
		const {tui} = await start();
		await tui.press('nav.down', 2);
		expect(selectedLine(tui.lines())).toContain('4998');
		await tui.press('nav.bottom');
		expect(selectedLine(tui.lines())).toContain('4984');
		await tui.press('nav.top');
		expect(selectedLine(tui.lines())).toContain('5000');
		await tui.press('page.next');
		await tui.waitFor('syncs 18-34 of 60 · page 2 of 4');
		await tui.press('page.last');
		await tui.waitFor('syncs 52-60 of 60 · page 4 of 4');
		await tui.press('page.prev');
		await tui.waitFor('page 3 of 4');
		await tui.press('page.first');
		await tui.waitFor('page 1 of 4');
	});

	it('changes the page size with + and -', async () => {
		const {tui} = await start();
		await tui.press('page.bigger');
		await tui.waitFor('page 1 of 3 · 22 per page');
		await tui.press('page.smaller', 2);
		await tui.waitFor('page 1 of 5 · 12 per page');
	});

	it('expands a row in place to show its data models, and collapses it', async () => {
		const {tui} = await start();
		await tui.press('nav.down');
		await tui.press('row.toggle');
		const frame = await tui.waitFor('DATA MODEL');
		expect(frame).toContain('INVOICES');
		expect(frame).toMatch(/✖ FAILED/);
		await tui.write(' ');
		expect(tui.frame()).not.toContain('DATA MODEL');
	});

	it('filters by company with a digits-only input that says why it rejects a key', async () => {
		const {tui, api} = await start();
		await tui.press('filter.company');
		await tui.type('1x');
		expect(tui.frame()).toMatch(/company id: 1/);
		expect(tui.frame()).toContain('digits only');
		await tui.type('02');
		await tui.write('\r');
		const frame = await tui.waitFor('filters company 102');
		expect(frame).toContain('connection ✔ HEALTHY');
		expect(frame).toContain('sync_status IDLE');
		expect(api.calls).toContainEqual({limit: 17, offset: 0, company_id: 102});
	});

	it('filters by job type with the select input, and c clears every filter', async () => {
		const {tui, api} = await start();
		await tui.press('page.next');
		await tui.waitFor('page 2 of');
		await tui.press('filter.jobType');
		await tui.waitFor('All job types');
		await tui.write('\u001B[B');
		await tui.write('\r');
		await tui.waitFor('filters job PULL');
		expect(api.calls).toContainEqual({limit: 17, offset: 0, job_type: 'PULL'});
		await tui.press('filter.clear');
		await tui.waitFor('filters none');
		// Page 1 without filters is still in the page cache: shown at once, no request needed.
		expect(tui.frame()).toContain('syncs 1-17 of 60 · page 1 of 4')
	});

	it('says so when nothing matches, naming the filters', async () => {
		const {tui} = await start();
		await tui.press('filter.company');
		await tui.type('999');
		await tui.write('\r');
		await tui.waitFor('No syncs match the filters: company 999');
	});

	it('lets letters type while the input has focus (q does not quit)', async () => {
		const {tui} = await start();
		await tui.press('filter.company');
		await tui.write('q');
		expect(tui.frame()).toContain('digits only');
		await tui.press('filter.cancel');
		expect(tui.frame()).toContain('filters none');
	});

	it('keeps the last page on screen, marked stale with the error and request_id, and r retries', async () => {
		const api = fakeApi();
		const {tui} = await start(api);
		api.failWith(new ApiError('server', 'RootFi server error (HTTP 503)', {requestId: 'req-bad'}));
		await tui.press('app.refresh');
		const frame = await tui.waitFor('STALE');
		expect(frame).toContain('5000');
		expect(frame).toContain('RootFi server error (HTTP 503)');
		expect(frame).toContain('request_id req-bad');
		api.failWith(undefined);
		await tui.press('app.refresh');
		await tui.waitFor((text) => !text.includes('STALE'));
	});

	it('cancels the superseded request when paging while a request is in flight', async () => {
		const api = fakeApi();
		const {tui} = await start(api);
		api.hold(true);
		await tui.press('page.next');
		await tui.press('page.next');
		const aborted = api.signals.filter((signal) => signal.aborted).length;
		expect(aborted).toBeGreaterThanOrEqual(1);
		api.hold(false);
		api.release();
		await tui.waitFor('page 3 of 4');
		await tick(10);
	});

	it('copies the sync id and the request_id with confirmation', async () => {
		const {tui, copied} = await start();
		await tui.press('copy.syncId');
		expect(copied).toEqual(['5000']);
		expect(tui.frame()).toContain('copied sync id 5000');
		await tui.press('copy.requestId');
		expect(copied[1]).toMatch(/^req-/);
	});
});

describe('detail screen and navigation', () => {
	it('opens the detail with every field and a timeline, and Esc returns to the same row and page', async () => {
		const {tui} = await start();
		await tui.press('page.next');
		await tui.waitFor('page 2 of 4');
		await tui.press('nav.down', 2);
		const before = selectedLine(tui.lines());
		await tui.press('detail.open');
		const frame = await tui.waitFor('Timeline');
		expect(frame).toContain('rootfi-tui › syncs › sync');
		expect(frame).toMatch(/[█▓]/);
		for (let index = 0; index < 20; index++) await tui.press('detail.down');
		const end = tui.frame();
		expect(end).toContain('request_id');
		expect(end).toContain('sync_from');
		await tui.press('nav.back');
		await tui.waitFor('page 2 of 4');
		expect(selectedLine(tui.lines())).toBe(before);
	});

	it('opens the health route for the company under the cursor, and Esc comes back', async () => {
		const {tui} = await start();
		await tui.press('nav.down');
		await tui.press('health.open');
		await tui.waitFor('health 102');
		await tui.press('nav.back');
		await tui.waitFor('page 1 of 4');
	});

	it('shows the help overlay from the registry and closes it', async () => {
		const {tui} = await start();
		await tui.press('app.help');
		const frame = await tui.waitFor('Keys');
		expect(frame).toContain('next page');
		expect(frame).toContain('filter by company id');
		await tui.press('help.close');
		await tui.waitFor('page 1 of 4');
	});

	it('quits on q', async () => {
		const {tui} = await start();
		await tui.press('app.quit');
		await expect(tui.exited).resolves.toBeUndefined();
	});
});

describe('live state and colour', () => {
	// chalk reads the colour level from the test runner's stdout (not a TTY: no colour at all).
	let level = chalk.level;
	beforeAll(() => {
		level = chalk.level;
		chalk.level = 1;
	});
	afterAll(() => {
		chalk.level = level;
	});

	it('auto-refreshes with --refresh and shows when the data was updated', async () => {
		const api = fakeApi();
		const copied: string[] = [];
		tui = renderTui(
			<App config={config()} session={session} fetchPage={api.fetchPage} copy={(text) => copied.push(text)} refreshMs={100} clock={() => fixedNow} />,
		);
		await tui.waitFor('page 1 of');
		const before = api.calls.filter((call) => call.offset === 0).length;
		await tui.waitFor(() => api.calls.filter((call) => call.offset === 0).length >= before + 2);
		expect(tui.frame()).toMatch(/updated 0s ago · auto 0s/);
	});

	it('writes no colour at all when config.color is off, and statuses keep their symbols and words', async () => {
		const {tui} = await start();
		const raw = tui.stdout.frames.at(-1) ?? '';
		// eslint-disable-next-line no-control-regex
		expect(raw).not.toMatch(/\u001B\[(3|4|9|10)\dm/);
		expect(tui.frame()).toContain('✔ ok');
		expect(tui.frame()).toContain('◐ partial');
	});

	it('uses colour when config.color is on', async () => {
		const {tui} = await start(fakeApi(), {columns: 80, rows: 24}, {color: true});
		expect(tui.stdout.frames.at(-1) ?? '').toMatch(/\u001B\[3\dm/);
	});
});

describe('terminal size', () => {
	it('says the terminal is too small below 60x15, and re-lays out on resize', async () => {
		const {tui} = await start();
		await tui.resize(50, 12);
		await tui.waitFor('terminal too small');
		await tui.resize(100, 30);
		const frame = await tui.waitFor('per page');
		expect(frame.split('\n').length).toBeLessThanOrEqual(29);
		expect(frame).toContain('OK/FAIL/RUN');
	});

	it('drops columns on a narrow terminal and never wraps a row', async () => {
		const {tui} = await start(fakeApi(), {columns: 60, rows: 15});
		for (const line of tui.lines()) expect(line.length).toBeLessThanOrEqual(60);
		expect(tui.lines().length).toBeLessThanOrEqual(14);
		expect(tui.frame()).not.toContain('INTEGRATION');
	});
});
