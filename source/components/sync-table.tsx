// The sync table: a header and only the rows that fit, with expanded rows showing their data
// models in place. Columns drop by priority when narrow (sync-columns + table.ts).
import {Box} from 'ink';
import {useMemo, useRef} from 'react';
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
export const scrollStart = (lines: ReadonlyArray<{readonly row: number}>, selected: number, height: number, previous: number): number => {
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

/** Where a table line comes from: a sync's own row (part 0) or line `part - 1` of its breakdown. */
type LineSlot = {readonly row: number; readonly part: number};

type RowMemo = {
	readonly columns: ReadonlyArray<FittedColumn<SyncRecord>>;
	readonly theme: Theme;
	readonly byMarker: Map<string, Line>;
};

// A row's line only changes with its sync, the columns (width and clock) and the marker, so a
// cursor move formats nothing and the unchanged rows keep their identity (LineView skips them).
const rowMemo = new WeakMap<SyncRecord, RowMemo>();

const memoRowLine = (columns: ReadonlyArray<FittedColumn<SyncRecord>>, sync: SyncRecord, marker: string, theme: Theme): Line => {
	let memo = rowMemo.get(sync);
	if (memo?.columns !== columns || memo.theme !== theme) {
		memo = {columns, theme, byMarker: new Map()};
		rowMemo.set(sync, memo);
	}
	let line = memo.byMarker.get(marker);
	if (!line) {
		line = [{text: marker}, ...rowLine(columns, sync, theme)];
		memo.byMarker.set(marker, line);
	}
	return line;
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
	const columns = useMemo(() => fitColumns(tableColumns(now), width - markerWidth), [now, width]);
	const header = useMemo((): Line => [{text: ` ${renderHeader(columns)}`, tone: theme.row.header}], [columns, theme]);
	// Lay out every line by index only; a page may hold 500 syncs but only a screenful is formatted.
	const breakdowns = new Map<number, Line[]>();
	const slots: LineSlot[] = [];
	syncs.forEach((sync, row) => {
		slots.push({row, part: 0});
		if (sync.rootfi_id !== undefined && expanded.includes(sync.rootfi_id)) {
			const lines = breakdownLines(sync, width, now, theme, 4);
			breakdowns.set(row, lines);
			for (let part = 1; part <= lines.length; part++) slots.push({row, part});
		}
	});
	const bodyHeight = Math.max(1, height - 1);
	start.current = scrollStart(slots, selected, bodyHeight, start.current);
	const visible = slots.slice(start.current, start.current + bodyHeight);
	// Clipped top and bottom only: every line is already cut to the width (LineView), and Ink cuts a
	// line to a box that clips sideways with slice-ansi, on every frame, the most costly part of
	// drawing a row that changed. The same holds for the boxes around it (the list screen, the body).
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			<LineView line={header} width={width} />
			{visible.map(({row, part}) => {
				const sync = syncs[row];
				if (!sync) return null;
				const isSelected = part === 0 && row === selected;
				const line =
					part === 0
						? memoRowLine(columns, sync, breakdowns.has(row) ? '▾' : isSelected ? '›' : ' ', theme)
						: (breakdowns.get(row)?.[part - 1] ?? []);
				// Keyed by what the line shows, so scrolling by one row keeps the other rows' nodes.
				return <LineView key={`${sync.rootfi_id ?? `#${row}`}:${part}`} line={line} width={width} highlight={isSelected ? theme.row.selected : undefined} />;
			})}
		</Box>
	);
};
