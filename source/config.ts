// Flags and environment -> one validated Config. Every bad value is a UsageError naming the flag.
import {defaultTimeoutMs} from './api/syncs.js';
import {jobTypeValues, type JobType, type SyncQuery} from './api/types.js';
import {UsageError} from './config-error.js';
import type {ProfileFile} from './profiles.js';

export {UsageError} from './config-error.js';

export const defaultBaseUrl = 'https://api.rootfi.dev';
export const defaultLimit = 25;
export const maxLimit = 500;

/** Flags as meow hands them over: strings, so every check and message is ours. */
export type RawFlags = {
	readonly demo?: boolean;
	readonly baseUrl?: string;
	readonly apiKey?: string;
	readonly company?: string;
	readonly jobType?: string;
	readonly limit?: string;
	readonly offset?: string;
	readonly timeout?: string;
	readonly color?: boolean;
	readonly json?: boolean;
	readonly profile?: string;
};

export type Env = Readonly<Record<string, string | undefined>>;

export type Source =
	| {readonly kind: 'demo'}
	| {readonly kind: 'api'; readonly baseUrl: string; readonly apiKey: string};

export type Config = {
	readonly source: Source;
	readonly query: SyncQuery & {readonly limit: number; readonly offset: number};
	readonly timeoutMs: number;
	readonly color: boolean;
	readonly json: boolean;
	/** Printed once on stderr before anything runs. */
	readonly warnings: readonly string[];
};

const integerPattern = /^\d+$/;

export const parseInteger = (
	flag: string,
	value: string | undefined,
	{min, max}: {min: number; max?: number},
): number | undefined => {
	if (value === undefined) return undefined;
	const text = value.trim();
	const range = max === undefined ? `${min} or more` : `${min} to ${max}`;
	if (!integerPattern.test(text)) throw new UsageError(`--${flag} must be a whole number (${range}), not "${value}"`);
	const number = Number(text);
	if (!Number.isSafeInteger(number) || number < min || (max !== undefined && number > max)) {
		throw new UsageError(`--${flag} must be ${range}, not ${text}`);
	}
	return number;
};

export const parseJobType = (value: string | undefined): JobType | undefined => {
	if (value === undefined) return undefined;
	const upper = value.trim().toUpperCase();
	const match = jobTypeValues.find((type) => type === upper);
	if (!match) throw new UsageError(`--job-type must be PULL or PUSH, not "${value}"`);
	return match;
};

export const parseTimeout = (value: string | undefined): number => {
	if (value === undefined) return defaultTimeoutMs;
	const seconds = Number(value.trim());
	if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
		throw new UsageError(`--timeout must be a number of seconds above 0 and at most 600, not "${value}"`);
	}
	return Math.round(seconds * 1000);
};

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A base URL must be https, or http on loopback only (a key must never cross a network in clear). */
export const parseBaseUrl = (value: string, from: string): string => {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		throw new UsageError(`${from} is not a URL: "${value}"`);
	}
	const loopback = loopbackHosts.has(url.hostname) || url.hostname.startsWith('127.');
	if (url.protocol === 'http:' && !loopback) {
		throw new UsageError(`${from} uses plain http:// for ${url.hostname}; use https:// (http is allowed on loopback only)`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UsageError(`${from} must be an http(s) URL, not ${url.protocol}`);
	}
	if (url.username || url.password) throw new UsageError(`${from} must not contain credentials`);
	return url.toString().replace(/\/+$/, '');
};

export type ResolveOptions = {
	/** The explorer falls back to the demo API when no key is set; scripts must say which. */
	readonly demoWhenNoKey: boolean;
	/** The parsed profile file, when there is one. */
	readonly profiles?: ProfileFile | undefined;
};

const chooseProfile = (flags: RawFlags, env: Env, file: ProfileFile | undefined) => {
	const named = flags.profile ?? env['ROOTFI_PROFILE'];
	if (named === undefined) return file?.profiles['default'];
	if (!file) throw new UsageError(`--profile ${named}: no config file; create one with profiles (see README)`);
	const profile = file.profiles[named];
	if (!profile) {
		const known = Object.keys(file.profiles).join(', ') || 'none';
		throw new UsageError(`--profile ${named} is not in ${file.path} (profiles: ${known})`);
	}
	return profile;
};

export const resolveConfig = (flags: RawFlags, env: Env, {demoWhenNoKey, profiles}: ResolveOptions): Config => {
	const warnings: string[] = [];
	const company = parseInteger('company', flags.company, {min: 1});
	const jobType = parseJobType(flags.jobType);
	const limit = parseInteger('limit', flags.limit, {min: 1, max: maxLimit}) ?? defaultLimit;
	const offset = parseInteger('offset', flags.offset, {min: 0}) ?? 0;
	const timeoutMs = parseTimeout(flags.timeout);
	if (flags.apiKey !== undefined) {
		warnings.push('warning: --api-key is visible to other users in the process list; prefer ROOTFI_API_KEY');
	}
	const profile = chooseProfile(flags, env, profiles);
	// Flags beat the environment, which beats the profile.
	const apiKey = (flags.apiKey ?? env['ROOTFI_API_KEY'] ?? profile?.apiKey ?? '').trim();
	const baseUrlText = flags.baseUrl ?? env['ROOTFI_BASE_URL'] ?? profile?.baseUrl;
	let source: Source;
	if (flags.demo) {
		source = {kind: 'demo'};
	} else if (apiKey) {
		const from =
			flags.baseUrl !== undefined ? '--base-url' : env['ROOTFI_BASE_URL'] !== undefined ? 'ROOTFI_BASE_URL' : 'the profile\'s baseUrl';
		source = {kind: 'api', apiKey, baseUrl: baseUrlText === undefined ? defaultBaseUrl : parseBaseUrl(baseUrlText, from)};
	} else if (demoWhenNoKey && baseUrlText === undefined) {
		source = {kind: 'demo'};
	} else {
		throw new UsageError('no API key: set ROOTFI_API_KEY, or pass --demo to use the built-in demo API');
	}
	const noColor = flags.color === false || Boolean(env['NO_COLOR']) || env['TERM'] === 'dumb';
	return {
		source,
		query: {
			limit,
			offset,
			...(company === undefined ? {} : {company_id: company}),
			...(jobType === undefined ? {} : {job_type: jobType}),
		},
		timeoutMs,
		color: !noColor,
		json: flags.json ?? false,
		warnings,
	};
};
