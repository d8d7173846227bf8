// Shown instead of a broken layout when the terminal is below the minimum size.
import {Box, Text} from 'ink';

export const minColumns = 60;
export const minRows = 15;

type Props = {readonly columns: number; readonly rows: number};

export const TooSmall = ({columns, rows}: Props) => (
	<Box flexDirection="column">
		<Text wrap="truncate-end">terminal too small</Text>
		<Text wrap="truncate-end">{`${columns}x${rows}, needs ${minColumns}x${minRows}`}</Text>
		<Text wrap="truncate-end">resize, or q to quit</Text>
	</Box>
);
