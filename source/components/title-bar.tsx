// Top line: where you are (breadcrumbs) and which API you are looking at (a DEMO badge or the URL).
import {Box, Text} from 'ink';
import {toneProps, useTheme} from '../theme.js';
import stringWidth from 'string-width';
import {truncateCells} from '../table.js';

type Props = {
	readonly breadcrumbs: string;
	readonly source: string;
	readonly demo: boolean;
	readonly width: number;
};

export const TitleBar = ({breadcrumbs, source, demo, width}: Props) => {
	const theme = useTheme();
	const badge = demo ? ' DEMO ' : '';
	const url = demo ? source.replace(/^DEMO\s*/, '') : source;
	const left = `rootfi-tui › ${breadcrumbs}`;
	const rightRoom = Math.max(0, width - stringWidth(left) - stringWidth(badge) - 2);
	const shownUrl = rightRoom >= 8 ? truncateCells(url, rightRoom) : '';
	const leftRoom = Math.max(1, width - stringWidth(badge) - stringWidth(shownUrl) - (shownUrl ? 2 : 1));
	return (
		<Box width={width} height={1} justifyContent="space-between">
			<Text wrap="truncate-end" {...toneProps(theme.text.title)}>
				{truncateCells(left, leftRoom)}
			</Text>
			<Text wrap="truncate-end">
				{badge ? <Text {...toneProps(theme.badge.demo)}>{badge}</Text> : null}
				{shownUrl ? <Text {...toneProps(theme.text.muted)}>{` ${shownUrl}`}</Text> : null}
			</Text>
		</Box>
	);
};
