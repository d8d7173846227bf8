// The job type filter: All / PULL / PUSH with ink-select-input, drawn with theme tokens so it
// reads without colour too (a pointer marks the choice). Its keys come from the keymap (one ordered
// queue for every key, so "t", Down, Enter typed fast never reach a picker that is not mounted
// yet); the highlighted index lives in the list state and the select input only draws it.
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {JobType} from '../api/types.js';
import {toneProps, useTheme} from '../theme.js';

export type JobTypeChoice = JobType | 'ALL';

const items: Array<{label: string; value: JobTypeChoice}> = [
	{label: 'All job types', value: 'ALL'},
	{label: 'PULL  (reads from the accounting system)', value: 'PULL'},
	{label: 'PUSH  (writes to the accounting system)', value: 'PUSH'},
];

const Indicator = ({isSelected = false}: {readonly isSelected?: boolean}) => (
	<Text>{isSelected ? '› ' : '  '}</Text>
);

const Item = ({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) => {
	const theme = useTheme();
	return <Text {...(isSelected ? toneProps(theme.text.key) : {})}>{label}</Text>;
};

type Props = {
	/** Index of the highlighted choice (All, PULL, PUSH). */
	readonly index: number;
	readonly width: number;
};

export const JobTypePicker = ({index, width}: Props) => {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={width} height={4} overflow="hidden">
			<Text wrap="truncate-end" {...toneProps(theme.text.title)}>
				job type <Text {...toneProps(theme.text.muted)}>(↑/↓ or j/k choose · Enter apply · Esc cancel)</Text>
			</Text>
			{/* Keyed by the index: the select input takes its highlight from initialIndex only. */}
			<SelectInput key={index} items={items} initialIndex={index} isFocused={false} indicatorComponent={Indicator} itemComponent={Item} />
		</Box>
	);
};
