// The company filter's text input (keys arrive through the list screen's filter keymap): digits
// only, and it says why when it rejects a key.
import {Box} from 'ink';
import {useTheme} from '../theme.js';
import {LineView, type Line} from './line.js';

type Props = {
	readonly draft: string;
	readonly note: string | undefined;
	readonly width: number;
};

export const CompanyInput = ({draft, note, width}: Props) => {
	const theme = useTheme();
	const line: Line = [
		{text: 'company id: ', tone: theme.text.title},
		{text: draft},
		{text: '█', tone: theme.text.accent},
		{text: '  Enter apply · Esc cancel · empty = all', tone: theme.text.muted},
		...(note ? [{text: `  ${note}`, tone: theme.status.warning}] : []),
	];
	return (
		<Box width={width}>
			<LineView line={line} width={width} />
		</Box>
	);
};
