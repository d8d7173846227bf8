// One terminal line made of styled segments, cut to the width: never wraps into two lines.
import chalk from 'chalk';
import {Text} from 'ink';
import {memo} from 'react';
import {toneProps, type Tone} from '../theme.js';
import {cellWidth, fitCell} from '../table.js';

export type Segment = {readonly text: string; readonly tone?: Tone | undefined};
export type Line = readonly Segment[];

export const lineText = (line: Line): string => line.map((segment) => segment.text).join('');

/** Cuts (with "…") or pads a line to exactly `width` cells, keeping segment styles. */
export const fitLine = (line: Line, width: number, pad = false): Line => {
	const out: Segment[] = [];
	let used = 0;
	for (const segment of line) {
		const room = width - used;
		if (room <= 0) break;
		const w = cellWidth(segment.text);
		if (w <= room) {
			out.push(segment);
			used += w;
		} else {
			out.push({...segment, text: fitCell(segment.text, room)});
			used = width;
		}
	}
	if (pad && used < width) out.push({text: ' '.repeat(width - used)});
	return out;
};

type Props = {
	readonly line: Line;
	readonly width: number;
	/** Drawn with this tone over every segment (the selected row). */
	readonly highlight?: Tone | undefined;
};

/**
 * `text` styled as an Ink <Text> with `toneProps(tone)` styles its children, step for step (Ink's
 * Text transform, for the named colours the theme uses), with the chalk instance Ink itself uses.
 */
export const styleText = (text: string, tone: Tone): string => {
	if (text === '') return text;
	let out = text;
	if (tone.dim) out = chalk.dim(out);
	if (tone.color) out = chalk[tone.color as 'red'](out);
	if (tone.background) out = chalk[`bg${tone.background[0]!.toUpperCase()}${tone.background.slice(1)}` as 'bgRed'](out);
	if (tone.bold) out = chalk.bold(out);
	if (tone.inverse) out = chalk.inverse(out);
	return out;
};

// One <Text> holding the styled segments rather than a <Text> for each segment: the same output
// (a test renders both), but a table row is one React element and one layout node instead of a
// dozen, which is most of the work of a frame that redraws every row (a page flip, the first frame).
// Memoised: a table redraw passes the same line objects for unchanged rows, which then skip rendering.
export const LineView = memo(({line, width, highlight}: Props) => {
	const fitted = fitLine(line, width, highlight !== undefined);
	if (fitted.length === 0) return <Text> </Text>;
	let text = '';
	for (const segment of fitted) text += segment.tone ? styleText(segment.text, highlight ? {...segment.tone, ...highlight} : segment.tone) : segment.text;
	return (
		<Text wrap="truncate-end" {...(highlight ? toneProps(highlight) : {})}>
			{text}
		</Text>
	);
});
LineView.displayName = 'LineView';
