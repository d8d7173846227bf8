// Flags and environment -> Config -> one command. The only file that reads argv or exits.
import process from 'node:process';
import {setFlagsFromString} from 'node:v8';
import {ApiError, isApiError} from './api/errors.js';
import {redact} from './api/text.js';
import {parseCommandLine} from './args.js';
import {runList} from './commands/list.js';
import {resolveConfig, UsageError, type RawFlags} from './config.js';
import {crashExitCode, writeCrashReport} from './crash-report.js';
import {openDebugLog} from './debug-log.js';
import {configPath, loadProfiles} from './profiles.js';
import {openSession} from './session.js';
import {parseRefreshFlag} from './state/refresh-interval.js';

export const helpText = `
  Usage
    $ rootfi-tui [command] [flags]

  Commands
    (none)         open the explorer (prints the list instead when stdout is not a terminal)
    list           print one page of syncs (a table, or JSON with --json)
    health         HEALTHY, DEGRADED or UNHEALTHY, and why: one company (--company) or every company
    demo-server    run the built-in demo API in the foreground

  Source
    --demo             use the built-in demo API (the explorer's default when no key is set)
    --base-url URL     RootFi API base URL (env ROOTFI_BASE_URL, default https://api.rootfi.dev)
    --api-key KEY      discouraged: visible in the process list; use env ROOTFI_API_KEY
    --profile NAME     a profile from $XDG_CONFIG_HOME/rootfi-tui/config.json (env ROOTFI_PROFILE)

  Filters and paging
    --company ID       only syncs of this company
    --job-type TYPE    PULL or PUSH
    --limit N          syncs per page, 1 to 500 (default 25)
    --offset N         index of the first sync (default 0)

  Health
    --window SPAN      how far back to read: a duration, a count of syncs or both (default 7d,200)
    --stale-after DUR  a data model with no success for this long is stale (default 24h)
    --max-running DUR  a sync running longer than this is too long (default 2h)
                       (health's --timeout bounds the whole check, retries included)

  Other
    --timeout SECONDS  per-request timeout (default 15)
    --json             JSON output (list, health)
    --refresh SECONDS  explorer: reload the page every SECONDS (default off)
    --no-color         no colour (also NO_COLOR, TERM=dumb)
    --port N           demo-server port (default 4010)
    --latency MS       demo-server: delay every answer
    --fail-rate P      demo-server: answer this share of requests (0..1) with a fault
    --fault MODE       demo-server: rate-limit, empty-500, html-502, hang, reset or truncated,
                       with options: MODE[,after=N][,every=N][,times=N][,retry-after=S]
    --debug-log FILE   append one line per request and response to FILE (never the key)

  Exit codes
    0 success · 1 API, network or auth error · 2 usage error · 70 internal error (a crash report is written)
    health: 0 HEALTHY · 1 DEGRADED · 2 UNHEALTHY · 3 UNKNOWN (API unreachable, key refused, usage error)

  Examples
    $ rootfi-tui --demo
    $ ROOTFI_API_KEY=... rootfi-tui list --company 102 --job-type PULL --json
    $ rootfi-tui health --demo --company 102
`;

const flagSpec = {
	demo: 'boolean',
	baseUrl: 'string',
	apiKey: 'string',
	company: 'string',
	jobType: 'string',
	limit: 'string',
	offset: 'string',
	timeout: 'string',
	json: 'boolean',
	color: 'boolean',
	port: 'string',
	profile: 'string',
	debugLog: 'string',
	window: 'string',
	staleAfter: 'string',
	maxRunning: 'string',
	refresh: 'string',
	latency: 'string',
	failRate: 'string',
	fault: 'string',
} as const;

// Set in the bundle from package.json (esbuild.config.mjs).
declare const ROOTFI_TUI_VERSION: string | undefined;
const version = typeof ROOTFI_TUI_VERSION === 'string' ? ROOTFI_TUI_VERSION : 'unknown';

// `ps`, `top` and `pkill rootfi-tui` see the tool's name rather than "node".
process.title = 'rootfi-tui';

const commands = ['list', 'health', 'demo-server'] as const;

const knownFlags = new Set<string>(['help', 'version', ...Object.keys(flagSpec)]);
const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Unknown flags first (named on one line), then misused known ones. */
const checkFlags = (problem: string | undefined): void => {
	const args = process.argv.slice(2);
	const end = args.indexOf('--');
	const unknown = (end === -1 ? args : args.slice(0, end))
		.filter((arg) => arg.startsWith('-') && !/^-\d/.test(arg))
		.map((arg) => arg.replace(/^--?/, '').split('=')[0] ?? '')
		.filter((name) => !knownFlags.has(camelCase(name.replace(/^no-/, ''))));
	if (unknown.length > 0) throw new UsageError(`unknown flag ${unknown[0]!.length === 1 ? '-' : '--'}${unknown[0]} (see --help)`);
	if (problem !== undefined) throw new UsageError(`${problem} (see --help)`);
};
let secret: string | undefined;

