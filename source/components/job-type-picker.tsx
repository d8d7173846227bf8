// The job type filter: All / PULL / PUSH with ink-select-input, drawn with theme tokens so it
// reads without colour too (a pointer marks the choice).
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
	readonly current: JobType | undefined;
	readonly onSelect: (choice: JobType | undefined) => void;
	readonly isFocused: boolean;
	readonly width: number;
};

export const JobTypePicker = ({current, onSelect, isFocused, width}: Props) => {
	const theme = useTheme();
	const initialIndex = Math.max(
		0,
		items.findIndex((item) => item.value === (current ?? 'ALL')),
	);
	return (
		<Box flexDirection="column" width={width} height={4} overflow="hidden">
			<Text wrap="truncate-end" {...toneProps(theme.text.title)}>
				job type <Text {...toneProps(theme.text.muted)}>(↑/↓ choose · Enter apply · Esc cancel)</Text>
			</Text>
			<SelectInput
				items={items}
				initialIndex={initialIndex}
				isFocused={isFocused}
				indicatorComponent={Indicator}
				itemComponent={Item}
				onSelect={(item) => onSelect(item.value === 'ALL' ? undefined : item.value)}
			/>
		</Box>
	);
};
