// One terminal line made of styled segments, cut to the width: never wraps into two lines.
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

// Memoised: a table redraw passes the same line objects for unchanged rows, which then skip rendering.
export const LineView = memo(({line, width, highlight}: Props) => {
	const fitted = fitLine(line, width, highlight !== undefined);
	if (fitted.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate-end" {...(highlight ? toneProps(highlight) : {})}>
			{fitted.map((segment, index) => (
				<Text key={index} {...(segment.tone ? toneProps(highlight ? {...segment.tone, ...highlight} : segment.tone) : {})}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
});
LineView.displayName = 'LineView';
