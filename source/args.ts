// The command line, read with node:util's parseArgs: built into Node, so nothing to load at start.
// (A general-purpose parser validated package.json's licence field on every start, ~12 ms of it.)
// Flags are --kebab-case on the command line and camelCase in the result; booleans take --no-NAME.
import {parseArgs} from 'node:util';

export type FlagType = 'string' | 'boolean';

export type ParsedArgs = {
	/** Positional arguments: the command, then anything after it. */
	readonly input: string[];
	/** Known flags by camelCase name; absent when not given (booleans default to undefined too). */
	readonly flags: Record<string, string | boolean | undefined>;
	readonly help: boolean;
	readonly version: boolean;
	/** The first misuse of a known flag, as a one-line message (the caller decides the exit code). */
	readonly problem: string | undefined;
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Reads `args` against `spec` (camelCase names). Unknown flags are left to the caller's own check,
 * which names them on one line; a string flag without a value, or a value given to a boolean flag,
 * is reported in `problem`.
 */
export const parseCommandLine = (args: readonly string[], spec: Readonly<Record<string, FlagType>>): ParsedArgs => {
	const options: Record<string, {type: FlagType}> = {help: {type: 'boolean'}, version: {type: 'boolean'}};
	for (const [name, type] of Object.entries(spec)) options[kebab(name)] = {type};
	const {tokens} = parseArgs({args: [...args], options, strict: false, allowPositionals: true, allowNegative: true, tokens: true});
	const flags: Record<string, string | boolean | undefined> = {};
	const input: string[] = [];
	let help = false;
	let version = false;
	let problem: string | undefined;
	for (const token of tokens) {
		if (token.kind === 'positional') input.push(token.value);
		if (token.kind !== 'option') continue;
		const negated = token.rawName.startsWith('--no-');
		const name = camel(token.name);
		if (name === 'help') help = !negated;
		else if (name === 'version') version = !negated;
		const type = spec[name];
		if (type === undefined) continue;
		if (type === 'string') {
			// parseArgs takes the next argument whatever it is: `--company --json` has lost its value.
			if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) problem ??= `${token.rawName} needs a value`;
			else flags[name] = token.value;
		} else if (token.inlineValue) {
			problem ??= `${token.rawName} takes no value`;
		} else {
			flags[name] = !negated;
		}
	}
	return {input, flags, help, version, problem};
};
