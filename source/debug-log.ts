// --debug-log FILE: one line per request and response, for a support engineer to attach to a
// ticket. Headers are never written, and every line is passed through redaction of the key.
import {appendFileSync, openSync, closeSync} from 'node:fs';
import {redact} from './api/text.js';

export type DebugLog = {
	readonly write: (message: string) => void;
};

export const openDebugLog = (path: string, secrets: ReadonlyArray<string | undefined>): DebugLog => {
	// Created private: the log names company ids and request ids.
	closeSync(openSync(path, 'a', 0o600));
	return {
		write(message) {
			const line = `${new Date().toISOString()} ${redact(message, secrets).replace(/[\r\n]+/g, ' ')}\n`;
			try {
				appendFileSync(path, line);
			} catch {
				// A debug log must never break the tool.
			}
		},
	};
};
