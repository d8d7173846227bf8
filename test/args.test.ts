import {describe, expect, it} from 'vitest';
import {parseCommandLine} from '../source/args.js';

const spec = {demo: 'boolean', baseUrl: 'string', limit: 'string', color: 'boolean', json: 'boolean'} as const;

describe('parseCommandLine', () => {
	it('gives the command and camelCase flags; the last of a repeated flag wins', () => {
		const parsed = parseCommandLine(['list', '--base-url', 'https://x', '--limit=5', '--demo', '--limit', '7'], spec);
		expect(parsed.input).toEqual(['list']);
		expect(parsed.flags).toEqual({baseUrl: 'https://x', limit: '7', demo: true});
		expect(parsed.problem).toBeUndefined();
		expect(parsed.help).toBe(false);
	});

	it('takes --no-NAME for booleans and leaves flags not given undefined', () => {
		const parsed = parseCommandLine(['--no-color'], spec);
		expect(parsed.flags).toEqual({color: false});
		expect(parsed.flags['json']).toBeUndefined();
	});

	it('keeps values that look like other things as values', () => {
		expect(parseCommandLine(['--base-url=http://h/--demo'], spec).flags).toEqual({baseUrl: 'http://h/--demo'});
		expect(parseCommandLine(['list', '--', '--demo'], spec).input).toEqual(['list', '--demo']);
	});

	it('reports a string flag without a value and a boolean with one, first problem first', () => {
		expect(parseCommandLine(['--limit'], spec).problem).toBe('--limit needs a value');
		expect(parseCommandLine(['--limit', '--demo'], spec).problem).toBe('--limit needs a value');
		expect(parseCommandLine(['--json=no', '--limit'], spec).problem).toBe('--json takes no value');
	});

	it('leaves unknown flags to the caller and notes --help and --version', () => {
		const parsed = parseCommandLine(['--frobnicate', 'x', '--help', '--version'], spec);
		expect(parsed.flags).toEqual({});
		expect(parsed.help).toBe(true);
		expect(parsed.version).toBe(true);
	});
});
