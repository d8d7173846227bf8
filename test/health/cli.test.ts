// `rootfi-tui health` end to end, as monitoring runs it: the built CLI (npm run build) in a child
// process against the built-in demo API, checking exit codes, stdout and the one stderr line.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:net';
import {beforeAll, describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/pty.js';
import {runCli} from '../helpers/run-cli.js';

const closedPort = async (): Promise<number> => {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise((resolve) => server.close(resolve));
	return port;
};

const health = (...args: string[]) => runCli(['health', ...args], {env: {NO_COLOR: undefined}});

beforeAll(() => {
	// `npm test` builds first; a lone `vitest run test/health` may not have.
	if (!existsSync(cliPath)) execFileSync('npm', ['run', 'build', '--silent'], {stdio: 'inherit'});
}, 120_000);

describe.concurrent('rootfi-tui health --demo --company', () => {
	it('101 is HEALTHY: exit 0, plain text when piped', async () => {
		const {code, stdout, stderr} = await health('--demo', '--company', '101');
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).not.toMatch(/\u001b/);
		expect(stdout.split('\n')[0]).toBe('company 101 · ✔ HEALTHY');
		expect(stdout).toContain('connection ✔ HEALTHY');
		expect(stdout).toMatch(/^DATA MODEL +LATEST +RAN +LAST SUCCESS +FAILS +RUNS +STALE$/m);
		expect(stdout).toMatch(/^request_id [0-9a-f-]{36}$/m);
	});

	it('102 is DEGRADED: exit 1, naming the data model that failed', async () => {
		const {code, stdout} = await health('--demo', '--company', '102');
		expect(code).toBe(1);
		expect(stdout.split('\n')[0]).toMatch(/^company 102 · ▲ DEGRADED/);
		expect(stdout).toMatch(/^ {2}▲ INVOICES: latest run failed \(sync \d+, .+ ago\)$/m);
	});

	it('103 is UNHEALTHY: exit 2, naming the EXPIRED connection', async () => {
		const {code, stdout} = await health('--demo', '--company', '103');
		expect(code).toBe(2);
		expect(stdout.split('\n')[0]).toMatch(/^company 103 · ✖ UNHEALTHY/);
		expect(stdout.split('\n')[1]).toBe('  ✖ connection is EXPIRED');
	});

	it('104 reports its running syncs', async () => {
		const {code, stdout} = await health('--demo', '--company', '104');
		expect(code).toBe(1);
		expect(stdout).toMatch(/^running syncs \(2\)$/m);
		expect(stdout).toMatch(/^ {2}● running sync \d+ running for \d+m/m);
		expect(stdout).toMatch(/^ {2}▲ too long sync \d+ running for [2-9]h.* \(over 2h\)$/m);
		expect(stdout).toMatch(/has been running for .* \(limit 2h\)/);
	});

	it('--json pins its shape', async () => {
		const {code, stdout} = await health('--demo', '--company', '102', '--json');
		expect(code).toBe(1);
		const json = JSON.parse(stdout);
		expect(Object.keys(json)).toEqual([
			'version',
			'checked_at',
			'company_id',
			'verdict',
			'exit_code',
			'reasons',
			'connection_status',
			'sync_status',
			'data_models',
			'running',
			'window',
			'settings',
			'coverage',
			'request_ids',
		]);
		expect(json).toMatchObject({version: 1, company_id: 102, verdict: 'DEGRADED', exit_code: 1, connection_status: 'HEALTHY'});
		expect(json.reasons).toContainEqual(expect.objectContaining({code: 'model.latest_failed', severity: 'DEGRADED', data_model: 'INVOICES'}));
		expect(Object.keys(json.data_models[0])).toEqual([
			'data_model',
			'latest_status',
			'latest_at',
			'latest_sync_id',
			'last_success_at',
			'failures',
			'runs',
			'latest_failed',
			'stale',
		]);
		expect(json.request_ids.length).toBeGreaterThan(0);
		expect(json.request_ids.every((id: string) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
		expect(json.coverage).toMatchObject({complete: true});
	});

	it('honours --window, --stale-after and --max-running', async () => {
		const {code, stdout} = await health('--demo', '--company', '104', '--max-running', '6h', '--stale-after', '3d', '--window', '2d,50', '--json');
		const json = JSON.parse(stdout);
		expect(json.settings).toEqual({window_seconds: 172_800, window_max_syncs: 50, stale_after_seconds: 259_200, max_running_seconds: 21_600});
		expect(json.window.syncs).toBeLessThanOrEqual(50);
		expect(json.reasons.some((r: {code: string}) => r.code === 'sync.running_too_long')).toBe(false);
		expect(code).toBe(0);
	});
});

describe.concurrent('rootfi-tui health without --company', () => {
	it('one line per company, worst first, and the exit code of the worst', async () => {
		const {code, stdout, stderr} = await health('--demo');
		expect(stderr).toBe('');
		expect(code).toBe(2);
		const rows = stdout.split('\n').filter((line) => /^[✔▲✖] /.test(line) && line.includes(' company '));
		const rank = (line: string) => (line.startsWith('✖') ? 2 : line.startsWith('▲') ? 1 : 0);
		expect(rows.length).toBeGreaterThan(4);
		expect(rows.map(rank)).toEqual(rows.map(rank).sort((a, b) => b - a));
		expect(rows.find((line) => /company 103\b/.test(line))).toMatch(/^✖ UNHEALTHY +company 103 +connection is EXPIRED/);
		expect(rows.find((line) => /company 102\b/.test(line))).toMatch(/^▲ DEGRADED +company 102 +INVOICES: latest run failed/);
		expect(rows.find((line) => /company 101\b/.test(line))).toMatch(/^✔ HEALTHY +company 101 +ok$/);
		expect(stdout).toMatch(/^request_id [0-9a-f-]{36} \(\+\d+ more/m);
	});

	it('--json lists every company report', async () => {
		const {code, stdout} = await health('--demo', '--json');
		const json = JSON.parse(stdout);
		expect(code).toBe(json.exit_code);
		expect(json.verdict).toBe('UNHEALTHY');
		expect(json.companies.find((c: {company_id: number}) => c.company_id === 101).verdict).toBe('HEALTHY');
	});
});

describe.concurrent('UNKNOWN: exit 3 with one line on stderr', () => {
	it('an unreachable --base-url, within the timeout', async () => {
		const port = await closedPort();
		const {code, stdout, stderr, ms} = await runCli(['health', '--company', '101', '--base-url', `http://127.0.0.1:${port}`, '--timeout', '2'], {
			env: {ROOTFI_API_KEY: 'sk_test_secret_value'},
		});
		expect(code).toBe(3);
		expect(stdout).toBe('');
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(/^rootfi-tui: health UNKNOWN: .*(connection refused|no complete answer)/);
		expect(stderr).not.toContain('sk_test_secret_value');
		expect(ms).toBeLessThan(2000 + 2500); // the 2s deadline, plus start-up on a busy machine
	});

	it('an unreachable API with --json still prints JSON', async () => {
		const port = await closedPort();
		const {code, stdout} = await runCli(['health', '--json', '--base-url', `http://127.0.0.1:${port}`, '--timeout', '1'], {
			env: {ROOTFI_API_KEY: 'sk_test_secret_value'},
		});
		expect(code).toBe(3);
		expect(JSON.parse(stdout)).toMatchObject({verdict: 'UNKNOWN', exit_code: 3, error: {kind: expect.stringMatching(/network|timeout/)}});
	});

	it.each([
		[['--demo', '--company', 'abc'], /--company must be a whole number/],
		[['--demo', '--window', '7x'], /--window must be a duration/],
		[['--demo', '--stale-after', '24'], /did you mean 24h/],
		[['--demo', '--limit', '5'], /--limit does not apply to health/],
		[['--demo', '--bogus'], /unknown flag --bogus/],
		[['--demo', 'extra'], /unexpected argument "extra"/],
		[['--company', '101'], /no API key/],
	])('usage: %j', async (args, message) => {
		const {code, stdout, stderr} = await health(...args);
		expect(code).toBe(3);
		expect(stdout).toBe('');
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(message);
	});
});
