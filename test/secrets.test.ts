import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createRootfiClient} from '../source/api/client.js';
import {listSyncs} from '../source/api/syncs.js';
import {resolveConfig, UsageError} from '../source/config.js';
import {writeCrashReport} from '../source/crash-report.js';
import {openDebugLog} from '../source/debug-log.js';
import {configPath, loadProfiles} from '../source/profiles.js';
import {pageBody, startScriptedServer, type ScriptedServer} from './helpers/scripted-server.js';

const key = 'sk_test_0123456789abcdef';
const tempDir = () => mkdtempSync(join(tmpdir(), 'rootfi-secrets-'));

const writeConfig = (mode: number, content: unknown): string => {
	const path = join(tempDir(), 'config.json');
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
	chmodSync(path, mode);
	return path;
};

describe('profiles', () => {
	it('lives under XDG_CONFIG_HOME, else ~/.config', () => {
		expect(configPath({XDG_CONFIG_HOME: '/x'})).toBe('/x/rootfi-tui/config.json');
		expect(configPath({HOME: '/home/a'})).toBe('/home/a/.config/rootfi-tui/config.json');
	});

	it('refuses a file that other users can read, naming chmod 600', () => {
		const path = writeConfig(0o644, {profiles: {default: {apiKey: key}}});
		expect(() => loadProfiles(path)).toThrow(UsageError);
		expect(() => loadProfiles(path)).toThrow(`run: chmod 600 ${path}`);
	});

	it('reads profiles from a private file and lets --profile choose', () => {
		const path = writeConfig(0o600, {
			profiles: {default: {apiKey: 'k-default'}, eu: {apiKey: 'k-eu-1234', baseUrl: 'https://eu.rootfi.example'}},
		});
		const profiles = loadProfiles(path);
		expect(resolveConfig({}, {}, {demoWhenNoKey: false, profiles}).source).toMatchObject({apiKey: 'k-default'});
		expect(resolveConfig({profile: 'eu'}, {}, {demoWhenNoKey: false, profiles}).source).toEqual({
			kind: 'api',
			apiKey: 'k-eu-1234',
			baseUrl: 'https://eu.rootfi.example',
		});
		expect(() => resolveConfig({profile: 'us'}, {}, {demoWhenNoKey: false, profiles})).toThrow(/profiles: default, eu/);
	});

	it('lets the environment beat the profile', () => {
		const profiles = loadProfiles(writeConfig(0o600, {profiles: {default: {apiKey: 'k-default'}}}));
		const config = resolveConfig({}, {ROOTFI_API_KEY: 'k-env-1234'}, {demoWhenNoKey: false, profiles});
		expect(config.source).toMatchObject({apiKey: 'k-env-1234'});
	});

	it('says what is wrong with a malformed file, without echoing it', () => {
		expect(() => loadProfiles(writeConfig(0o600, `{"profiles": {"default": {"apiKey": "${key}"`))).toThrow(/not valid JSON/);
		try {
			loadProfiles(writeConfig(0o600, `{"profiles": {"default": {"apiKey": "${key}"`));
		} catch (error) {
			expect((error as Error).message).not.toContain(key);
		}
	});

	it('returns nothing when there is no file', () => {
		expect(loadProfiles(join(tempDir(), 'absent.json'))).toBeUndefined();
	});
});

describe('debug log', () => {
	let server: ScriptedServer | undefined;
	afterEach(async () => server?.close());

	it('logs requests and responses over HTTP without the key', async () => {
		server = await startScriptedServer([
			{status: 200, body: pageBody([]), headers: {'x-request-id': 'req-42'}},
		]);
		const path = join(tempDir(), 'debug.log');
		const log = openDebugLog(path, [key]);
		const client = createRootfiClient({baseUrl: server.url, apiKey: key, log: log.write});
		await listSyncs(client, {company_id: 101});
		log.write(`a message that quotes the key ${key} by mistake`);
		const text = readFileSync(path, 'utf8');
		expect(text).toContain('-> GET');
		expect(text).toContain('company_id=101');
		expect(text).toMatch(/<- 200 GET .* x-request-id req-42/);
		expect(text).toContain('[redacted]');
		expect(text).not.toContain(key);
	});
});

describe('crash report', () => {
	it('is written to a private file without the key', () => {
		const state = tempDir();
		const path = writeCrashReport(new Error(`boom with ${key}`), {
			argv: ['node', 'cli.js', '--api-key', key],
			env: {XDG_STATE_HOME: state},
			secrets: [key],
		});
		expect(path).toMatch(new RegExp(`^${state}/rootfi-tui/crash-`));
		const text = readFileSync(path!, 'utf8');
		expect(text).toContain('boom with [redacted]');
		expect(text).not.toContain(key);
	});
});
