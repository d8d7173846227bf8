// Bundles the CLI (one entry, with lazily loaded chunks): unbundled Ink loads ~550 modules and
// starts in ~950 ms; the bundle starts in ~400 ms. react-devtools-core is an optional Ink import
// used only in development.
import {readFileSync} from 'node:fs';
import {build} from 'esbuild';

/**
 * A plugin that puts a wrapper module in front of a dependency: every import of `filter` gets
 * `contentsOf(realPath)`, which imports the real module itself (the second resolution passes).
 */
const wrapModule = (name, filter, contentsOf) => ({
	name,
	setup(build) {
		build.onResolve({filter}, async (args) => {
			if (args.pluginData?.real) return undefined;
			const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: {real: true}});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: name};
		});
		build.onLoad({filter: /.*/, namespace: name}, (args) => ({contents: contentsOf(JSON.stringify(args.path)), resolveDir: '.', loader: 'js'}));
	},
});

// Ink measures every line (widest-line) and every styled character (its Output) with string-width,
// which segments graphemes and runs an emoji regex each call: a third of the explorer's CPU per
// frame, mostly on the same lines as the frame before. So: printable ASCII (once colour codes are
// set aside) is one cell per character in every version; anything else is remembered per string.
// Either way the answer is the one the importer's own version gives.
const asciiFastStringWidth = wrapModule('ascii-fast-string-width', /^string-width$/, (path) => `import stringWidth from ${path};
const printableAscii = /^[\\x20-\\x7e]*$/;
const sgr = /\\x1b\\[[0-9;]*m/g;
const known = new Map();
export default function asciiFastStringWidth(text, options) {
	if (typeof text !== 'string' || options !== undefined) return stringWidth(text, options);
	const plain = text.includes('\\x1b') ? text.replace(sgr, '') : text;
	if (printableAscii.test(plain)) return plain.length;
	let width = known.get(text);
	if (width === undefined) {
		if (known.size >= 4096) known.clear();
		width = stringWidth(text);
		known.set(text, width);
	}
	return width;
}`);

// Ink's Output turns every line of every frame into styled characters (tokenize, then
// styledCharsFromTokens): the largest cost of a frame once string-width is fast, and nearly all of
// it on lines the previous frame had too. Both are pure and Ink only reads what they return, so the
// bundle remembers them for the lines of the last few frames.
const memoAnsiTokenize = wrapModule('memo-ansi-tokenize', /^@alcalzone\/ansi-tokenize$/, (path) => `import {styledCharsFromTokens as charsOf, tokenize as tokensOf} from ${path};
export * from ${path};
const tokensByLine = new Map();
const charsByTokens = new WeakMap();
export function tokenize(text, endChar) {
	if (endChar !== undefined) return tokensOf(text, endChar);
	let tokens = tokensByLine.get(text);
	if (tokens === undefined) {
		if (tokensByLine.size >= 256) tokensByLine.clear();
		tokens = tokensOf(text);
		tokensByLine.set(text, tokens);
	}
	return tokens;
}
export function styledCharsFromTokens(tokens) {
	let chars = charsByTokens.get(tokens);
	if (chars === undefined) {
		chars = charsOf(tokens);
		charsByTokens.set(tokens, chars);
	}
	return chars;
}`);

await build({
	entryPoints: ['source/cli.tsx'],
	outdir: 'dist',
	bundle: true,
	// Code splitting keeps Ink and React out of `list` and `health`: they load only with the explorer.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	// Less to read and parse at start-up; the linked source maps keep stack traces readable.
	minify: true,
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
	plugins: [asciiFastStringWidth, memoAnsiTokenize],
});
