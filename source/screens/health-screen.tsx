// A company's health in the explorer: the verdict, every reason, the connection, the per-model
// table and running syncs, from the same code as `rootfi-tui health --company ID`. Esc goes back
// (the app binds it, as for the detail screen); j/k scroll when it is taller than the screen.
import {Box} from 'ink';
import {useMemo} from 'react';
import {ScrolledLines, useLineScroll} from '../components/scrolled-lines.js';
import type {Line} from '../components/line.js';
import {Spinner} from '../components/spinner.js';
import type {Config} from '../config.js';
import {pageReader} from '../health/gather.js';
import {defaultHealthSettings} from '../health/options.js';
import {
	companyTitle,
	connectionLine,
	coverageNotes,
	modelColumns,
	outcomeLabel,
	reasonLines,
	requestIdLine,
	runningLines,
	settingsLine,
	windowLine,
} from '../health/present.js';
import type {HealthReport, ModelHealth} from '../health/verdict.js';
import {useHealthReport} from '../hooks/use-health-report.js';
import {useKeymap} from '../keys/use-keymap.js';
import type {Session} from '../session.js';
import {fitCell, fitColumns, type FittedColumn} from '../table.js';
import {useTheme, type Theme, type Tone} from '../theme.js';

export type HealthScreenProps = {
	readonly session: Session;
	readonly companyId: number;
	readonly config: Config;
	readonly width: number;
	readonly height: number;
	readonly onBack: () => void;
	/** Bumped by the app's refresh key: each new value runs the check again. */
	readonly refreshCount?: number;
};

const blank: Line = [{text: ' '}];

const cellTone = (column: FittedColumn<ModelHealth>, model: ModelHealth, theme: Theme): Tone | undefined => {
	if (column.id === 'latest') {
		return model.latestStatus === 'FAILED'
			? theme.status.error
			: model.latestStatus === 'SUCCESS'
				? theme.status.success
				: theme.status.info;
	}
	if (column.id === 'stale' && model.stale) return theme.status.warning;
	if (column.id === 'model' && (model.latestFailed || model.stale)) return theme.status.warning;
	return undefined;
};

/** Every line of the screen, before scrolling. Pure, for tests. */
export const healthLines = (report: HealthReport, width: number, theme: Theme): Line[] => {
	const verdict = outcomeLabel(report.verdict);
	const count = report.reasons.length;
	const lines: Line[] = [
		[
			{text: `${verdict.symbol} ${verdict.word}`, tone: {...theme.status[verdict.tone], bold: true}},
			{text: `  ${companyTitle(report)}${count === 0 ? '' : ` · ${count} reason${count === 1 ? '' : 's'}`}`},
		],
	];
	for (const line of reasonLines(report)) {
		lines.push([{text: `  ${line.label.symbol} `, tone: theme.status[line.label.tone]}, {text: line.text}]);
	}
	const connection = connectionLine(report);
	lines.push([
		{text: 'connection '},
		{text: `${connection.label.symbol} ${connection.label.word}`, tone: theme.status[connection.label.tone]},
		{text: ` · ${connection.text}`},
	]);
	lines.push([{text: `${windowLine(report)} · ${settingsLine(report)}`, tone: theme.text.muted}]);
	for (const note of coverageNotes(report)) lines.push([{text: `! ${note}`, tone: theme.status.warning}]);
	lines.push(blank);

	if (report.models.length === 0) {
		lines.push([{text: 'No data models in the window.', tone: theme.text.muted}]);
	} else {
		const columns = fitColumns(modelColumns(report.now), width);
		lines.push(
			columns.flatMap((column, index) => [
				...(index === 0 ? [] : [{text: ' '}]),
				{text: fitCell(column.title, column.fitted, column.align), tone: theme.row.header},
			]),
		);
		for (const model of report.models) {
			lines.push(
				columns.flatMap((column, index) => [
					...(index === 0 ? [] : [{text: ' '}]),
					{text: fitCell(column.cell(model), column.fitted, column.align), tone: cellTone(column, model, theme)},
				]),
			);
		}
	}

	const running = runningLines(report);
	if (running.length > 0) {
		lines.push(blank, [{text: `Running syncs (${running.length})`, tone: theme.text.title}]);
		for (const line of running) {
			lines.push([{text: `  ${line.label.symbol} ${line.label.word} `, tone: theme.status[line.label.tone]}, {text: line.text}]);
		}
	}
	lines.push(blank, [{text: requestIdLine(report.requestIds)}]);
	lines.push([{text: `the same check in a script: rootfi-tui health --company ${report.companyId ?? ''}`, tone: theme.text.muted}]);
	return lines;
};

export const HealthScreen = ({session, companyId, config, width, height, refreshCount = 0}: HealthScreenProps) => {
	const theme = useTheme();
	const read = useMemo(() => pageReader(session.client, {timeoutMs: config.timeoutMs}), [session.client, config.timeoutMs]);
	const state = useHealthReport(read, companyId, defaultHealthSettings, Date.now, refreshCount);
	const lines: Line[] =
		state.status === 'ready'
			? healthLines(state.report, width, theme)
			: state.status === 'error'
				? [
						[{text: '? UNKNOWN', tone: theme.status.error}, {text: `  company ${companyId}: the check could not be made`}],
						[{text: `  ${state.error.describe()}`}],
						blank,
						[{text: 'r to try again · Esc back', tone: theme.text.muted}],
					]
				: [];
	const scroll = useLineScroll(lines.length, height);
	// Esc is bound by the app (nav.back in the detail scope); this screen only scrolls.
	useKeymap(['detail'], {
		'detail.down': scroll.down,
		'detail.up': scroll.up,
	});
	if (state.status === 'loading') {
		return (
			<Box flexDirection="column" width={width} height={height} overflow="hidden">
				<Spinner label={`checking the health of company ${companyId}…`} />
			</Box>
		);
	}
	return <ScrolledLines lines={lines} scroll={scroll} width={width} height={height} />;
};
