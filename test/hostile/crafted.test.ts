// Crafted responses served over real HTTP to the built CLI: what reaches stdout and stderr must
// carry no live control sequence (the bug class of kubectl's CVE-2021-25743).
import {afterEach, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {pageBody, startScriptedServer, type ScriptedServer} from '../helpers/scripted-server.js';

// eslint-disable-next-line no-control-regex
const live = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const key = 'sk_live_crafted_0123456789';

const crafted = {
	rootfi_id: 31337,
	rootfi_company_id: 102,
	integration_type: '\u001b]0;owned\u0007\u001b[2JXERO',
	config_mode: '\u009b31mREAD',
	sync_type: '\u001b]52;c;cm0gLXJmIH4=\u0007AUTO_SYNC',
	full_sync: false,
	start_time: '2026-12-03T10:00:00Z',
	end_time: '2026-12-03T10:05:00Z',
	success_count: 1,
	failed_count: 0,
	running_count: 0,
	data_models: [{sync_id: 'x', data_model: 'INVOICES\u202eSECIOVNI', status: 'SUCCESS\u001b[8m'}],
};

let server: ScriptedServer | undefined;
afterEach(async () => server?.close());

const serve = async (body: string, status = 200) => {
	server = await startScriptedServer([], {status, body});
	return ['--base-url', server.url, '--api-key', key, '--timeout', '3'];
};

describe('crafted responses', () => {
	it('list shows control characters visibly, never live', async () => {
		const args = await serve(pageBody([crafted], {connection_status: '\u001b[32mHEALTHY'}));
		const {code, stdout} = await runCli(['list', '--company', '102', ...args]);
		expect(code).toBe(0);
		expect(stdout).not.toMatch(live);
		expect(stdout).toContain('31337');
		expect(stdout).toContain('\\x1b');
	});

	it('list --json escapes every control character and stays valid JSON', async () => {
		const args = await serve(pageBody([crafted]));
		const {code, stdout} = await runCli(['list', '--json', ...args]);
		expect(code).toBe(0);
		expect(stdout).not.toMatch(live);
		const json = JSON.parse(stdout);
		expect(json.data[0].integration_type).toBe(crafted.integration_type);
		expect(json.data[0].data_models[0].data_model).toBe('INVOICES\u202eSECIOVNI');
	});

	it('an error body with escape sequences is reported as one clean line', async () => {
		const args = await serve(
			JSON.stringify({error: {message: 'bad\u001b]52;c;Zm9v\u0007 key\nsecond line', code: 'X', field: null}}),
			401,
		);
		const {code, stderr} = await runCli(['list', ...args]);
		expect(code).toBe(1);
		const lines = stderr.trim().split('\n').filter((l) => !l.startsWith('warning:'));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/The API key was refused \(HTTP 401\)/);
		expect(stderr).not.toMatch(live);
		expect(stderr).not.toContain(key);
	});

	it('a 200 that is not the envelope is a bad response naming the status and an excerpt', async () => {
		const args = await serve('<html><body>\u001b[5mMaintenance</body></html>');
		const {code, stderr} = await runCli(['list', ...args]);
		expect(code).toBe(1);
		expect(stderr).toMatch(/Unexpected response from RootFi \(HTTP 200\): body is not valid JSON · body: <html><body>\\x1b\[5mMaintenance/);
		expect(stderr).not.toMatch(live);
	});

	it('health, as text and JSON, shows crafted names visibly and never live', async () => {
		const now = new Date().toISOString();
		const recent = {
			...crafted,
			start_time: now,
			end_time: now,
			data_models: [{sync_id: 'x', data_model: 'INVOICES\u202eSECIOVNI\u001b]52;c;Zm9v\u0007', status: 'FAILED\u009b31m', start_time: now, end_time: now}],
		};
		const args = await serve(pageBody([recent], {connection_status: '\u001b[32mHEALTHY', sync_status: '\u001b]0;x\u0007IDLE'}));
		for (const extra of [[], ['--json']]) {
			const {code, stdout, stderr} = await runCli(['health', '--company', '102', ...args, ...extra]);
			expect([0, 1, 2]).toContain(code);
			expect(stdout + stderr).not.toMatch(live);
			expect(stdout + stderr).not.toContain(key);
			// Text shows the escape; JSON escapes it as \u202e: the same six characters either way.
			expect(stdout).toContain('INVOICES\\u202eSECIOVNI');
		}
	});
});
