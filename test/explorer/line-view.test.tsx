import chalk from 'chalk';
import fc from 'fast-check';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fitLine, LineView, type Line} from '../../source/components/line.js';
import {colorTheme, noColorTheme, toneProps, type Tone} from '../../source/theme.js';

// What LineView drew before it styled the segments itself: a <Text> for each segment. The two must
// give the same frame, escape codes included.
const NestedLineView = ({line, width, highlight}: {line: Line; width: number; highlight?: Tone | undefined}) => {
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
};

const tones: Tone[] = [colorTheme, noColorTheme].flatMap((theme) => [
	...Object.values(theme.status),
	...Object.values(theme.text),
	...Object.values(theme.row),
	...Object.values(theme.badge),
]);
const tone = fc.constantFrom(...tones);
const segment = fc.record(
	{text: fc.oneof(fc.constantFrom('', ' ', '1207960', '✔ SUCCESS', 'QUICKBOOKS', '界面', 'e\u0301'), fc.string({maxLength: 12})), tone},
	{requiredKeys: ['text']},
);

const frameOf = (element: React.ReactElement): string => {
	const {lastFrame, unmount} = render(element);
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
};

describe('LineView', () => {
	// chalk reads its level from the test runner's stdout (no TTY: no colour); these frames need codes.
	let level = chalk.level;
	beforeAll(() => {
		level = chalk.level;
		chalk.level = 3;
	});
	afterAll(() => {
		chalk.level = level;
	});

	it('draws what a <Text> per segment draws, styles and highlight included', () => {
		fc.assert(
			fc.property(fc.array(segment, {maxLength: 8}), fc.integer({min: 1, max: 60}), fc.option(tone, {nil: undefined}), (line, width, highlight) => {
				const expected = frameOf(<NestedLineView line={line} width={width} highlight={highlight} />);
				expect(frameOf(<LineView line={line} width={width} highlight={highlight} />)).toBe(expected);
			}),
			{numRuns: 300},
		);
	});

	it('writes colour codes for toned segments (the comparison above is not between two plain frames)', () => {
		const frame = frameOf(<LineView line={[{text: 'FAILED', tone: colorTheme.status.error}]} width={20} />);
		expect(frame).toContain('\u001B[31m');
		expect(frame).toContain('\u001B[1m');
	});
});
