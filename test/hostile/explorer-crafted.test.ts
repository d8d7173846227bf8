// The explorer in a real pseudo-terminal against crafted responses over HTTP: strings from the API
// reach the terminal with their control sequences made visible, never live, on every screen.
import {afterEach, describe, expect, it} from 'vitest';
import {bindingOf, type ActionId} from '../../source/keys/keymap.js';
import {keyBytes, startCli, type PtySession} from '../helpers/pty.js';
import {pageBody, startScriptedServer, type ScriptedServer} from '../helpers/scripted-server.js';

const key = 'sk_live_explorer_crafted_42';
// Each payload ends in a marker: Ink itself writes sequences like ESC[2J, so what must never be on
// the wire is the sequence immediately followed by the data it came with.
const payloads = {
	title: '\u001b]0;owned\u0007T1',
	clipboard: '\u001b]52;c;cm0gLXJmIH4=\u0007C2',
	clear: '\u001b[2JK3',
	c1: '\u009b31mR4',
	bidi: '\u202eB5',
	link: '\u001b]8;;http://evil.example\u001b\\L6',
};

const crafted = (id: number) => ({
	rootfi_id: id,
	rootfi_company_id: 102,
	integration_type: `${payloads.title}XERO${payloads.clear}`,
	config_mode: `${payloads.c1}READ`,
	sync_type: `${payloads.clipboard}AUTO_SYNC`,
	full_sync: false,
	start_time: '2026-12-03T10:00:00Z',
	end_time: '2026-12-03T10:05:00Z',
	sync_from: `${payloads.link}2026-12-01`,
	success_count: 1,
	failed_count: 1,
	running_count: 0,
	data_models: [
		{sync_id: `${payloads.bidi}abc`, data_model: `INVOICES${payloads.bidi}SECIOVNI`, status: `FAILED${payloads.clear}`},
		{sync_id: 'def', data_model: 'ＢＡＮＫ＿ＡＣＣＯＵＮＴＳ', status: 'SUCCESS', start_time: '2026-12-03T10:00:00Z', end_time: '2026-12-03T10:01:00Z'},
	],
});

const press = (session: PtySession, id: ActionId): void => {
	const first = bindingOf(id).keys[0] ?? '';
	session.write(first in keyBytes ? keyBytes[first as keyof typeof keyBytes] : first);
};

let server: ScriptedServer | undefined;
let cli: PtySession | undefined;
afterEach(async () => {
	cli?.kill('SIGKILL');
	await server?.close();
});

describe('the explorer with crafted data', () => {
	it('shows escapes visibly on the list, expanded rows and the detail screen, and never emits them', async () => {
		server = await startScriptedServer([], {
			status: 200,
			body: pageBody([crafted(4242001), crafted(4242002)], {connection_status: `${payloads.title}HEALTHY`}),
		});
		cli = startCli({args: ['--base-url', server.url, '--company', '102'], env: {ROOTFI_API_KEY: key}, cols: 120, rows: 30});
		await cli.waitFor('4242001', 15_000);
		expect(cli.screen()).toContain('\\x1b');
		press(cli, 'row.toggle');
		await cli.waitFor('INVOICES\\u202eB5');
		press(cli, 'detail.open');
		await cli.waitFor('sync_from');
		await cli.settle(150);
		const output = cli.output();
		for (const [name, payload] of Object.entries(payloads)) {
			expect(output.includes(payload), `${name} payload reached the terminal live`).toBe(false);
		}
		expect(output).not.toContain(key);
		// The fullwidth name still leaves every row inside the terminal: no line wrapped.
		expect(cli.lines().every((line) => line.length <= 120)).toBe(true);
		press(cli, 'app.quit');
		expect((await cli.exited).exitCode).toBe(0);
	});
});