const fail = (message: string, code: number): never => {
	process.stderr.write(`rootfi-tui: ${redact(message, [secret])}\n`);
	process.exit(code);
};

const main = async (): Promise<number> => {
	const cli = parseCommandLine(process.argv.slice(2), flagSpec);
	if (cli.help) {
		process.stdout.write(`\n  Terminal explorer and health check for RootFi's GET /sync endpoint\n${helpText}\n`);
		return 0;
	}
	if (cli.version) {
		process.stdout.write(`${version}\n`);
		return 0;
	}
	if (cli.input[0] === 'health') {
		// Monitoring convention: every way health cannot check (usage included) is exit 3, not 2.
		const {runHealthCli} = await import('./commands/health.js');
		return runHealthCli({
			args: cli.input.slice(1),
			flags: cli.flags,
			env: process.env,
			stdout: process.stdout,
			stderr: process.stderr,
			checkFlags: () => checkFlags(cli.problem),
		});
	}
	checkFlags(cli.problem);
	const [command, ...extra] = cli.input;
	if (command !== undefined && !(commands as readonly string[]).includes(command)) {
		throw new UsageError(`unknown command "${command}"; commands: ${commands.join(', ')} (see --help)`);
	}
	if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
	const flags = cli.flags as RawFlags & {
		port?: string;
		debugLog?: string;
		refresh?: string;
		latency?: string;
		failRate?: string;
		fault?: string;
	};
	const demoOnly = (['latency', 'failRate', 'fault', 'port'] as const).find((name) => flags[name] !== undefined);
	if (demoOnly && command !== 'demo-server') {
		throw new UsageError(`--${demoOnly.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} applies to demo-server only`);
	}

	if (command === 'demo-server') {
		const {parseInteger} = await import('./config.js');
		const port = parseInteger('port', flags.port, {min: 0, max: 65_535}) ?? 4010;
		const {describeFaults, hasFaults, parseFaultFlags} = await import('./demo/faults.js');
		const faults = parseFaultFlags(flags);
		const {startDemoServer} = await import('./demo/server.js');
		const server = await startDemoServer({port, faults});
		process.stdout.write(`rootfi-tui demo API listening on ${server.url} (any non-empty api_key header is accepted)\n`);
		if (hasFaults(faults)) process.stdout.write(`${describeFaults(faults)}\n`);
		await new Promise<void>((resolve) => {
			const stop = () => void server.close().then(resolve);
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		});
		return 0;
	}

	const interactive = command === undefined && process.stdout.isTTY === true && process.stdin.isTTY === true;
	if (flags.apiKey) secret = flags.apiKey;
	const config = resolveConfig(flags, process.env, {
		demoWhenNoKey: command === undefined,
		profiles: loadProfiles(configPath(process.env)),
	});
	if (config.source.kind === 'api') secret = config.source.apiKey;
	const refreshMs = parseRefreshFlag(flags.refresh);
	for (const warning of config.warnings) process.stderr.write(`${warning}\n`);

	const log = flags.debugLog ? openDebugLog(flags.debugLog, [secret]).write : undefined;
	const session = await openSession(config.source, log ? {log} : {});
	try {
		if (interactive) {
			// A long-lived process that parses large answers and drops most of them again: V8's
			// default is to let that garbage grow the heap (to some 170 MB after paging through
			// 10,000 syncs at 500 a page, of which 25 MB live); tuned for size it stays near 115 MB,
			// and the bench shows no cost in frame time. Set before Ink loads, while the heap is small.
			setFlagsFromString('--optimize-for-size');
			// The first page's request starts before Ink and React load, so the two overlap.
			const {startFirstPage} = await import('./hooks/first-page.js');
			const firstPage = startFirstPage(config, session, process.stdout.rows || 24);
			const {runExplorer} = await import('./explore.js');
			return await runExplorer(config, session, {refreshMs, firstPage});
		}
		await runList(config, session, {
			write: (text) => process.stdout.write(text),
			columns: process.stdout.isTTY ? process.stdout.columns : 120,
		});
		return 0;
	} finally {
		await session.close();
	}
};

try {
	const code = await main();
	process.exitCode = code;
} catch (error) {
	if (error instanceof UsageError) fail(`${error.message}`, 2);
	if (isApiError(error)) fail((error as ApiError).describe(), 1);
	const report = writeCrashReport(error, {argv: process.argv, env: process.env, secrets: [secret]});
	const message = error instanceof Error ? error.message : String(error);
	fail(`internal error: ${message.split('\n')[0]}${report ? `; report written to ${report}` : ''}`, crashExitCode);
}
