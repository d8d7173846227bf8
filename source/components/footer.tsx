// Bottom two lines: what is happening (loading, stale, copied, updated 12s ago) and the key hints
// of the active scopes, read from the keymap.
import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import stringWidth from 'string-width';
import {formatDuration} from '../format.js';
import {toneProps, useTheme} from '../theme.js';
import {LineView, type Line} from './line.js';
import {Spinner} from './spinner.js';

export type Hint = {readonly key: string; readonly hint: string};

/** As many hints as fit; the help hint always stays, so every key can be found. */
export const fitHints = (hints: readonly Hint[], width: number): Hint[] => {
	const help = hints.find((hint) => hint.key === '?');
	const others = hints.filter((hint) => hint !== help);
	const cost = (hint: Hint) => stringWidth(`${hint.key} ${hint.hint}`) + 2;
	let room = width - (help ? cost(help) : 0);
	const out: Hint[] = [];
	for (const hint of others) {
		if (cost(hint) > room) break;
		out.push(hint);
		room -= cost(hint);
	}
	if (help) out.push(help);
	return out;
};

/** How long ago, in steps: every 5 s in the first minute, then every minute. */
export const ageText = (ms: number): string =>
	ms < 60_000 ? `${Math.floor(ms / 5000) * 5}s` : formatDuration(Math.floor(ms / 60_000) * 60_000);

/** Milliseconds until ageText(ms) next changes. */
const untilNextStep = (ms: number): number => (ms < 60_000 ? 5000 - (ms % 5000) : 60_000 - (ms % 60_000));

// Each redraw of the footer costs some 400 bytes at 200x60 (Ink walks the cursor over every line
// to reach it), so the age moves in steps and the footer wakes only when its text changes.
const useAge = (since: number | undefined, clock: () => number): number | undefined => {
	const [, setWakes] = useState(0);
	const age = since === undefined ? undefined : Math.max(0, clock() - since);
	useEffect(() => {
		if (age === undefined) return;
		const timer = setTimeout(() => setWakes((count) => count + 1), untilNextStep(age) + 1);
		return () => clearTimeout(timer);
	});
	return age;
};

type Props = {
	readonly status: Line;
	readonly busy?: string | undefined;
	/** When the shown page arrived: the footer says "updated 12s ago". */
	readonly updatedAt: number | undefined;
	/** Text after the age, e.g. " · auto 30s". */
	readonly suffix?: string;
	readonly hints: readonly Hint[];
	readonly width: number;
	readonly clock?: () => number;
};

// The footer keeps its own clock: only these two lines redraw as the age moves, not the table.
export const Footer = ({status, busy, updatedAt, suffix = '', hints, width, clock = Date.now}: Props) => {
	const theme = useTheme();
	const age = useAge(updatedAt, clock);
	const right = (age === undefined ? '' : `updated ${ageText(age)} ago`) + suffix;
	const rightWidth = stringWidth(right);
	const busyWidth = busy === undefined ? 0 : stringWidth(busy) + 3;
	const statusWidth = Math.max(1, width - rightWidth - busyWidth - 1);
	return (
		<Box flexDirection="column" width={width} height={2}>
			<Box width={width} height={1}>
				{busy === undefined ? null : (
					<Box marginRight={1} flexShrink={0}>
						<Spinner label={busy} />
					</Box>
				)}
				<Box flexGrow={1}>
					<LineView line={status} width={statusWidth} />
				</Box>
				<Text {...toneProps(theme.text.muted)}>{right}</Text>
			</Box>
			<Text wrap="truncate-end">
				{fitHints(hints, width).map((hint, index) => (
					<Text key={hint.key + index}>
						{index === 0 ? '' : '  '}
						<Text {...toneProps(theme.text.key)}>{hint.key}</Text>
						<Text {...toneProps(theme.text.muted)}>{` ${hint.hint}`}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
};
