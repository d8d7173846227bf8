import {EventEmitter} from 'node:events';
import {describe, expect, it, vi} from 'vitest';
import {enterAlternateScreen, osc52, restoreSequence, takeOverTerminal} from '../../source/terminal.js';

const fakes = () => {
	const written: string[] = [];
	const stdout = {write: (data: string) => written.push(data)};
	const stdin = {isTTY: true, isRaw: true, setRawMode: vi.fn((mode: boolean) => (stdin.isRaw = mode))};
	const proc = Object.assign(new EventEmitter(), {pid: 4242, kill: vi.fn()});
	return {written, stdout, stdin, proc};
};

describe('terminal guard', () => {
	it('enters the alternate screen and restores once, however often asked', () => {
		const {written, stdout, stdin, proc} = fakes();
		const guard = takeOverTerminal({stdout, stdin, process: proc, onSignal: () => {}, onCrash: () => {}});
		expect(written[0]).toContain(enterAlternateScreen);
		guard.restore();
		guard.restore();
		proc.emit('exit');
		expect(written.filter((data) => data === restoreSequence)).toHaveLength(1);
		expect(stdin.setRawMode).toHaveBeenCalledWith(false);
		guard.dispose();
		expect(proc.listenerCount('SIGTERM')).toBe(0);
	});

	it('restores on SIGTERM and SIGHUP after asking the app to end', () => {
		for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
			const {written, stdout, stdin, proc} = fakes();
			const onSignal = vi.fn();
			const guard = takeOverTerminal({stdout, stdin, process: proc, onSignal, onCrash: () => {}, graceMs: 10_000});
			proc.emit(signal);
			expect(onSignal).toHaveBeenCalledWith(signal);
			expect(written).toContain(restoreSequence);
			guard.dispose();
		}
	});

	it('restores before reporting a crash', () => {
		const {written, stdout, stdin, proc} = fakes();
		const onCrash = vi.fn(() => expect(written).toContain(restoreSequence));
		const guard = takeOverTerminal({stdout, stdin, process: proc, onSignal: () => {}, onCrash});
		proc.emit('uncaughtException', new Error('boom'));
		expect(onCrash).toHaveBeenCalledOnce();
		guard.dispose();
	});

	it('survives a terminal that is gone (SIGHUP: writes throw)', () => {
		const {stdin, proc} = fakes();
		const stdout = {
			write: () => {
				throw new Error('EIO');
			},
		};
		const guard = takeOverTerminal({stdout, stdin, process: proc, onSignal: () => {}, onCrash: () => {}});
		expect(() => guard.restore()).not.toThrow();
		guard.dispose();
	});
});

describe('OSC 52', () => {
	it('encodes the text in base64, and wraps it for tmux and screen', () => {
		expect(osc52('1200345')).toBe(`\u001B]52;c;${Buffer.from('1200345').toString('base64')}\u0007`);
		const tmux = osc52('abc', {TMUX: '/tmp/tmux-1000/default,1,0'});
		expect(tmux).toContain('\u001BPtmux;\u001B\u001B]52;c;YWJj\u0007\u001B\\');
		expect(osc52('abc', {STY: '1.pts'})).toBe('\u001BP\u001B]52;c;YWJj\u0007\u001B\\');
	});
});
