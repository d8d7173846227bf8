// Pure presenters shared by the health command's text and the explorer's health screen: labels,
// the per-model columns and the lines under the verdict. Every network string is sanitised here.
import {
	connectionLabel,
	formatDuration,
	formatRelative,
	formatText,
	labelText,
	missing,
	modelStatusLabel,
	sanitizeText,
	type StatusLabel,
} from '../format.js';
import type {Column} from '../table.js';
import {formatLimit} from './options.js';
import type {HealthReason, HealthReport, ModelHealth, Outcome} from './verdict.js';

export const outcomeLabel = (outcome: Outcome): StatusLabel => {
	switch (outcome) {
		case 'HEALTHY':
			return {symbol: '✔', word: 'HEALTHY', tone: 'success'};
		case 'DEGRADED':
			return {symbol: '▲', word: 'DEGRADED', tone: 'warning'};
		case 'UNHEALTHY':
			return {symbol: '✖', word: 'UNHEALTHY', tone: 'error'};
		default:
			return {symbol: '?', word: 'UNKNOWN', tone: 'muted'};
	}
};

export const reasonLabel = (reason: HealthReason): StatusLabel => outcomeLabel(reason.severity);

export const isoOrMissing = (time: number | undefined): string =>
	time === undefined ? missing : new Date(time).toISOString();

export const relative = (time: number | undefined, now: number): string =>
	time === undefined ? missing : formatRelative(new Date(time).toISOString(), now);

export const companyTitle = (report: Pick<HealthReport, 'companyId'>): string =>
	report.companyId === undefined ? 'all companies' : `company ${report.companyId}`;

export const connectionLine = (report: HealthReport): {label: StatusLabel; text: string} => ({
	label: connectionLabel(report.connectionStatus),
	text: `sync_status ${formatText(report.syncStatus)}`,
});

/** "window 7d / 200 syncs: 36 syncs, newest 2h ago, oldest 6d ago". */
export const windowLine = (report: HealthReport): string => {
	const {window, settings, now} = report;
	const parts = [
		`window ${formatLimit(settings.windowMs)} / ${settings.maxSyncs} syncs: ${window.syncs} sync${window.syncs === 1 ? '' : 's'}`,
	];
	if (window.newestAt !== undefined) parts.push(`newest ${relative(window.newestAt, now)}`);
	if (window.oldestAt !== undefined) parts.push(`oldest ${relative(window.oldestAt, now)}`);
	if (window.capped) parts.push(`limited to the newest ${settings.maxSyncs}`);
	return parts.join(', ');
};

export const settingsLine = (report: HealthReport): string =>
	`stale after ${formatLimit(report.settings.staleAfterMs)} · max running ${formatLimit(report.settings.maxRunningMs)}`;

/** Anything that makes the report less than complete, for a visible note. */
export const coverageNotes = (report: HealthReport): string[] => {
	const notes: string[] = [];
	const coverage = report.coverage;
	if (coverage && !coverage.complete) {
		notes.push(
			`read ${coverage.syncsRead} of ${formatText(coverage.totalCount)} syncs (${coverage.pages} pages) and stopped: ` +
				`the API's order (${coverage.order.replace('_', ' ')}) does not show that the window is covered`,
		);
	}
	if (report.window.undated > 0) {
		notes.push(`${report.window.undated} sync(s) with no readable start_time or rootfi_created_at were left out`);
	}
	return notes;
};

export type LabelledLine = {readonly label: StatusLabel; readonly text: string};

export const runningLines = (report: HealthReport): LabelledLine[] =>
	report.running.map((sync) => ({
		label: sync.tooLong
			? {symbol: '▲', word: 'too long', tone: 'warning'}
			: {symbol: '●', word: 'running', tone: 'info'},
		text:
			`sync ${formatText(sync.syncId)} running for ${formatDuration(sync.runningMs)}` +
			(sync.tooLong ? ` (over ${formatLimit(report.settings.maxRunningMs)})` : ''),
	}));

const groupTitles: Partial<Record<HealthReason['code'], string>> = {
	'model.latest_failed': 'latest run failed',
	'model.stale': `stale`,
};

/**
 * The reasons as lines for a person: each on its own, except that more than `groupAbove` models
 * with the same problem share one line (an expired connection fails every model; twenty lines
 * would hide the one that matters). The JSON keeps one reason per model.
 */
export const reasonLines = (report: HealthReport, groupAbove = 3): LabelledLine[] => {
	const lines: LabelledLine[] = [];
	const done = new Set<string>();
	for (const reason of report.reasons) {
		const title = groupTitles[reason.code];
		const same = report.reasons.filter((other) => other.code === reason.code);
		if (title === undefined || same.length <= groupAbove) {
			lines.push({label: reasonLabel(reason), text: sanitizeText(reason.message)});
			continue;
		}
		if (done.has(reason.code)) continue;
		done.add(reason.code);
		const names = same.map((other) => ('dataModel' in other ? formatText(other.dataModel ?? '(unnamed)') : ''));
		const limit = reason.code === 'model.stale' ? ` (no success within ${formatLimit(report.settings.staleAfterMs)})` : '';
		lines.push({label: reasonLabel(reason), text: `${same.length} data models ${title}${limit}: ${names.join(', ')}`});
	}
	return lines;
};

export const modelName = (model: ModelHealth): string =>
	model.dataModel === undefined ? '(unnamed)' : formatText(model.dataModel);

/** The per-model table: the same columns on the terminal report and in the explorer. */
export const modelColumns = (now: number): Array<Column<ModelHealth>> => [
	{id: 'model', title: 'DATA MODEL', width: 21, minWidth: 12, priority: 0, cell: modelName},
	{
		id: 'latest',
		title: 'LATEST',
		width: 11,
		priority: 1,
		cell: (model) => labelText(modelStatusLabel(model.latestStatus)),
	},
	{id: 'latest-at', title: 'RAN', width: 8, priority: 5, cell: (model) => relative(model.latestAt, now)},
	{
		id: 'last-success',
		title: 'LAST SUCCESS',
		width: 12,
		minWidth: 8,
		priority: 2,
		cell: (model) => (model.lastSuccessAt === undefined ? 'never' : relative(model.lastSuccessAt, now)),
	},
	{id: 'failures', title: 'FAILS', width: 5, priority: 3, align: 'right', cell: (model) => String(model.failures)},
	{id: 'runs', title: 'RUNS', width: 4, priority: 6, align: 'right', cell: (model) => String(model.runs)},
	{id: 'stale', title: 'STALE', width: 5, priority: 4, cell: (model) => (model.stale ? 'stale' : '')},
];

/** The tone a model's row is drawn in: its worst problem. */
export const modelTone = (model: ModelHealth): StatusLabel['tone'] =>
	model.latestFailed || model.stale ? 'warning' : model.latestStatus === 'SUCCESS' ? 'success' : 'info';

/** One summary of the reasons for a one-line-per-company list. */
export const reasonSummary = (report: HealthReport): string =>
	report.reasons.length === 0 ? 'ok' : reasonLines(report, 1).map((line) => line.text).join('; ');

/** The request ids of a report, for quoting to RootFi. */
export const requestIdLine = (ids: readonly string[]): string =>
	ids.length === 0
		? `request_id ${missing}`
		: `request_id${ids.length === 1 ? '' : 's'} ${ids.map((id) => formatText(id)).join(', ')}`;
