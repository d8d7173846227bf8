// The health command's output: a compact text report (coloured on a terminal, plain when piped)
// and the JSON shape scripts rely on (documented in the README, pinned by test/health). Pure.
import {formatText, labelText, sanitizeText, type StatusLabel, type StatusTone} from '../format.js';
import {fitCell, fitColumns, renderHeader} from '../table.js';
import type {FleetReport} from './check.js';
import {formatLimit} from './options.js';
import {
	companyTitle,
	connectionLine,
	coverageNotes,
	modelColumns,
	modelTone,
	outcomeLabel,
	reasonLines,
	reasonSummary,
	requestIdLine,
	runningLines,
	settingsLine,
	windowLine,
} from './present.js';
import type {Coverage, HealthReason, HealthReport, ModelHealth, Outcome} from './verdict.js';

export type TextOptions = {
	/** ANSI colour; every status also has a symbol and a word, so nothing is lost without it. */
	readonly color: boolean;
	/** Cut lines to this many cells (a terminal); undefined keeps them whole (a pipe, a log). */
	readonly width?: number | undefined;
};

// The same meanings as theme.ts's colour theme, as SGR codes: five colours do not need chalk, and
// `health` (which never loads Ink) then loads no colour library either.
const sgr: Record<StatusTone | 'bold' | 'dim', string> = {
	success: '32',
	warning: '33',
	error: '1;31',
	info: '36',
	muted: '90',
	bold: '1',
	dim: '2',
};

type Paint = (style: keyof typeof sgr, text: string) => string;
const painter =
	(color: boolean): Paint =>
	(style, text) =>
		color && text !== '' ? `\u001b[${sgr[style]}m${text}\u001b[0m` : text;

const badge = (paint: Paint, label: StatusLabel): string => paint(label.tone, labelText(label));

/** Lines are never cut below this many cells, however narrow the terminal says it is. */
const minWidth = 20;

const cut = (line: string, width: number | undefined): string =>
	width === undefined ? line : fitCell(line, Math.max(minWidth, width)).trimEnd();

export const renderHealthText = (report: HealthReport, {color, width}: TextOptions): string => {
	const paint = painter(color);
	const lines: string[] = [];
	const verdict = outcomeLabel(report.verdict);
	const count = report.reasons.length;
	lines.push(
		`${paint('bold', companyTitle(report))} · ${paint(verdict.tone, `${verdict.symbol} ${verdict.word}`)}` +
			(count === 0 ? '' : ` · ${count} reason${count === 1 ? '' : 's'}`),
	);
	for (const line of reasonLines(report)) {
		lines.push(`  ${paint(line.label.tone, line.label.symbol)} ${cut(line.text, width === undefined ? undefined : width - 4)}`);
	}
	const connection = connectionLine(report);
	lines.push(`connection ${badge(paint, connection.label)} · ${connection.text}`);
	lines.push(paint('muted', cut(`${windowLine(report)} · ${settingsLine(report)}`, width)));
	for (const note of coverageNotes(report)) lines.push(paint('warning', cut(`! ${note}`, width)));
	lines.push('');

	if (report.models.length === 0) {
		lines.push('No data models in the window.');
	} else {
		const columns = fitColumns(modelColumns(report.now), width ?? 120);
		lines.push(paint('muted', renderHeader(columns).trimEnd()));
		for (const model of report.models) lines.push(modelRow(paint, columns, model));
	}

	const running = runningLines(report);
	if (running.length > 0) {
		lines.push('');
		lines.push(`running syncs (${running.length})`);
		for (const line of running) lines.push(`  ${badge(paint, line.label)} ${cut(line.text, width === undefined ? undefined : width - 14)}`);
	}
	lines.push('');
	lines.push(cut(requestIdLine(report.requestIds), width));
	return `${lines.join('\n')}\n`;
};

const modelRow = (paint: Paint, columns: ReturnType<typeof fitColumns<ModelHealth>>, model: ModelHealth): string =>
	columns
		.map((column) => {
			const text = fitCell(column.cell(model), column.fitted, column.align);
			if (column.id === 'latest') {
				const tone = model.latestStatus === 'FAILED' ? 'error' : model.latestStatus === 'SUCCESS' ? 'success' : 'info';
				return paint(tone, text);
			}
			if (column.id === 'stale' && model.stale) return paint('warning', text);
			if (column.id === 'model' && modelTone(model) === 'warning') return paint('warning', text);
			return text;
		})
		.join(' ')
		.trimEnd();

