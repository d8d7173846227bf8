// Runs the built CLI as a child process (no terminal), as scripts and monitoring do.
import {spawn} from 'node:child_process';
import {cliPath} from './pty.js';

export type CliResult = {readonly code: number | null; readonly stdout: string; readonly stderr: string; readonly ms: number};

export const runCli = (
	args: readonly string[],
	{env = {}, timeoutMs = 30_000}: {env?: Record<string, string | undefined>; timeoutMs?: number} = {},
): Promise<CliResult> =>
	new Promise((resolve, reject) => {
		const started = Date.now();
		const merged: Record<string, string> = {};
		for (const [name, value] of Object.entries({...process.env, ROOTFI_API_KEY: undefined, ...env})) {
			if (value !== undefined) merged[name] = value;
		}
		const child = spawn(process.execPath, [cliPath, ...args], {env: merged, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`rootfi-tui ${args.join(' ')} did not finish in ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({code, stdout, stderr, ms: Date.now() - started});
		});
	});
