import {describe, expect, it} from 'vitest';
import {parseBaseUrl, resolveConfig, UsageError} from '../source/config.js';

const resolve = (flags: Parameters<typeof resolveConfig>[0], env: Record<string, string> = {}, demoWhenNoKey = false) =>
	resolveConfig(flags, env, {demoWhenNoKey});

const usage = (run: () => unknown): string => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		return (error as Error).message;
	}
	throw new Error('expected a usage error');
};

describe('resolveConfig', () => {
	it('reads the key and base URL from the environment', () => {
		const config = resolve({}, {ROOTFI_API_KEY: 'k-1234', ROOTFI_BASE_URL: 'https://eu.example.com/'});
		expect(config.source).toEqual({kind: 'api', apiKey: 'k-1234', baseUrl: 'https://eu.example.com'});
		expect(config.query).toEqual({limit: 25, offset: 0});
	});

	it('defaults to the RootFi API', () => {
		expect(resolve({}, {ROOTFI_API_KEY: 'k-1234'}).source).toMatchObject({baseUrl: 'https://api.rootfi.dev'});
	});

	it('uses the demo API with --demo, or in the explorer when no key is set', () => {
		expect(resolve({demo: true}, {ROOTFI_API_KEY: 'k-1234'}).source).toEqual({kind: 'demo'});
		expect(resolve({}, {}, true).source).toEqual({kind: 'demo'});
	});

	it('refuses to run a script with no key and no --demo', () => {
		expect(usage(() => resolve({}))).toMatch(/no API key: set ROOTFI_API_KEY/);
	});

	it('warns that --api-key shows in the process list', () => {
		expect(resolve({apiKey: 'k-1234'}).warnings.join()).toMatch(/process list/);
	});

	it('builds the query from filters and paging flags', () => {
		const config = resolve({demo: true, company: '102', jobType: 'pull', limit: '5', offset: '10'});
		expect(config.query).toEqual({company_id: 102, job_type: 'PULL', limit: 5, offset: 10});
	});

	it.each([
		[{company: 'abc'}, /--company must be a whole number/],
		[{company: '-3'}, /--company must be a whole number/],
		[{company: '0'}, /--company must be 1 or more, not 0/],
		[{jobType: 'SIDEWAYS'}, /--job-type must be PULL or PUSH, not "SIDEWAYS"/],
		[{limit: '0'}, /--limit must be 1 to 500, not 0/],
		[{limit: '501'}, /--limit must be 1 to 500, not 501/],
		[{limit: '2.5'}, /--limit must be a whole number/],
		[{offset: '-1'}, /--offset must be a whole number/],
		[{timeout: '0'}, /--timeout must be a number of seconds/],
		[{timeout: 'soon'}, /--timeout must be a number of seconds/],
	])('rejects %o precisely', (flags, message) => {
		expect(usage(() => resolve({demo: true, ...flags}))).toMatch(message);
	});

	it('turns colour off with --no-color, NO_COLOR or TERM=dumb', () => {
		expect(resolve({demo: true}).color).toBe(true);
		expect(resolve({demo: true, color: false}).color).toBe(false);
		expect(resolve({demo: true}, {NO_COLOR: '1'}).color).toBe(false);
		expect(resolve({demo: true}, {TERM: 'dumb'}).color).toBe(false);
	});
});

describe('parseBaseUrl', () => {
	it('accepts https anywhere and http on loopback only', () => {
		expect(parseBaseUrl('https://api.rootfi.dev/', '--base-url')).toBe('https://api.rootfi.dev');
		expect(parseBaseUrl('http://127.0.0.1:4010', '--base-url')).toBe('http://127.0.0.1:4010');
		expect(parseBaseUrl('http://localhost:4010', '--base-url')).toBe('http://localhost:4010');
		expect(usage(() => parseBaseUrl('http://api.rootfi.dev', '--base-url'))).toMatch(/plain http:\/\//);
		expect(usage(() => parseBaseUrl('ftp://x', '--base-url'))).toMatch(/http\(s\) URL/);
		expect(usage(() => parseBaseUrl('not a url', '--base-url'))).toMatch(/is not a URL/);
	});
});
