// A per-model timeline: one bar per data model on a shared time axis, so the slow or failed model
// stands out at a glance. Bars differ by fill character as well as colour (no-colour terminals).
import stringWidth from 'string-width';
import type {DataModelRecord, SyncRecord} from '../api/decode.js';
import {formatDuration, formatSpan, formatText, modelStatusLabel, parseTime} from '../format.js';
import {fitCell} from '../table.js';
import type {Theme} from '../theme.js';
import type {Line} from './line.js';

const fills: Readonly<Record<string, string>> = {SUCCESS: '█', FAILED: '▓', RUNNING: '▒', CREATED: '░'};

export type Bar = {readonly from: number; readonly to: number};

/** Columns [from, to) of a span on an axis of `cells` columns; at least one cell wide. */
export const barCells = (start: number, end: number, axisStart: number, axisEnd: number, cells: number): Bar => {
	const span = Math.max(1, axisEnd - axisStart);
	const from = Math.min(cells - 1, Math.max(0, Math.floor(((start - axisStart) / span) * cells)));
	const to = Math.max(from + 1, Math.min(cells, Math.ceil(((end - axisStart) / span) * cells)));
	return {from, to};
};

type Timed = {readonly model: DataModelRecord; readonly start: number; readonly end: number} | {readonly model: DataModelRecord};

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

export const timelineLines = (sync: SyncRecord, width: number, now: number, theme: Theme): Line[] => {
	const timed: Timed[] = sync.data_models.map((model) => {
		const start = parseTime(model.start_time);
		const end = model.end_time === null || model.end_time === undefined ? now : parseTime(model.end_time);
		return start === undefined || end === undefined || end < start ? {model} : {model, start, end};
	});
	const spans = timed.filter((t): t is Extract<Timed, {start: number}> => 'start' in t);
	if (spans.length === 0) return [[{text: '(no timing data for the data models)', tone: theme.text.muted}]];
	const axisStart = Math.min(...spans.map((t) => t.start));
	const axisEnd = Math.max(...spans.map((t) => t.end));
	const slowest = Math.max(...spans.map((t) => t.end - t.start));
	const nameWidth = Math.min(22, Math.max(10, ...timed.map((t) => stringWidth(formatText(t.model.data_model)))));
	// "  running 15m slowest": two spaces, the span, the marker.
	const durationWidth = 20;
	const cells = Math.max(10, width - nameWidth - 3 - durationWidth);
	const left = ' '.repeat(nameWidth + 3);
	const startLabel = clock(axisStart);
	const endLabel = `${clock(axisEnd)} (+${formatDuration(axisEnd - axisStart)})`;
	const axis: Line = [
		{text: left},
		{text: `|${startLabel}`, tone: theme.text.muted},
		{text: fitCell('', Math.max(1, cells - startLabel.length - endLabel.length - 2))},
		{text: `${endLabel}|`, tone: theme.text.muted},
	];
	const lines: Line[] = [axis];
	for (const entry of timed) {
		const label = modelStatusLabel(entry.model.status);
		const tone = theme.status[label.tone];
		const name = fitCell(formatText(entry.model.data_model), nameWidth);
		if (!('start' in entry)) {
			lines.push([
				{text: `${label.symbol} `, tone},
				{text: `${name} `},
				{text: fitCell('(no valid times)', cells), tone: theme.text.muted},
				{text: fitCell(`  ${formatSpan(entry.model, now)}`, durationWidth), tone: theme.status.warning},
			]);
			continue;
		}
		const {from, to} = barCells(entry.start, entry.end, axisStart, axisEnd, cells);
		const fill = fills[entry.model.status ?? ''] ?? '░';
		const isSlowest = entry.end - entry.start === slowest && spans.length > 1;
		lines.push([
			{text: `${label.symbol} `, tone},
			{text: `${name} `, tone: isSlowest ? theme.text.title : undefined},
			{text: '·'.repeat(from), tone: theme.text.muted},
			{text: fill.repeat(to - from), tone},
			{text: '·'.repeat(cells - to), tone: theme.text.muted},
			{
				text: fitCell(`  ${formatSpan(entry.model, now)}${isSlowest ? ' slowest' : ''}`, durationWidth),
				tone: isSlowest ? theme.text.title : undefined,
			},
		]);
	}
	return lines;
};