export const renderFleetText = (fleet: FleetReport, {color, width}: TextOptions): string => {
	const paint = painter(color);
	const lines: string[] = [];
	const idWidth = Math.max(0, ...fleet.companies.map((report) => String(report.companyId ?? '').length));
	for (const report of fleet.companies) {
		const label = outcomeLabel(report.verdict);
		const head = `company ${String(report.companyId ?? '').padStart(idWidth)}  `;
		const room = width === undefined ? undefined : Math.max(10, width - 12 - head.length);
		const rest = cut(sanitizeText(reasonSummary(report)), room);
		lines.push(
			`${paint(label.tone, fitCell(labelText(label), 11))} ${head}${report.verdict === 'HEALTHY' ? paint('muted', rest) : rest}`,
		);
	}
	if (fleet.companies.length === 0) lines.push('No companies seen in the window.');
	const counts = (['UNHEALTHY', 'DEGRADED', 'HEALTHY'] as const)
		.map((verdict) => [verdict, fleet.companies.filter((report) => report.verdict === verdict).length] as const)
		.filter(([, n]) => n > 0)
		.map(([verdict, n]) => `${n} ${verdict.toLowerCase()}`);
	const verdict = outcomeLabel(fleet.verdict);
	lines.push('');
	lines.push(
		cut(
			`${paint(verdict.tone, `${verdict.symbol} ${verdict.word}`)} · ${fleet.companies.length} compan${fleet.companies.length === 1 ? 'y' : 'ies'}` +
				(counts.length > 0 ? ` (${counts.join(', ')})` : '') +
				` · found in ${fleet.discovery.syncs} syncs of the last ${formatLimit(fleet.settings.windowMs)}` +
				` (each company: window ${formatLimit(fleet.settings.windowMs)} / ${fleet.settings.maxSyncs} syncs)`,
			width,
		),
	);
	if (!fleet.discovery.coverage.complete) {
		lines.push(paint('warning', `! discovery stopped after ${fleet.discovery.coverage.syncsRead} syncs: companies with only older syncs may be missing`));
	}
	if (fleet.skippedCompanies > 0) lines.push(paint('warning', `! ${fleet.skippedCompanies} more companies were seen but not checked`));
	if (fleet.discovery.withoutCompany > 0) {
		lines.push(paint('warning', `! ${fleet.discovery.withoutCompany} sync(s) had no rootfi_company_id and were not checked`));
	}
	const ids = [...fleet.discovery.requestIds, ...fleet.companies.flatMap((report) => report.requestIds)];
	const first = ids[0];
	lines.push(
		first === undefined
			? requestIdLine([])
			: `request_id ${formatText(first)}${ids.length > 1 ? ` (+${ids.length - 1} more; --json lists them all, or use --company ID)` : ''}`,
	);
	return `${lines.join('\n')}\n`;
};

// ---- JSON ----------------------------------------------------------------------------------------

/** Bumped only when a field is removed or changes meaning; new fields may appear at any time. */
export const healthJsonVersion = 1;

const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());
const seconds = (ms: number): number => Math.round(ms / 1000);

export const reasonJson = (reason: HealthReason) => {
	const base = {code: reason.code, severity: reason.severity, message: reason.message};
	switch (reason.code) {
		case 'connection.not_healthy':
			return {...base, connection_status: reason.connectionStatus ?? null};
		case 'no_success_in_window':
			return {...base, syncs_in_window: reason.syncs};
		case 'model.latest_failed':
			return {...base, data_model: reason.dataModel ?? null, sync_id: reason.syncId ?? null, at: iso(reason.at)};
		case 'model.stale':
			return {...base, data_model: reason.dataModel ?? null, last_success_at: iso(reason.lastSuccessAt)};
		case 'sync.running_too_long':
			return {
				...base,
				sync_id: reason.syncId ?? null,
				started_at: iso(reason.startedAt),
				running_seconds: seconds(reason.runningMs),
			};
	}
};

const coverageJson = (coverage: Coverage | undefined) =>
	coverage === undefined
		? null
		: {
				pages: coverage.pages,
				syncs_read: coverage.syncsRead,
				total_count: coverage.totalCount ?? null,
				order: coverage.order,
				complete: coverage.complete,
			};

const settingsJson = (settings: HealthReport['settings']) => ({
	window_seconds: seconds(settings.windowMs),
	window_max_syncs: settings.maxSyncs,
	stale_after_seconds: seconds(settings.staleAfterMs),
	max_running_seconds: seconds(settings.maxRunningMs),
});

/** One company's report. Values from the API are kept as sent (safeJson escapes what a terminal would act on). */
export const healthJson = (report: HealthReport) => ({
	version: healthJsonVersion,
	checked_at: iso(report.now),
	company_id: report.companyId ?? null,
	verdict: report.verdict,
	exit_code: report.exitCode,
	reasons: report.reasons.map(reasonJson),
	connection_status: report.connectionStatus ?? null,
	sync_status: report.syncStatus ?? null,
	data_models: report.models.map((model) => ({
		data_model: model.dataModel ?? null,
		latest_status: model.latestStatus ?? null,
		latest_at: iso(model.latestAt),
		latest_sync_id: model.latestSyncId ?? null,
		last_success_at: iso(model.lastSuccessAt),
		failures: model.failures,
		runs: model.runs,
		latest_failed: model.latestFailed,
		stale: model.stale,
	})),
	running: report.running.map((sync) => ({
		sync_id: sync.syncId ?? null,
		started_at: iso(sync.startedAt),
		running_seconds: seconds(sync.runningMs),
		too_long: sync.tooLong,
	})),
	window: {
		since: iso(report.window.startAt),
		syncs: report.window.syncs,
		capped: report.window.capped,
		undated: report.window.undated,
		newest_at: iso(report.window.newestAt),
		oldest_at: iso(report.window.oldestAt),
	},
	settings: settingsJson(report.settings),
	coverage: coverageJson(report.coverage),
	request_ids: [...report.requestIds],
});

/** Every company seen in the window, worst first. */
export const fleetJson = (fleet: FleetReport) => ({
	version: healthJsonVersion,
	checked_at: iso(fleet.now),
	company_id: null,
	verdict: fleet.verdict,
	exit_code: fleet.exitCode,
	companies: fleet.companies.map(healthJson),
	skipped_companies: fleet.skippedCompanies,
	syncs_without_company: fleet.discovery.withoutCompany,
	settings: settingsJson(fleet.settings),
	coverage: coverageJson(fleet.discovery.coverage),
	request_ids: [...fleet.discovery.requestIds],
});

/** What --json prints when the check could not be made (exit 3), so a script always gets JSON. */
export const unknownJson = (message: string, now: number, details: {kind?: string; requestId?: string} = {}) => ({
	version: healthJsonVersion,
	checked_at: iso(now),
	verdict: 'UNKNOWN' as Outcome,
	exit_code: 3,
	error: {kind: details.kind ?? 'usage', message, request_id: details.requestId ?? null},
});
