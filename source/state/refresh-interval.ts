// `--refresh SECONDS`: how often the explorer reloads the page on its own (off by default).
import {UsageError} from '../config.js';

export const minRefreshSeconds = 1;
export const maxRefreshSeconds = 3600;

/** The flag's value in milliseconds; undefined (no auto-refresh) when absent, "0" or "off". */
export const parseRefreshFlag = (value: string | undefined): number | undefined => {
	if (value === undefined) return undefined;
	const text = value.trim().toLowerCase();
	if (text === '0' || text === 'off') return undefined;
	const seconds = Number(text);
	if (text === '' || !Number.isFinite(seconds) || seconds < minRefreshSeconds || seconds > maxRefreshSeconds) {
		throw new UsageError(
			`--refresh must be a number of seconds from ${minRefreshSeconds} to ${maxRefreshSeconds} (or 0 / off), not "${value}"`,
		);
	}
	return Math.round(seconds * 1000);
};
