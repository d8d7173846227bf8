// Fits columns to a terminal width: columns drop by priority, cells are cut to their width with
// "…" (measured in terminal cells, so wide and combining characters keep rows aligned).
import stringWidth from 'string-width';
import {isOneCellText} from './text-width.js';

/** Terminal cells `text` takes: most text is one cell a character, and string-width is costly per call. */
export const cellWidth = (text: string): number => (isOneCellText(text) ? text.length : stringWidth(text));

export type Column<Row> = {
	readonly id: string;
	readonly title: string;
	/** Cells the column needs; it may shrink to minWidth when space is short. */
	readonly width: number;
	readonly minWidth?: number;
	/** Lower numbers stay longest when the terminal is narrow. */
	readonly priority: number;
	readonly align?: 'left' | 'right';
	readonly cell: (row: Row) => string;
};

export type FittedColumn<Row> = Column<Row> & {readonly fitted: number};

export const columnGap = 1;

const total = (widths: readonly number[]): number =>
	widths.reduce((sum, width) => sum + width, 0) + Math.max(0, widths.length - 1) * columnGap;

/** The columns that fit in `width` cells, in their original order, with the width each gets. */
export const fitColumns = <Row>(columns: ReadonlyArray<Column<Row>>, width: number): Array<FittedColumn<Row>> => {
	const byPriority = [...columns].sort((a, b) => a.priority - b.priority);
	let kept = byPriority;
	while (kept.length > 1 && total(kept.map((c) => c.minWidth ?? c.width)) > width) kept = kept.slice(0, -1);
	const keptIds = new Set(kept.map((c) => c.id));
	const visible = columns.filter((c) => keptIds.has(c.id));
	const widths = visible.map((c) => c.width);
	// Shrink the lowest-priority shrinkable columns until the row fits.
	let excess = total(widths) - width;
	for (const column of [...visible].sort((a, b) => b.priority - a.priority)) {
		if (excess <= 0) break;
		const index = visible.indexOf(column);
		const min = column.minWidth ?? column.width;
		const give = Math.min(excess, (widths[index] ?? 0) - min);
		widths[index] = (widths[index] ?? 0) - give;
		excess -= give;
	}
	return visible.map((c, i) => ({...c, fitted: Math.max(1, Math.min(widths[i] ?? c.width, width))}));
};

// Made at first use: building a segmenter costs some 8 ms, and most text never needs one.
let graphemes: Intl.Segmenter | undefined;

/**
 * Cuts text to at most `width` cells, ending in "…". Hand-written because cli-truncate overshoots
 * by one cell when a wide (CJK, fullwidth) character meets the edge, which breaks the row.
 * The text is already sanitized, so it holds no escape sequences to preserve.
 */
export const truncateCells = (text: string, width: number): string => {
	if (cellWidth(text) <= width) return text;
	if (width <= 0) return '';
	// One cell and one UTF-16 unit a character (text-width.ts lists only such characters).
	if (isOneCellText(text)) return `${text.slice(0, width - 1)}…`;
	let out = '';
	let used = 0;
	graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	for (const {segment} of graphemes.segment(text)) {
		const cells = cellWidth(segment);
		if (used + cells > width - 1) break;
		out += segment;
		used += cells;
	}
	return `${out}…`;
};

/** Cuts or pads text to exactly `width` cells. */
export const fitCell = (text: string, width: number, align: 'left' | 'right' = 'left'): string => {
	const flat = isOneCellText(text) ? text : text.replace(/[\r\n\t]/g, ' ');
	const cut = truncateCells(flat, width);
	const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return align === 'right' ? pad + cut : cut + pad;
};

export const renderRow = <Row>(columns: ReadonlyArray<FittedColumn<Row>>, row: Row): string =>
	columns.map((c) => fitCell(c.cell(row), c.fitted, c.align)).join(' '.repeat(columnGap));

export const renderHeader = <Row>(columns: ReadonlyArray<FittedColumn<Row>>): string =>
	columns.map((c) => fitCell(c.title, c.fitted, c.align)).join(' '.repeat(columnGap));
