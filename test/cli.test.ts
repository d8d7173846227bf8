import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {runCli} from './helpers/run-cli.js';

/** A loopback port with nothing listening on it. */
export const closedPort = async (): Promise<number> => {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise((resolve) => server.close(resolve));
	return port;
};

describe('rootfi-tui list', () => {
	it('prints one page of a company, filtered by job type, as JSON', async () => {
		const {code, stdout, stderr} = await runCli(['list', '--demo', '--company', '102', '--job-type', 'PULL', '--limit', '5', '--json']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const json = JSON.parse(stdout);
		expect(json.data).toHaveLength(5);
		expect(json.data.every((s: {rootfi_company_id: number}) => s.rootfi_company_id === 102)).toBe(true);
		expect(json.data.every((s: {config_mode: string}) => s.config_mode === 'READ')).toBe(true);
		expect(json.total_count).toBeGreaterThan(5);
		expect(json.connection_status).toBe('HEALTHY');
		expect(typeof json.sync_status).toBe('string');
		expect(json.request_id).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('prints a plain table with the page indicator when not on a terminal', async () => {
		const {code, stdout} = await runCli(['list', '--demo', '--company', '101', '--limit', '3', '--offset', '3']);
		expect(code).toBe(0);
		const lines = stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^syncs 4-6 of \d+ · page 2 of \d+ · filters: company 101 · connection ✔ HEALTHY/);
		expect(lines[1]).toMatch(/^\s+ID\s+COMPANY/);
		expect(lines.slice(2, 5).every((line) => /\s101\s/.test(line))).toBe(true);
		expect(lines.at(-1)).toMatch(/^request_id [0-9a-f-]{36}$/);
		expect(stdout).not.toMatch(/\u001b/);
	});

	it('prints the list instead of the explorer when stdout is not a terminal', async () => {
		const {code, stdout} = await runCli(['--demo', '--limit', '2']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^syncs 1-2 of \d+/);
	});
});

describe('help and version', () => {
	it('--help prints the usage, every command and the exit codes, exit 0', async () => {
		const {code, stdout, stderr} = await runCli(['list', '--help']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toMatch(/Usage\n\s+\$ rootfi-tui \[command\] \[flags\]/);
		for (const command of ['list', 'health', 'demo-server']) expect(stdout).toContain(`\n    ${command} `);
		expect(stdout).toContain('Exit codes');
	});

	it('--version prints the version from package.json, exit 0', async () => {
		const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
		const {code, stdout} = await runCli(['--version']);
		expect(code).toBe(0);
		expect(stdout).toBe(`${version}\n`);
	});
});

describe('exit codes and errors', () => {
	it.each([
		[['list', '--demo', '--company', 'abc'], /--company must be a whole number/],
		[['list', '--demo', '--job-type', 'SIDEWAYS'], /--job-type must be PULL or PUSH/],
		[['list', '--demo', '--limit', '0'], /--limit must be 1 to 500, not 0/],
		[['list', '--demo', '--nope'], /unknown flag --nope/],
		[['frobnicate'], /unknown command "frobnicate"/],
		[['list'], /no API key: set ROOTFI_API_KEY/],
		[['list', '--base-url', 'http://api.rootfi.dev'], /plain http/],
		[['demo-server', '--fail-rate', '50%'], /--fail-rate must be a number from 0 to 1/],
		[['demo-server', '--fault', 'explode'], /--fault/],
		[['list', '--demo', '--fault', 'hang'], /--fault applies to demo-server only/],
		[['--demo', '--refresh', 'soon'], /--refresh must be a number of seconds/],
		[['list', '--demo', '--limit'], /--limit needs a value/],
		[['list', '--demo', '--company', '--json'], /--company needs a value/],
		[['list', '--demo', '--json=yes'], /--json takes no value/],
	])('%j is a usage error: exit 2, one line', async (args, message) => {
		const {code, stderr, stdout} = await runCli(args, {env: {ROOTFI_API_KEY: args.includes('--base-url') ? 'k-1234' : undefined}});
		expect(code).toBe(2);
		expect(stderr).toMatch(message);
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
		expect(stdout).toBe('');
	});

	it('an unreachable API is exit 1 with one line, and the key appears nowhere', async () => {
		const key = 'sk_live_secret_value_1234';
		const {code, stderr, stdout} = await runCli(
			['list', '--base-url', `http://127.0.0.1:${await closedPort()}`, '--api-key', key, '--timeout', '2'],
			{timeoutMs: 20_000},
		);
		expect(code).toBe(1);
		expect(stderr).toMatch(/Cannot reach RootFi: connection refused/);
		expect(stderr + stdout).not.toContain(key);
		expect(stderr).toMatch(/--api-key is visible to other users/);
	});
});
