// The sync table: a header and only the rows that fit, with expanded rows showing their data
// models in place. Columns drop by priority when narrow (sync-columns + table.ts).
import {Box} from 'ink';
import {useRef} from 'react';
import type {SyncRecord} from '../api/decode.js';
import {overallLabel, overallStatus} from '../format.js';
import {syncColumns} from '../sync-columns.js';
import {fitColumns, fitCell, renderHeader, type FittedColumn} from '../table.js';
import {useTheme, type Theme} from '../theme.js';
import {breakdownLines} from './breakdown.js';
import {LineView, type Line, type Segment} from './line.js';

/** The shared columns, with room kept for "running 12m" (the list command is wider-minded). */
export const tableColumns = (now: number) =>
	syncColumns(now).map((column) => (column.id === 'duration' ? {...column, minWidth: Math.max(column.minWidth ?? 0, 11)} : column));

const markerWidth = 1;

export type TableLine = {readonly line: Line; readonly row: number; readonly selected: boolean};

const rowLine = (columns: ReadonlyArray<FittedColumn<SyncRecord>>, sync: SyncRecord, theme: Theme): Line => {
	const segments: Segment[] = [];
	columns.forEach((column, index) => {
		const text = fitCell(column.cell(sync), column.fitted, column.align);
		const tone = column.id === 'status' ? theme.status[overallLabel[overallStatus(sync)].tone] : undefined;
		segments.push({text: index === 0 ? text : ` ${text}`, tone});
	});
	return segments;
};

/** Every line of the table body: a row per sync, and the breakdown under each expanded one. */
export const tableLines = (
	syncs: readonly SyncRecord[],
	selected: number,
	expanded: readonly number[],
	width: number,
	now: number,
	theme: Theme,
): TableLine[] => {
	const columns = fitColumns(tableColumns(now), width - markerWidth);
	const lines: TableLine[] = [];
	syncs.forEach((sync, row) => {
		const isSelected = row === selected;
		const open = sync.rootfi_id !== undefined && expanded.includes(sync.rootfi_id);
		const marker = open ? '▾' : isSelected ? '›' : ' ';
		lines.push({line: [{text: marker}, ...rowLine(columns, sync, theme)], row, selected: isSelected});
		if (open) {
			for (const line of breakdownLines(sync, width, now, theme, 4)) lines.push({line, row, selected: false});
		}
	});
	return lines;
};

/** The first line to show so the selected row (and as much of its breakdown) stays in view. */
export const scrollStart = (lines: readonly TableLine[], selected: number, height: number, previous: number): number => {
	if (lines.length <= height) return 0;
	const first = lines.findIndex((line) => line.row === selected);
	if (first < 0) return 0;
	let last = first;
	while (last + 1 < lines.length && lines[last + 1]?.row === selected) last++;
	let start = Math.min(previous, lines.length - height);
	if (last >= start + height) start = last - height + 1;
	if (first < start) start = first;
	return Math.max(0, Math.min(start, lines.length - height));
};

type Props = {
	readonly syncs: readonly SyncRecord[];
	readonly selected: number;
	readonly expanded: readonly number[];
	readonly width: number;
	/** Lines for the header and rows together. */
	readonly height: number;
	readonly now: number;
};

export const SyncTable = ({syncs, selected, expanded, width, height, now}: Props) => {
	const theme = useTheme();
	const start = useRef(0);
	const columns = fitColumns(tableColumns(now), width - markerWidth);
	const lines = tableLines(syncs, selected, expanded, width, now, theme);
	const bodyHeight = Math.max(1, height - 1);
	start.current = scrollStart(lines, selected, bodyHeight, start.current);
	const visible = lines.slice(start.current, start.current + bodyHeight);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<LineView line={[{text: ` ${renderHeader(columns)}`, tone: theme.row.header}]} width={width} />
			{visible.map((entry, index) => (
				<LineView
					key={start.current + index}
					line={entry.line}
					width={width}
					highlight={entry.selected ? theme.row.selected : undefined}
				/>
			))}
		</Box>
	);
};
