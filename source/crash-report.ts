// When something unexpected ends the process: a report for the issue tracker, written to a file
// (never with the key), and one line that says where it is.
import {mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {redact} from './api/text.js';

export const crashExitCode = 70; // EX_SOFTWARE: an internal error, not the API's or the user's.

export const crashDirectory = (env: Readonly<Record<string, string | undefined>>): string =>
	env['XDG_STATE_HOME'] ? join(env['XDG_STATE_HOME'], 'rootfi-tui') : join(tmpdir(), 'rootfi-tui');

export const writeCrashReport = (
	error: unknown,
	{argv, env, secrets}: {argv: readonly string[]; env: Readonly<Record<string, string | undefined>>; secrets: ReadonlyArray<string | undefined>},
): string | undefined => {
	const text = [
		`rootfi-tui crash report ${new Date().toISOString()}`,
		`node ${process.version} ${process.platform} ${process.arch}`,
		`argv: ${argv.join(' ')}`,
		'',
		error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error),
		'',
	].join('\n');
	try {
		const directory = crashDirectory(env);
		mkdirSync(directory, {recursive: true, mode: 0o700});
		const path = join(directory, `crash-${Date.now()}-${process.pid}.txt`);
		writeFileSync(path, redact(text, secrets), {mode: 0o600});
		return path;
	} catch {
		return undefined;
	}
};
