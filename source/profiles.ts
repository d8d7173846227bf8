// Profiles in $XDG_CONFIG_HOME/rootfi-tui/config.json: named base URLs and keys, so a key need not
// sit in the shell's environment or history. A file others can read is refused.
import {readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {UsageError} from './config-error.js';

export type Profile = {readonly baseUrl?: string; readonly apiKey?: string};
export type ProfileFile = {readonly path: string; readonly profiles: Readonly<Record<string, Profile>>};

export const configPath = (env: Readonly<Record<string, string | undefined>>): string =>
	join(env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config'), 'rootfi-tui', 'config.json');

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the profile file; undefined when there is none. Throws UsageError for an unsafe or bad file. */
export const loadProfiles = (path: string): ProfileFile | undefined => {
	let mode: number;
	try {
		mode = statSync(path).mode;
	} catch {
		return undefined;
	}
	if ((mode & 0o077) !== 0) {
		throw new UsageError(`${path} is readable by other users; run: chmod 600 ${path}`);
	}
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new UsageError(`${path} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
	}
	if (!isRecord(json) || !isRecord(json['profiles'])) {
		throw new UsageError(`${path} must look like {"profiles": {"default": {"baseUrl": "...", "apiKey": "..."}}}`);
	}
	const profiles: Record<string, Profile> = {};
	for (const [name, value] of Object.entries(json['profiles'])) {
		if (!isRecord(value)) throw new UsageError(`${path}: profile "${name}" must be an object`);
		const {baseUrl, apiKey} = value;
		if ((baseUrl !== undefined && typeof baseUrl !== 'string') || (apiKey !== undefined && typeof apiKey !== 'string')) {
			throw new UsageError(`${path}: profile "${name}" needs string "baseUrl" and "apiKey"`);
		}
		profiles[name] = {
			...(typeof baseUrl === 'string' ? {baseUrl} : {}),
			...(typeof apiKey === 'string' ? {apiKey} : {}),
		};
	}
	return {path, profiles};
};
