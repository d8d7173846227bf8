// A status as symbol + word, coloured by its tone: readable with or without colour.
import {Text} from 'ink';
import {labelText, type StatusLabel} from '../format.js';
import {toneProps, useTheme} from '../theme.js';

type Props = {readonly label: StatusLabel};

export const StatusBadge = ({label}: Props) => {
	const theme = useTheme();
	return <Text {...toneProps(theme.status[label.tone])}>{labelText(label)}</Text>;
};
