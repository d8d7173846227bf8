// The explorer in a real pseudo-terminal against a demo API that breaks after the first requests:
// the last good rows stay on screen marked stale with the error, keys keep working while a request
// hangs, and quitting restores the terminal.
import {afterEach, describe, expect, it} from 'vitest';
import {bindingOf, type ActionId} from '../../source/keys/keymap.js';
import {keyBytes, startCli, type PtySession} from '../helpers/pty.js';
import {pageBody, startScriptedServer, type ScriptedServer} from '../helpers/scripted-server.js';
import {faultKey, faultyDemo, keyEnv} from './faulty-demo.js';

let cli: PtySession | undefined;
let scripted: ScriptedServer | undefined;
afterEach(async () => {
	cli?.kill('SIGKILL');
	cli = undefined;
	await scripted?.close();
	scripted = undefined;
});

/** Presses an action's first key, as the keymap registry names it. */
const press = (session: PtySession, id: ActionId, times = 1): void => {
	const key = bindingOf(id).keys[0] ?? '';
	for (let i = 0; i < times; i++) session.write(key in keyBytes ? keyBytes[key as keyof typeof keyBytes] : key);
};

const waitUntil = async (condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> => {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
};

/** The table's rows as on screen: the selection marker (› or blank) and the sync id. */
const tableRows = (screen: string): string[] => [...screen.matchAll(/^([› ]) (\d{7}) /gm)].map((match) => `${match[1]}${match[2]}`);
const selectedId = (screen: string): string | undefined => /^› (\d{7}) /m.exec(screen)?.[1];

/** The first page and the prefetch of the second are good (2 requests); everything after is not. */
const goodRequests = 2;

const openExplorer = async (faults: Parameters<typeof faultyDemo>[0], timeoutSeconds: number) => {
	const {server} = await faultyDemo({...faults, afterRequests: goodRequests}, timeoutSeconds);
	cli = startCli({args: ['--base-url', server.url, '--timeout', String(timeoutSeconds)], env: keyEnv, cols: 120, rows: 30});
	// The whole first page drawn: as many rows as the header's "syncs 1-N" says.
	const fullPage = (text: string) => {
		const shown = /syncs 1-(\d+) of \d+/.exec(text)?.[1];
		return shown !== undefined && tableRows(text).length === Number(shown);
	};
	await cli.waitFor(fullPage, 15_000);
	// Pressing refresh before the prefetch arrives would spend a good request on the wrong thing.
	await waitUntil(() => server.stats().requests >= goodRequests, 'the prefetch of page 2');
	await cli.settle(200);
	expect(server.stats()).toMatchObject({requests: goodRequests, faults: 0});
	const screen = cli.screen();
	expect(fullPage(screen)).toBe(true);
	return {server, session: cli, screen, rows: tableRows(screen)};
};

const quitAndCheckRestored = async (session: PtySession, withinMs: number): Promise<void> => {
	const started = Date.now();
	press(session, 'app.quit');
	const exit = await Promise.race([
		session.exited,
		new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), withinMs)),
	]);
	expect(exit).toEqual({exitCode: 0, signal: 0});
	expect(Date.now() - started).toBeLessThan(withinMs);
	await session.settle(50);
	expect(session.isAlternateScreen()).toBe(false);
	expect(session.isCursorVisible()).toBe(true);
	expect(session.output()).not.toContain(faultKey);
};

describe('explorer under faults', () => {
	it('keeps the last good rows, marked stale with the error in one line, after a failed refresh', async () => {
		const {server, session, rows} = await openExplorer({mode: 'empty-500'}, 2);
		expect(rows.length).toBeGreaterThan(5);

		press(session, 'app.refresh');
		// Four attempts with backoff: about 1-2 s.
		await session.waitFor((text) => text.includes('STALE') && text.includes('✖ stale: '), 10_000);
		await session.settle(100);
		const screen = session.screen();
		expect(server.stats().requests).toBeGreaterThan(goodRequests);
		expect(tableRows(screen)).toEqual(rows);
		const errorLines = screen.split('\n').filter((line) => line.includes('✖ stale: '));
		expect(errorLines).toHaveLength(1);
		expect(errorLines[0]).toMatch(/✖ stale: RootFi server error \(HTTP 500\) · request_id [0-9a-f-]{8}/);
		expect(screen).not.toMatch(/^\s+at\s/m);

		// The stale rows still answer keys.
		press(session, 'nav.down');
		await session.waitFor((text) => selectedId(text) === rows[1]?.slice(1));
		await quitAndCheckRestored(session, 3000);
	});

	it('moves the cursor while a refresh hangs, and quits at once without waiting for it', async () => {
		const {server, session, rows} = await openExplorer({mode: 'hang'}, 10);
		expect(selectedId(session.screen())).toBe(rows[0]?.slice(1));

		press(session, 'app.refresh');
		await waitUntil(() => server.stats().requests === goodRequests + 1, 'the refresh to reach the server');
		const pressedAt = Date.now();
		press(session, 'nav.down', 3);
		await session.waitFor((text) => selectedId(text) === rows[3]?.slice(1), 2000);
		press(session, 'nav.up');
		await session.waitFor((text) => selectedId(text) === rows[2]?.slice(1), 2000);
		// The keys were handled within the waits above, and well inside the 10 s timeout the refresh
		// is still unanswered: nothing waited for it.
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, pressedAt + 3500 - Date.now())));
		expect(Date.now() - pressedAt).toBeLessThan(9000);
		expect(server.stats()).toMatchObject({requests: goodRequests + 1, faults: 1});
		const screen = session.screen();
		expect(selectedId(screen)).toBe(rows[2]?.slice(1));
		expect(tableRows(screen).map((row) => row.slice(1))).toEqual(rows.map((row) => row.slice(1)));
		expect(screen).not.toContain('✖');
		expect(screen).toMatch(/loading/);

		await quitAndCheckRestored(session, 2000);
	});

	// A proxy or debug page may echo the api_key header in its body; listSyncs scrubs the key from
	// every ApiError, so the explorer's footer never shows it.
	it('never shows the key, even when an error body echoes it', async () => {
		const syncs = Array.from({length: 5}, (_, index) => ({rootfi_id: 1_300_000 + index, rootfi_company_id: 101, data_models: []}));
		// One good page (a single page: no prefetch), then an error body that quotes the key.
		scripted = await startScriptedServer([{status: 200, body: pageBody(syncs)}], {
			status: 500,
			body: JSON.stringify({error: {message: `upstream refused api_key=${faultKey}`, code: 'INTERNAL', field: null}}),
		});
		const session = startCli({args: ['--base-url', scripted.url, '--timeout', '2'], env: keyEnv, cols: 160, rows: 30});
		cli = session;
		await session.waitFor(/syncs 1-5 of 5/, 15_000);
		press(session, 'app.refresh');
		await session.waitFor(/✖ stale: RootFi server error \(HTTP 500\): upstream refused api_key=\[redacted\]/, 10_000);
		await session.settle(100);
		expect(session.output()).not.toContain(faultKey);
	});
});
