// Proof, with the pinned ink 6.6.0 and ink-testing-library 4.0.0, that stdin.write reaches
// useInput (and the keymap's raw listener), before any screen test relies on it.
import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {act, useState} from 'react';
import {describe, expect, it} from 'vitest';
import {useKeymap} from '../../source/keys/use-keymap.js';
import {tick} from './render-tui.js';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

const Probe = () => {
	const [seen, setSeen] = useState<string[]>([]);
	const [moves, setMoves] = useState(0);
	useInput((input) => setSeen((list) => [...list, input]));
	useKeymap(['list'], {'nav.down': () => setMoves((count) => count + 1)});
	return <Text>{`seen:${seen.join(',')} moves:${moves}`}</Text>;
};

describe('ink-testing-library stdin', () => {
	it('delivers stdin.write to useInput and to the keymap', async () => {
		const {stdin, lastFrame, unmount} = render(<Probe />);
		await act(async () => {
			await tick();
		});
		await act(async () => {
			stdin.write('j');
			await tick();
		});
		await act(async () => {
			stdin.write('x');
			await tick();
		});
		expect(lastFrame()).toContain('seen:j,x');
		expect(lastFrame()).toContain('moves:1');
		unmount();
	});

	it('splits a burst of keys in one chunk into single presses', async () => {
		const {stdin, lastFrame, unmount} = render(<Probe />);
		await act(async () => {
			await tick();
		});
		await act(async () => {
			stdin.write('jj\u001B[B');
			await tick(20);
		});
		expect(lastFrame()).toContain('moves:3');
		unmount();
	});
});
