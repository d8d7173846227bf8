// A sync's data models as table lines: name, status, total / ok / failed / running / pending, and
// duration. Used expanded in place in the list and in full on the detail screen.
import type {DataModelRecord, SyncRecord} from '../api/decode.js';
import {formatCount, formatSpan, formatText, labelText, modelStatusLabel} from '../format.js';
import {fitColumns, fitCell, type Column, type FittedColumn} from '../table.js';
import type {Theme} from '../theme.js';
import type {Line, Segment} from './line.js';

export const breakdownColumns = (now: number): Array<Column<DataModelRecord>> => [
	{id: 'model', title: 'DATA MODEL', width: 22, minWidth: 12, priority: 0, cell: (m) => formatText(m.data_model)},
	{
		id: 'status',
		title: 'STATUS',
		width: 9,
		priority: 1,
		cell: (m) => labelText(modelStatusLabel(m.status)),
	},
	{id: 'total', title: 'TOTAL', width: 6, priority: 3, align: 'right', cell: (m) => formatCount(m.total_count)},
	{id: 'ok', title: 'OK', width: 6, priority: 4, align: 'right', cell: (m) => formatCount(m.success_count)},
	{id: 'failed', title: 'FAIL', width: 5, priority: 2, align: 'right', cell: (m) => formatCount(m.failed_count)},
	{id: 'running', title: 'RUN', width: 4, priority: 5, align: 'right', cell: (m) => formatCount(m.running_count)},
	{id: 'pending', title: 'PEND', width: 5, priority: 6, align: 'right', cell: (m) => formatCount(m.pending_count)},
	{id: 'duration', title: 'DURATION', width: 10, minWidth: 8, priority: 7, cell: (m) => formatSpan(m, now)},
];

const modelLine = (
	columns: ReadonlyArray<FittedColumn<DataModelRecord>>,
	model: DataModelRecord,
	theme: Theme,
	indent: string,
): Line => {
	const segments: Segment[] = [{text: indent}];
	columns.forEach((column, index) => {
		const text = fitCell(column.cell(model), column.fitted, column.align);
		const label = modelStatusLabel(model.status);
		const tone =
			column.id === 'status'
				? theme.status[label.tone]
				: column.id === 'failed' && (model.failed_count ?? 0) > 0
					? theme.status.error
					: undefined;
		segments.push({text: index === 0 ? text : ` ${text}`, tone});
	});
	return segments;
};

/** Header and one line per data model, indented by `indent` cells. */
export const breakdownLines = (
	sync: SyncRecord,
	width: number,
	now: number,
	theme: Theme,
	indent = 0,
): Line[] => {
	const pad = ' '.repeat(indent);
	if (sync.data_models.length === 0) return [[{text: `${pad}(no data models in this sync)`, tone: theme.text.muted}]];
	const columns = fitColumns(breakdownColumns(now), Math.max(10, width - indent));
	const header = columns.map((column) => fitCell(column.title, column.fitted, column.align)).join(' ');
	return [
		[{text: pad + header, tone: theme.row.header}],
		...sync.data_models.map((model) => modelLine(columns, model, theme, pad)),
	];
};
