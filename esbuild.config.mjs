// Bundles the CLI (one entry, with lazily loaded chunks): unbundled Ink loads ~550 modules and
// starts in ~950 ms; the bundle starts in ~400 ms. react-devtools-core is an optional Ink import
// used only in development.
import {existsSync, readFileSync, rmSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {build} from 'esbuild';

/**
 * A plugin that puts a wrapper module in front of a dependency: every import of `filter` gets
 * `contentsOf(realPath)`, which imports the real module itself (the second resolution passes).
 */
const wrapModule = (name, filter, contentsOf, importer = /./) => ({
	name,
	setup(build) {
		build.onResolve({filter}, async (args) => {
			if (args.pluginData?.real || !importer.test(args.importer)) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: name};
		});
		build.onLoad({filter: /.*/, namespace: name}, (args) => ({contents: contentsOf(args.path), resolveDir: '.', loader: 'js'}));
	},
});

// Ink measures every line (widest-line) and every styled character (its Output) with string-width,
// which segments graphemes and runs an emoji regex each call: a third of the explorer's CPU per
// frame, mostly on the same lines as the frame before. Loading it also costs ~20 ms of start-up
// (an Intl.Segmenter and the RGI_Emoji regex, built at import and compiled at first use). So:
// text made only of characters that are one cell wide alone and next to anything (printable
// ASCII, Latin-1, punctuation, arrows, box drawing, shapes, braille and the marks the explorer
// draws; source/text-width.ts lists them and test/text-width.test.ts checks each against string-width)
// is one cell per character, and string-width itself loads at the first other text, whose widths
// are remembered per string. Either way the answer is the one the importer's own version gives.
const asciiFastStringWidth = wrapModule('ascii-fast-string-width', /^string-width$/, (path) => `import {isOneCellText} from ${JSON.stringify(resolve('source/text-width.ts'))};
let real;
const load = () => (real ??= require(${JSON.stringify(path)}).default);
const sgr = /\\x1b\\[[0-9;]*m/g;
const known = new Map();
export default function fastStringWidth(text, options) {
	if (typeof text !== 'string' || options !== undefined) return load()(text, options);
	const plain = text.includes('\\x1b') ? text.replace(sgr, '') : text;
	if (isOneCellText(plain)) return plain.length;
	let width = known.get(text);
	if (width === undefined) {
		if (known.size >= 4096) known.clear();
		width = load()(text);
		known.set(text, width);
	}
	return width;
}`);

// Ink's Output turns every line of every frame into styled characters (tokenize, then
// styledCharsFromTokens) and back (styledCharsToString): the largest cost of a frame once
// string-width is fast. source/ink/fast-ansi-tokenize.ts gives the same answers faster for the
// text the explorer draws; and as both halves are pure and Ink only reads what they return, the
// bundle remembers them for the lines of the last few frames.
const memoAnsiTokenize = wrapModule('memo-ansi-tokenize', /^@alcalzone\/ansi-tokenize$/, (path) => `import * as real from ${JSON.stringify(path)};
import {fastAnsiTokenize} from ${JSON.stringify(resolve('source/ink/fast-ansi-tokenize.ts'))};
export * from ${JSON.stringify(path)};
const fast = fastAnsiTokenize(real);
export const styledCharsToString = fast.styledCharsToString;
const tokensByLine = new Map();
const charsByTokens = new WeakMap();
export function tokenize(text, endChar) {
	if (endChar !== undefined) return fast.tokenize(text, endChar);
	let tokens = tokensByLine.get(text);
	if (tokens === undefined) {
		if (tokensByLine.size >= 256) tokensByLine.clear();
		tokens = fast.tokenize(text);
		tokensByLine.set(text, tokens);
	}
	return tokens;
}
export function styledCharsFromTokens(tokens) {
	let chars = charsByTokens.get(tokens);
	if (chars === undefined) {
		chars = fast.styledCharsFromTokens(tokens);
		charsByTokens.set(tokens, chars);
	}
	return chars;
}`);

