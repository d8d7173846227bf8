// The explorer's health screen: the same verdict, reasons and per-model table as the command
// (computed by the same code), over the demo API; h opens it from the list and Esc comes back.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {listSyncs} from '../../source/api/syncs.js';
import {createRootfiClient} from '../../source/api/client.js';
import {resolveConfig, type Config} from '../../source/config.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {checkCompany} from '../../source/health/check.js';
import {pageReader} from '../../source/health/gather.js';
import {defaultHealthSettings} from '../../source/health/options.js';
import {renderHealthText} from '../../source/health/render.js';
import type {FetchPage} from '../../source/hooks/use-sync-page.js';
import {HealthScreen, healthLines} from '../../source/screens/health-screen.js';
import type {Session} from '../../source/session.js';
import {noColorTheme} from '../../source/theme.js';
import {renderTui} from '../explorer/render-tui.js';
import {assessHealth} from '../../source/health/verdict.js';
import {hours, input, minutes, sync} from './fixtures.js';

let server: DemoServer;
let session: Session;
let config: Config;

beforeAll(async () => {
	server = await startDemoServer();
	session = {
		client: createRootfiClient({baseUrl: server.url, apiKey: 'demo'}),
		label: `DEMO ${server.url}`,
		demo: true,
		close: async () => {},
	};
	config = resolveConfig({demo: true}, {}, {demoWhenNoKey: true, profiles: undefined});
});
afterAll(() => server.close());

const lineText = (line: ReturnType<typeof healthLines>[number]) => line.map((segment) => segment.text).join('');

describe('healthLines', () => {
	it('shows what the command prints, line for line, in the parts they share', () => {
		const report = assessHealth(
			input([sync(minutes(30), [['ACCOUNTS', 'SUCCESS'], ['INVOICES', 'FAILED']]), sync(hours(3), [['BILLS', 'RUNNING']], {end_time: null})]),
		);
		const screen = healthLines(report, 100, noColorTheme).map(lineText).map((line) => line.trimEnd());
		const command = renderHealthText(report, {color: false, width: 100}).split('\n');
		expect(screen[0]).toBe('▲ DEGRADED  company 101 · 4 reasons');
		// Reasons, connection, window and the table are the same text.
		for (const line of command.slice(1, command.indexOf(''))) expect(screen).toContain(line);
		for (const line of command.filter((l) => /^(DATA MODEL|ACCOUNTS|BILLS|INVOICES) /.test(l))) expect(screen).toContain(line);
		expect(screen).toContain(command.find((l) => l.startsWith('request_id')));
	});
});

describe('HealthScreen over the demo API', () => {
	it('company 102: the same verdict and reasons as the command', async () => {
		const expected = await checkCompany(102, {read: pageReader(session.client), settings: defaultHealthSettings, now: Date.now()});
		const tui = renderTui(
			<HealthScreen session={session} companyId={102} config={config} width={100} height={40} onBack={() => {}} />,
			{columns: 100, rows: 41},
		);
		const frame = await tui.waitFor('DEGRADED', 5000);
		expect(expected.verdict).toBe('DEGRADED');
		expect(frame).toMatch(/▲ DEGRADED {2}company 102 · 2 reasons/);
		for (const reason of expected.reasons) expect(frame).toContain(reason.message);
		expect(frame).toMatch(/INVOICES +✖ FAILED/);
		expect(frame).toMatch(/request_id [0-9a-f-]{36}/);
		tui.unmount();
	});

	it('company 103: UNHEALTHY, naming the EXPIRED connection; scrolls when taller than the screen', async () => {
		const tui = renderTui(
			<HealthScreen session={session} companyId={103} config={config} width={90} height={12} onBack={() => {}} />,
			{columns: 90, rows: 13},
		);
		const frame = await tui.waitFor('UNHEALTHY', 5000);
		expect(frame).toContain('✖ connection is EXPIRED');
		expect(frame).toMatch(/-- lines 1-11 of \d+ · j\/k scroll · Esc back --/);
		await tui.press('detail.down', 3);
		expect(tui.frame()).toMatch(/-- lines 4-14 of/);
		tui.unmount();
	});

	it('an API that cannot be reached says so, with the reason', async () => {
		const dead: Session = {...session, client: createRootfiClient({baseUrl: 'http://127.0.0.1:1', apiKey: 'demo'})};
		const tui = renderTui(
			<HealthScreen session={dead} companyId={101} config={{...config, timeoutMs: 500}} width={90} height={10} onBack={() => {}} />,
			{columns: 90, rows: 11},
		);
		const frame = await tui.waitFor('UNKNOWN', 8000);
		expect(frame).toContain('Cannot reach RootFi');
		tui.unmount();
	});
});

describe('in the explorer', () => {
	it('h opens the health of the company under the cursor, Esc returns to the same row', async () => {
		const fetchPage: FetchPage = (query, signal) => listSyncs(session.client, query, {signal, timeoutMs: 5000});
		const tui = renderTui(<App config={config} session={session} fetchPage={fetchPage} copy={() => {}} />, {columns: 110, rows: 30});
		await tui.waitFor(/request_id|page 1/, 5000);
		await tui.press('nav.down', 2);
		const before = tui.frame();
		await tui.press('health.open');
		const frame = await tui.waitFor(/(HEALTHY|DEGRADED|UNHEALTHY) {2}company \d+/, 5000);
		expect(frame).toContain('DATA MODEL');
		await tui.press('nav.back');
		await tui.waitFor((text) => !text.includes('DATA MODEL'), 3000);
		// The list is back with the cursor where it was (the relative times may have ticked).
		const strip = (text: string) => text.replace(/\d+[smhd]( ago)?/g, '');
		expect(strip(tui.frame())).toBe(strip(before));
		tui.unmount();
	});

	it('r on the health screen runs the check again', async () => {
		const healthReads: string[] = [];
		const counting: typeof fetch = (input, init) => {
			const url = input instanceof Request ? input.url : String(input);
			if (url.includes('company_id=')) healthReads.push(url);
			return fetch(input, init);
		};
		const watched: Session = {...session, client: createRootfiClient({baseUrl: server.url, apiKey: 'demo', fetch: counting})};
		const fetchPage: FetchPage = (query, signal) => listSyncs(watched.client, query, {signal, timeoutMs: 5000});
		const tui = renderTui(<App config={config} session={watched} fetchPage={fetchPage} copy={() => {}} />, {columns: 110, rows: 40});
		await tui.waitFor(/page 1/, 5000);
		await tui.press('health.open');
		await tui.waitFor(/(HEALTHY|DEGRADED|UNHEALTHY) {2}company \d+/, 5000);
		const before = healthReads.length;
		expect(before).toBeGreaterThan(0);
		await tui.press('app.refresh');
		await tui.waitFor(() => healthReads.length > before, 5000);
		const frame = await tui.waitFor(/(HEALTHY|DEGRADED|UNHEALTHY) {2}company \d+/, 5000);
		expect(frame).toContain('DATA MODEL');
		tui.unmount();
	});
});
