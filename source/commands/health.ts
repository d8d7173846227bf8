// `rootfi-tui health`: the verdict for one company (--company) or for every company in the window,
// as text or JSON, with the monitoring-plugin exit codes. Every way the check cannot be made (a
// usage mistake, a refused key, an API out of reach) is UNKNOWN: exit 3 and one line on stderr.
import {ApiError, isApiError} from '../api/errors.js';
import {redact} from '../api/text.js';
import {resolveConfig, UsageError, type Env, type RawFlags} from '../config.js';
import {openDebugLog} from '../debug-log.js';
import {checkAllCompanies, checkCompany} from '../health/check.js';
import {pageReader} from '../health/gather.js';
import {resolveHealthSettings, type RawHealthFlags} from '../health/options.js';
import {fleetJson, healthJson, renderFleetText, renderHealthText, unknownJson} from '../health/render.js';
import {exitCodes} from '../health/verdict.js';
import {configPath, loadProfiles} from '../profiles.js';
import {openSession, type Session, type SessionOptions} from '../session.js';
import type {Source} from '../config.js';
import {safeJson} from './json.js';

export type HealthFlags = RawFlags & RawHealthFlags & {readonly debugLog?: string | undefined};

type Writable = {write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number};

export type HealthCliRequest = {
	/** Positional arguments after `health` (there should be none). */
	readonly args: readonly string[];
	readonly flags: HealthFlags;
	readonly env: Env;
	readonly stdout: Writable;
	readonly stderr: Writable;
	/** cli.tsx's unknown-flag check, run here so that its UsageError exits 3 like any usage mistake. */
	readonly checkFlags?: () => void;
	/** Injected in tests. */
	readonly now?: () => number;
	readonly openSession?: (source: Source, options: SessionOptions) => Promise<Session>;
};

/** Flags of other commands that would be silently ignored here: refused instead. */
const foreignFlags = [
	['limit', '--limit'],
	['offset', '--offset'],
] as const;

/** The health check's timeout covers the whole check, retries included, as a monitoring plugin's does. */
const deadlineError = (timeoutMs: number, last: ApiError | undefined): ApiError =>
	new ApiError(
		'timeout',
		`no complete answer from RootFi within ${Math.round(timeoutMs / 100) / 10}s` +
			(last ? ` (last error: ${last.message})` : ''),
		last?.requestId ? {requestId: last.requestId} : {},
	);

export const runHealthCli = async (request: HealthCliRequest): Promise<number> => {
	const {flags, env, stdout, stderr} = request;
	const now = (request.now ?? Date.now)();
	const secrets: string[] = [];
	const say = (text: string) => redact(text, secrets);
	try {
		request.checkFlags?.();
		if (request.args.length > 0) throw new UsageError(`unexpected argument "${request.args[0]}"`);
		for (const [name, flag] of foreignFlags) {
			if (flags[name] !== undefined) throw new UsageError(`${flag} does not apply to health; use --window`);
		}
		const settings = resolveHealthSettings(flags);
		if (flags.apiKey) secrets.push(flags.apiKey);
		const config = resolveConfig(flags, env, {demoWhenNoKey: false, profiles: loadProfiles(configPath(env))});
		if (config.source.kind === 'api') secrets.push(config.source.apiKey);
		for (const warning of config.warnings) stderr.write(`${say(warning)}\n`);

		const log = flags.debugLog ? openDebugLog(flags.debugLog, secrets).write : undefined;
		const session = await (request.openSession ?? openSession)(config.source, log ? {log} : {});
		const deadline = AbortSignal.timeout(config.timeoutMs);
		let lastRetried: ApiError | undefined;
		const options = {
			read: pageReader(session.client, {
				timeoutMs: config.timeoutMs,
				onRetry: (error: ApiError) => {
					lastRetried = error;
				},
			}),
			settings,
			now,
			jobType: config.query.job_type,
			signal: deadline,
		};
		// A terminal that reports no size (columns 0, as under `script`) is treated like a pipe: no cutting.
		const columns = stdout.isTTY && stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : undefined;
		const text = {color: config.color && stdout.isTTY === true, width: columns};
		try {
			const companyId = config.query.company_id;
			if (companyId !== undefined) {
				const report = await checkCompany(companyId, options);
				stdout.write(config.json ? `${safeJson(healthJson(report))}\n` : renderHealthText(report, text));
				return report.exitCode;
			}
			const fleet = await checkAllCompanies(options);
			stdout.write(config.json ? `${safeJson(fleetJson(fleet))}\n` : renderFleetText(fleet, text));
			if (fleet.verdict === 'UNKNOWN') stderr.write('rootfi-tui: health UNKNOWN: no company has a sync in the window\n');
			return fleet.exitCode;
		} catch (error) {
			if (isApiError(error) && error.kind === 'cancelled' && deadline.aborted) {
				throw deadlineError(config.timeoutMs, lastRetried);
			}
			throw error;
		} finally {
			await session.close();
		}
	} catch (error) {
		if (!(error instanceof UsageError) && !isApiError(error)) throw error;
		const message = say(isApiError(error) ? error.describe() : error.message);
		stderr.write(`rootfi-tui: health UNKNOWN: ${message}\n`);
		if (flags.json) {
			const details = isApiError(error)
				? {kind: error.kind, ...(error.requestId ? {requestId: error.requestId} : {})}
				: {kind: 'usage'};
			stdout.write(`${safeJson(unknownJson(message, now, details))}\n`);
		}
		return exitCodes.UNKNOWN;
	}
};
