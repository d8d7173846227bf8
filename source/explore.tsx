// Starts the interactive explorer. A placeholder until the explorer screens land.
import {Text, render} from 'ink';
import type {Config} from './config.js';
import type {Session} from './session.js';

export const runExplorer = async (_config: Config, session: Session): Promise<number> => {
	const instance = render(<Text>rootfi-tui explorer · {session.label} · press Ctrl-C to quit</Text>);
	await instance.waitUntilExit();
	return 0;
};
