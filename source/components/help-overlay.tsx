// The help overlay: every binding of the keymap, grouped by where it works, in as many columns as
// the width allows, scrollable when it is still taller than the screen.
import {Box} from 'ink';
import {keymap, keysLabel, scopeTitle, scopes, type Binding} from '../keys/keymap.js';
import type {Theme} from '../theme.js';
import {useTheme} from '../theme.js';
import {fitCell} from '../table.js';
import {LineView, type Line} from './line.js';

const keyColumn = 12;

export const helpLines = (theme: Theme, columnWidth: number): Line[] => {
	const lines: Line[] = [];
	// The overlay's own keys are in its title line; listing them too would cost four rows at 80x24.
	for (const scope of scopes.filter((name) => name !== 'help')) {
		const bindings = (keymap as readonly Binding[]).filter((binding) => binding.scope === scope);
		if (bindings.length === 0) continue;
		lines.push([{text: scopeTitle(scope), tone: theme.text.title}]);
		for (const binding of bindings) {
			lines.push([
				{text: fitCell(keysLabel(binding, ' '), keyColumn - 1) + ' ', tone: theme.text.key},
				{text: fitCell(binding.description, Math.max(1, columnWidth - keyColumn))},
			]);
		}
	}
	return lines;
};

/** Splits lines into columns of `height`, side by side. */
export const helpColumns = (lines: readonly Line[], height: number, columns: number): Line[][] => {
	const out: Line[][] = [];
	for (let start = 0; start < lines.length && out.length < columns; start += height) {
		out.push(lines.slice(start, start + height));
	}
	return out;
};

type Props = {
	readonly width: number;
	readonly height: number;
	/** First line shown when the help is scrolled (one column only). */
	readonly scroll: number;
};

export const HelpOverlay = ({width, height, scroll}: Props) => {
	const theme = useTheme();
	const columnWidth = 39;
	const columnCount = Math.max(1, Math.floor((width + 1) / (columnWidth + 1)));
	const lines = helpLines(theme, Math.min(columnWidth, width));
	const title: Line = [
		{text: 'Keys', tone: theme.text.title},
		{text: '  (Esc or ? to close · j/k scroll · the README has the same table)', tone: theme.text.muted},
	];
	const bodyHeight = Math.max(1, height - 1);
	const perColumn = Math.max(bodyHeight, Math.ceil(lines.length / columnCount));
	const fits = perColumn <= bodyHeight;
	const columns = fits
		? helpColumns(lines, perColumn, columnCount)
		: [lines.slice(Math.min(scroll, Math.max(0, lines.length - bodyHeight)), scroll + bodyHeight)];
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<LineView line={title} width={width} />
			<Box flexDirection="row">
				{columns.map((column, index) => (
					<Box key={index} flexDirection="column" width={fits ? Math.min(columnWidth, width) : width} marginRight={fits ? 1 : 0}>
						{column.map((line, row) => (
							<LineView key={row} line={line} width={fits ? Math.min(columnWidth, width) : width} />
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
};
