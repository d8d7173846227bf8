// `npm run bench:profile [move|flip|start] [FUNCTION]`: runs one bench scenario with the explorer
// under --cpu-prof and prints where its CPU went, by function (self time), by caller and by package;
// with FUNCTION, only the time spent under calls of a function of that name (e.g. renderer). The CLI is
// bundled unminified for this (dist/bench/profile-cli/), so the names are the sources' own.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {SourceMap} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import process from 'node:process';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import type {BenchServerInfo} from './server.js';
import {startTerminal} from './terminal.js';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, 'profile-cli/cli.js');
const scenario = process.argv[2] ?? 'move';
// Several names (comma-separated): the time under each is printed, and the tables cover the first.
const underNames = process.argv[3]?.split(',') ?? [];
const under = underNames[0];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ProfileNode = {
	id: number;
	callFrame: {functionName: string; url: string; lineNumber: number; columnNumber: number};
	children?: number[];
};
type Profile = {nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]};

// The bundle's source maps say which file of which package each sampled line came from.
const maps = new Map<string, SourceMap | undefined>();
const originOf = (url: string, line: number, column: number): {source: string; line: number} => {
	if (!url.startsWith('file://')) return {source: url, line};
	const path = fileURLToPath(url);
	if (!maps.has(path)) maps.set(path, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined);
	const entry = maps.get(path)?.findEntry(line, column);
	return entry && 'originalSource' in entry ? {source: entry.originalSource, line: entry.originalLine} : {source: path, line};
};

const packageOf = (url: string): string => {
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (match) return match[1]!;
	if (url.includes('/source/')) return 'rootfi-tui';
	return url === '' ? '(native or idle)' : url.startsWith('node:') ? 'node' : url;
};

const server = spawn(process.execPath, [join(here, 'server.js')], {stdio: ['ignore', 'pipe', 'inherit']});
const info = JSON.parse(await new Promise<string>((resolve) => createInterface({input: server.stdout}).once('line', resolve))) as BenchServerInfo;
const profileDir = mkdtempSync(join(tmpdir(), 'rootfi-profile-'));
const configHome = mkdtempSync(join(tmpdir(), 'rootfi-bench-'));
const limit = scenario === 'move' ? ['--limit', '500'] : [];
const term = startTerminal({
	cli,
	args: ['--base-url', info.url, ...limit],
	cols: 80,
	rows: 24,
	env: {ROOTFI_API_KEY: 'bench', ROOTFI_BASE_URL: undefined, ROOTFI_PROFILE: undefined, XDG_CONFIG_HOME: configHome},
	nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=200'],
});
await term.waitFor((lines) => lines.some((line) => line.startsWith('›')));
await term.settle(300);
if (scenario === 'move') {
	for (let index = 1; index <= 200; index++) {
		await sleep(40);
		term.write('j');
	}
} else if (scenario === 'flip') {
	// Each flip to a page not shown before, once its prefetch has landed.
	for (let index = 1; index <= 30; index++) {
		await sleep(300);
		term.write('n');
	}
}
await term.settle(300);
await term.kill();
server.kill('SIGTERM');

const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile was written');
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile;
const selfUs = new Map<number, number>();
profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const parentOf = new Map<number, ProfileNode>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
const nameOf = (node: ProfileNode): string => {
	const {functionName, url, lineNumber, columnNumber} = node.callFrame;
	const origin = originOf(url, lineNumber, columnNumber);
	return `${functionName || '(anonymous)'} ${origin.source.replace(/^.*node_modules\//, '').replace(/^.*\/source\//, 'source/')}:${origin.line + 1}`;
};
/** Self time by function, and by its caller, to tell who asks for the costly work. */
const callers = new Map<string, Map<string, number>>();
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
const isUnder = (node: ProfileNode, name = under): boolean => {
	for (let at: ProfileNode | undefined = node; at; at = parentOf.get(at.id)) if (at.callFrame.functionName === name) return true;
	return false;
};
const underEach = underNames.map((name) => {
	let us = 0;
	for (const node of profile.nodes) if (isUnder(node, name)) us += selfUs.get(node.id) ?? 0;
	return `${name}() ${(us / 1000).toFixed(1)} ms`;
});
let total = 0;
for (const node of profile.nodes) {
	const us = under === undefined || isUnder(node) ? (selfUs.get(node.id) ?? 0) : 0;
	const {functionName, url, lineNumber, columnNumber} = node.callFrame;
	if (functionName === '(idle)' || functionName === '(program)' || us === 0) continue;
	total += us;
	const origin = originOf(url, lineNumber, columnNumber);
	const name = nameOf(node);
	byFunction.set(name, (byFunction.get(name) ?? 0) + us);
	const parent = parentOf.get(node.id);
	const caller = parent ? nameOf(parent) : '(root)';
	const seen = callers.get(name) ?? new Map<string, number>();
	seen.set(caller, (seen.get(caller) ?? 0) + us);
	callers.set(name, seen);
	byPackage.set(packageOf(origin.source), (byPackage.get(packageOf(origin.source)) ?? 0) + us);
}
const top = (map: Map<string, number>, count: number) =>
	[...map.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.map(([name, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`)
		.join('\n');
const calledBy = [...byFunction.entries()]
	.sort((a, b) => b[1] - a[1])
	.slice(0, 12)
	.map(([name]) => `${name}\n${top(callers.get(name) ?? new Map(), 3).replace(/^/gm, '    ')}`)
	.join('\n');
process.stdout.write(
	`scenario ${scenario}${under ? ` under ${under}()` : ''}: ${(total / 1000).toFixed(0)} ms of CPU (not idle)\n${underEach.length > 1 ? `${underEach.join(', ')}\n` : ''}\nby package\n${top(byPackage, 12)}\n\nby function (self)\n${top(byFunction, 40)}\n\ncallers of the top functions\n${calledBy}\n`,
);
