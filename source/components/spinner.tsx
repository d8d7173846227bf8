// A small spinner for loads; ASCII when the theme has no colour (dumb terminals draw it too).
import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {toneProps, useTheme} from '../theme.js';

const unicodeFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const asciiFrames = ['-', '\\', '|', '/'];

type Props = {readonly label?: string};

export const Spinner = ({label}: Props) => {
	const theme = useTheme();
	const frames = theme.color ? unicodeFrames : asciiFrames;
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setFrame((index) => (index + 1) % frames.length), 120);
		return () => clearInterval(timer);
	}, [frames.length]);
	return (
		<Text {...toneProps(theme.status.info)}>
			{frames[frame % frames.length]}
			{label ? ` ${label}` : ''}
		</Text>
	);
};
