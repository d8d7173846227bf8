// Bundles the CLI (one entry, with lazily loaded chunks): unbundled Ink loads ~550 modules and starts in ~950 ms; the bundle
// starts in ~400 ms. react-devtools-core is an optional Ink import used only in development.
import {build} from 'esbuild';

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
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': './source/devtools-stub.ts'},
	// signal-exit and other dependencies are CommonJS and call require().
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);",
	},
	external: ['node-pty'],
});
