// Starts the interactive explorer: the alternate screen, Ink with incremental rendering and a frame
// rate cap, and a guard that restores the terminal however it ends.
import process from 'node:process';
import {render} from 'ink';
import {App, explorerCache} from './app.js';
import {explorerIdle} from './components/prerender.js';
import type {Config} from './config.js';
import {seedFirstPage, sessionFetchPage, withFirstPage, type FirstPage} from './hooks/first-page.js';
import type {Session} from './session.js';
import {osc52, signalNumbers, takeOverTerminal, clearScreen} from './terminal.js';

export type ExplorerOptions = {
	/** Auto-refresh period (from `--refresh SECONDS`, see state/refresh-interval.ts); off when undefined. */
	readonly refreshMs?: number | undefined;
	/** The first page's request, already on its way (see hooks/first-page.ts). */
	readonly firstPage?: FirstPage | undefined;
};

/**
 * Frames per second at most: key bursts over SSH still coalesce, but a key that lands just after
 * a frame (the footer's clock tick, say) waits at most 17 ms, not 50.
 */
export const maxFps = 60;

export const runExplorer = async (config: Config, session: Session, options: ExplorerOptions = {}): Promise<number> => {
	const {stdout, stdin} = process;
	let exitCode = 0;
	let crash: unknown;
	let unmount: (error?: Error) => void = () => {};
	const guard = takeOverTerminal({
		stdout,
		stdin,
		process,
		onSignal: (signal) => {
			exitCode = 128 + signalNumbers[signal];
			unmount();
		},
		onCrash: (error) => {
			crash = error;
			unmount(error instanceof Error ? error : new Error(String(error)));
		},
	});
	const cache = explorerCache();
	const fetchPage = withFirstPage(sessionFetchPage(config, session), seedFirstPage(cache, options.firstPage));
	const copy = (text: string) => {
		stdout.write(osc52(text, process.env));
	};
	// Ink redraws only changed lines, assuming the cursor is where it left it; after a resize the
	// screen may have reflowed, so start from a clean screen (the next frame is written whole).
	let clearOnResize: (() => void) | undefined;
	const onResize = () => clearOnResize?.();
	stdout.on('resize', onResize);
	try {
		const instance = render(
			<App config={config} session={session} fetchPage={fetchPage} copy={copy} refreshMs={options.refreshMs} cache={cache} />,
			{exitOnCtrlC: false, incrementalRendering: true, maxFps, patchConsole: true, onRender: explorerIdle.frameDrawn},
		);
		unmount = (error) => instance.unmount(error);
		clearOnResize = () => {
			instance.clear();
			stdout.write(clearScreen);
		};
		await instance.waitUntilExit();
	} finally {
		stdout.off('resize', onResize);
		options.firstPage?.controller.abort();
		guard.restore();
		guard.dispose();
	}
	if (crash !== undefined) throw crash;
	return exitCode;
};
