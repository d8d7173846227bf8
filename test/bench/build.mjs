// Bundles the benchmark (TypeScript) into dist/bench/ and copies the freshly built CLI there, so a
// rebuild by someone else while the benchmark runs cannot change the program under measurement.
import {copyFile, mkdir, readFile, rm} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/bench');

await build({
	absWorkingDir: root,
	entryPoints: ['test/bench/run.ts', 'test/bench/server.ts', 'test/bench/profile.ts'],
	outdir: out,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	// node-pty is native and @xterm/headless is CommonJS; both load fine from node_modules.
	packages: 'external',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
});

// dist/chunks keeps every old chunk (esbuild never deletes), so copy only what cli.js reaches.
const snapshot = join(out, 'cli');
await rm(snapshot, {recursive: true, force: true});
const seen = new Set();
const copyReachable = async (file) => {
	if (seen.has(file)) return;
	seen.add(file);
	const target = join(snapshot, file.slice(join(root, 'dist').length + 1));
	await mkdir(dirname(target), {recursive: true});
	await copyFile(file, target);
	const text = await readFile(file, 'utf8');
	for (const match of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
		await copyReachable(resolve(dirname(file), match[1]));
	}
};
await copyReachable(join(root, 'dist/cli.js'));
process.stdout.write(`bench: bundled into ${out} (CLI snapshot: ${seen.size} files)\n`);