// Ink's Output rebuilds every row of the screen on every frame; source/ink/row-memo-output.ts does
// exactly what it does but builds only the rows whose writes changed. It copies Ink 6.6.0's
// clipping code, so the build stops on another version until that copy has been reviewed.
const inkVersion = JSON.parse(readFileSync('node_modules/ink/package.json', 'utf8')).version;
if (inkVersion !== '6.6.0') throw new Error(`ink ${inkVersion}: review source/ink/row-memo-output.ts against its output.js, then this check`);
// The fast ways (source/ink/fast-ansi-tokenize.ts, row-memo-output.ts) answer as ansi-tokenize 0.2.5
// does, and must be the one copy Ink uses too.
const tokenizeVersion = JSON.parse(readFileSync('node_modules/@alcalzone/ansi-tokenize/package.json', 'utf8')).version;
if (tokenizeVersion !== '0.2.5' || existsSync('node_modules/ink/node_modules/@alcalzone/ansi-tokenize')) {
	throw new Error(`@alcalzone/ansi-tokenize ${tokenizeVersion} (or a second copy under ink): review source/ink/fast-ansi-tokenize.ts, then this check`);
}
const rowMemoInkOutput = wrapModule(
	'row-memo-ink-output',
	/^\.\/output\.js$/,
	(path) => `import InkOutput from ${JSON.stringify(path)};
import {rowMemoOutput} from ${JSON.stringify(resolve('source/ink/row-memo-output.ts'))};
export default rowMemoOutput(InkOutput);`,
	/[/\\]node_modules[/\\]ink[/\\]build[/\\]renderer\.js$/,
);

// Ink lays out with yoga-layout, whose Emscripten loader reaches its WebAssembly (a base64 data: URL
// in the loader) through fetch(): that loads Node's fetch implementation, decodes the base64 in
// JavaScript and instantiates asynchronously, ~30 ms of start-up against ~1 ms to compile the same
// 70 KB synchronously. The wrapper is yoga-layout's own index.js, except that it hands the loader
// the decoded bytes through Emscripten's instantiateWasm hook. The build stops if either file no
// longer has the shape this relies on.
const yogaSyncInstantiate = wrapModule('yoga-sync-instantiate', /^yoga-layout$/, (index) => {
	const src = dirname(index);
	const loader = join(src, '../binaries/yoga-wasm-base64-esm.js');
	const base64 = /["']data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)["']/.exec(readFileSync(loader, 'utf8'))?.[1];
	if (!readFileSync(index, 'utf8').includes('wrapAssembly(await loadYoga())') || !base64) {
		throw new Error(`yoga-layout changed shape (${index}): review yogaSyncInstantiate in esbuild.config.mjs`);
	}
	return `import loadYoga from ${JSON.stringify(loader)};
import wrapAssembly from ${JSON.stringify(join(src, 'wrapAssembly.js'))};
export * from ${JSON.stringify(join(src, 'generated/YGEnums.js'))};
const wasm = Buffer.from(${JSON.stringify(base64)}, 'base64');
const instantiateWasm = (imports, receive) => {
	receive(new WebAssembly.Instance(new WebAssembly.Module(wasm), imports));
	return {};
};
export default wrapAssembly(await loadYoga({instantiateWasm}));`;
});

// `npm run bench:profile` builds an unminified copy of its own, so that a profile names functions.
const forProfile = process.env.ROOTFI_BUILD_FOR_PROFILE === '1';

// Chunk names carry a content hash: without this, every build would leave the last one's behind.
const outdir = forProfile ? 'dist/bench/profile-cli' : 'dist';
rmSync(join(outdir, 'chunks'), {recursive: true, force: true});

await build({
	entryPoints: ['source/cli.tsx'],
	outdir,
	bundle: true,
	// Code splitting keeps Ink and React out of `list` and `health`: they load only with the explorer.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	// Less to read and parse at start-up; the linked source maps keep stack traces readable.
	minify: !forProfile,
	sourcemap: 'linked',
	legalComments: 'none',
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"', ROOTFI_TUI_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version)},
	alias: {'react-devtools-core': './source/devtools-stub.ts'},
	// signal-exit and other dependencies are CommonJS and call require().
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);",
	},
	external: ['node-pty'],
	plugins: [asciiFastStringWidth, memoAnsiTokenize, yogaSyncInstantiate, rowMemoInkOutput],
});
