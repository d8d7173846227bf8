// The built CLI (`node dist/cli.js --demo`) in a real pseudo-terminal at 80x24, against the demo
// API, driven by keys as a person would, reading the screen through a terminal emulator.
// Needs `npm run build` first (npm test builds before vitest runs).
import {existsSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, startCli, type PtySession} from '../helpers/pty.js';

let session: PtySession | undefined;
afterEach(() => {
	session?.kill('SIGKILL');
	session = undefined;
});

const selected = (screen: string) => screen.split('\n').find((line) => /^[›▾]/.test(line)) ?? '';
const dataRows = (screen: string) => screen.split('\n').filter((line) => /^[ ›▾] *\d{7} /.test(line));
const selectedIndex = (screen: string) => dataRows(screen).findIndex((line) => /^[›▾]/.test(line));
const selectionMarks = (screen: string) => screen.split('\n').filter((line) => /^[›▾]/.test(line)).length;

const open = async (args: string[] = ['--demo'], env: Record<string, string | undefined> = {}) => {
	session = startCli({args, cols: 80, rows: 24, env: {NO_COLOR: undefined, ...env}});
	await session.waitFor('page 1 of', 15_000);
	return session;
};

describe.skipIf(!existsSync(cliPath))('rootfi-tui explorer in a pseudo-terminal', () => {
	it('walks through list, expand, detail, filters, paging and help, then quits and restores the terminal', async () => {
		const tui = await open();
		expect(tui.isAlternateScreen()).toBe(true);
		const first = tui.lines();
		expect(first.length).toBe(24);
		expect(first[0]).toContain('DEMO');
		expect(first[23]).toBe('');

		// move
		// One chunk of three keys (as a held key arrives over SSH) moves three rows.
		tui.write('jjj');
		await tui.waitFor((screen) => selectedIndex(screen) === 3 && selectionMarks(screen) === 1);
		tui.press('up');
		const row = selected(await tui.waitFor((screen) => selectedIndex(screen) === 2));

		// expand in place, collapse
		tui.press('enter');
		await tui.waitFor('DATA MODEL');
		tui.press('space');
		await tui.waitFor((screen) => !screen.includes('DATA MODEL'));

		// detail screen, and back to the exact row
		tui.write('d');
		await tui.waitFor('Timeline');
		expect(tui.screen()).toContain('› sync ');
		tui.press('escape');
		await tui.waitFor('page 1 of');
		expect(selected(tui.screen())).toBe(row);

		// filter by company 102, then job type PULL
		tui.write('/102');
		await tui.waitFor('company id: 102');
		tui.press('enter');
		await tui.waitFor('filters company 102 · connection');
		tui.write('t');
		await tui.waitFor('All job types');
		tui.press('down');
		await tui.settle();
		tui.press('enter');
		await tui.waitFor('filters company 102, job PULL');
		// The previous rows stay on screen (with a spinner) until the new page arrives.
		const filtered = await tui.waitFor((screen) => {
			const rows = dataRows(screen);
			return rows.length > 0 && rows.every((line) => /^[ ›▾] *\d{7} +102 .*READ\//.test(line));
		});
		expect(filtered).toMatch(/syncs 1-\d+ of \d+ · page 1 of \d+/);

		// page forward and back
		tui.write('n');
		await tui.waitFor(/syncs \d+-\d+ of \d+ · page 2 of/);
		tui.write('p');
		await tui.waitFor(/syncs 1-\d+ of \d+ · page 1 of/);

		// the company whose invoices stopped syncing: INVOICES failed in the latest sync
		tui.press('enter');
		await tui.waitFor(/INVOICES\s+✖ FAILED/);

		// help overlay
		tui.write('?');
		await tui.waitFor('Esc or ? to close');
		expect(tui.screen()).toContain('filter by company id');
		tui.press('escape');
		await tui.waitFor('page 1 of');

		// quit: the terminal is restored
		tui.write('q');
		const exit = await tui.exited;
		expect(exit.exitCode).toBe(0);
		await tui.settle();
		expect(tui.isAlternateScreen()).toBe(false);
		expect(tui.isCursorVisible()).toBe(true);
	});

	it('redraws only what changes when moving (incremental rendering) and stays correct after many moves', async () => {
		const tui = await open();
		await tui.settle(200);
		tui.mark();
		for (let index = 0; index < 30; index++) {
			tui.press('down');
			await new Promise((resolve) => setTimeout(resolve, 15));
		}
		await tui.settle(100);
		const bytesPerMove = tui.bytesSinceMark() / 30;
		expect(bytesPerMove).toBeLessThan(1200);
		const screen = tui.screen();
		expect(selectionMarks(screen)).toBe(1);
		expect(screen.split('\n')[0]).toContain('rootfi-tui › syncs');
		expect(screen).toMatch(/ID +COMPANY/);
		expect(screen.split('\n').filter((line) => line.includes('per page')).length).toBe(1);
		tui.press('ctrlC');
		expect((await tui.exited).exitCode).toBe(0);
		expect(tui.isAlternateScreen()).toBe(false);
	});

	it('writes no colour with --no-color, and statuses still read by symbol and word', async () => {
		const tui = await open(['--demo', '--no-color']);
		// eslint-disable-next-line no-control-regex
		expect(tui.output()).not.toMatch(/\u001B\[(3[0-7]|9[0-7]|4[0-7]|38;|48;)[0-9;]*m/);
		expect(tui.screen()).toMatch(/● running|✔ ok/);
		expect(selectionMarks(tui.screen())).toBe(1);
		tui.write('q');
		await tui.exited;
	});

	it('restores the terminal on SIGTERM', async () => {
		const tui = await open();
		tui.kill('SIGTERM');
		await tui.exited;
		await tui.settle();
		expect(tui.isAlternateScreen()).toBe(false);
		expect(tui.isCursorVisible()).toBe(true);
	});

	it('shows "terminal too small" below 60x15 and lays out again when it grows', async () => {
		const tui = await open();
		tui.resize(50, 12);
		await tui.waitFor('terminal too small');
		tui.resize(80, 24);
		await tui.waitFor('page 1 of');
		expect(tui.screen()).not.toContain('terminal too small');
		tui.write('q');
		await tui.exited;
	});
});
