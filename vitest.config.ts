import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		exclude: ['test/bench/**', 'node_modules/**'],
		// Child processes and pseudo-terminals: forks isolate native handles (node-pty) cleanly.
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
