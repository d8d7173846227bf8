// A screen of lines taller than the terminal: j/k scroll it, and when it scrolls the last line says
// where you are. Shared by the detail and health screens so both scroll the same way.
import {Box} from 'ink';
import {useEffect, useState} from 'react';
import {useTheme} from '../theme.js';
import {LineView, type Line} from './line.js';

export type LineScroll = {
	readonly start: number;
	/** Lines of content shown: one fewer than the height when the position line is needed. */
	readonly view: number;
	readonly more: boolean;
	readonly down: () => void;
	readonly up: () => void;
};

export const useLineScroll = (count: number, height: number): LineScroll => {
	const more = count > height;
	const view = more ? Math.max(1, height - 1) : height;
	const maxScroll = Math.max(0, count - view);
	const [scroll, setScroll] = useState(0);
	useEffect(() => {
		setScroll((value) => Math.min(value, maxScroll));
	}, [maxScroll]);
	return {
		start: Math.min(scroll, maxScroll),
		view,
		more,
		down: () => setScroll((value) => Math.min(maxScroll, value + 1)),
		up: () => setScroll((value) => Math.max(0, value - 1)),
	};
};

type Props = {
	readonly lines: readonly Line[];
	readonly scroll: LineScroll;
	readonly width: number;
	readonly height: number;
};

export const ScrolledLines = ({lines, scroll: {start, view, more}, width, height}: Props) => {
	const theme = useTheme();
	const visible = lines.slice(start, start + view);
	if (more) {
		visible.push([
			{text: `-- lines ${start + 1}-${start + visible.length} of ${lines.length} · j/k scroll · Esc back --`, tone: theme.text.muted},
		]);
	}
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{visible.map((line, index) => (
				<LineView key={start + index} line={line} width={width} />
			))}
		</Box>
	);
};
