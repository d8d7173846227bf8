// The health rules, as one pure function: syncs in, a verdict with every reason out. No I/O, no
// clock (the caller passes `now`), and it never throws: fields may be missing, statuses unknown and
// dates unreadable, and each of those is tolerated rather than trusted.
import type {DataModelRecord, SyncRecord} from '../api/decode.js';
import {formatDuration, formatRelative, parseTime, sanitizeText, spanOf} from '../format.js';
import {formatLimit, type HealthSettings} from './options.js';

export const verdicts = ['HEALTHY', 'DEGRADED', 'UNHEALTHY'] as const;
export type Verdict = (typeof verdicts)[number];
/** UNKNOWN is not a verdict of the rules: it is what the command says when it could not check. */
export type Outcome = Verdict | 'UNKNOWN';

/** The monitoring-plugin convention (Nagios, Icinga, Sensu): OK, WARNING, CRITICAL, UNKNOWN. */
export const exitCodes = {HEALTHY: 0, DEGRADED: 1, UNHEALTHY: 2, UNKNOWN: 3} as const satisfies Record<Outcome, number>;

/** Worst first: UNHEALTHY, DEGRADED, HEALTHY. */
export const verdictRank: Record<Verdict, number> = {UNHEALTHY: 2, DEGRADED: 1, HEALTHY: 0};

export const reasonCodes = [
	'connection.not_healthy',
	'no_success_in_window',
	'model.latest_failed',
	'model.stale',
	'sync.running_too_long',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

type ReasonBase = {readonly message: string};
export type HealthReason = ReasonBase &
	(
		| {
				readonly code: 'connection.not_healthy';
				readonly severity: 'UNHEALTHY';
				/** As the API sent it; undefined when the response had none. */
				readonly connectionStatus: string | undefined;
		  }
		| {readonly code: 'no_success_in_window'; readonly severity: 'UNHEALTHY'; readonly syncs: number}
		| {
				readonly code: 'model.latest_failed';
				readonly severity: 'DEGRADED';
				readonly dataModel: string | undefined;
				readonly syncId: number | undefined;
				readonly at: number | undefined;
		  }
		| {
				readonly code: 'model.stale';
				readonly severity: 'DEGRADED';
				readonly dataModel: string | undefined;
				readonly lastSuccessAt: number | undefined;
		  }
		| {
				readonly code: 'sync.running_too_long';
				readonly severity: 'DEGRADED';
				readonly syncId: number | undefined;
				readonly startedAt: number;
				readonly runningMs: number;
		  }
	);

export type ModelHealth = {
	/** As the API sent it; undefined when the runs had no name. */
	readonly dataModel: string | undefined;
	/** The status of its most recent run, whatever it is (RUNNING, an unknown value...). */
	readonly latestStatus: string | undefined;
	readonly latestAt: number | undefined;
	readonly latestSyncId: number | undefined;
	/** When its most recent successful run ended (or started, when the end is unreadable). */
	readonly lastSuccessAt: number | undefined;
	/** FAILED runs in the window. */
	readonly failures: number;
	readonly runs: number;
	/** Its most recent finished run (SUCCESS or FAILED) failed. */
	readonly latestFailed: boolean;
	/** No success within the stale-after limit. */
	readonly stale: boolean;
};

export type RunningSync = {
	readonly syncId: number | undefined;
	readonly companyId: number | undefined;
	readonly startedAt: number;
	readonly runningMs: number;
	readonly tooLong: boolean;
};

/** How the syncs were read; filled in by gather, echoed in the report so a reader can judge it. */
export type Coverage = {
	readonly pages: number;
	readonly syncsRead: number;
	readonly totalCount: number | undefined;
	readonly order: 'newest_first' | 'oldest_first' | 'unknown';
	/** False when reading stopped at the page limit before the window was known to be covered. */
	readonly complete: boolean;
};

export type HealthInput = {
	readonly syncs: readonly SyncRecord[];
	readonly companyId?: number | undefined;
	readonly connectionStatus?: string | undefined;
	readonly syncStatus?: string | undefined;
	readonly requestIds: readonly string[];
	readonly now: number;
	readonly settings: HealthSettings;
	readonly coverage?: Coverage | undefined;
};

export type HealthWindow = {
	readonly startAt: number;
	readonly syncs: number;
	/** Syncs with no readable start_time or rootfi_created_at: they cannot be placed in time. */
	readonly undated: number;
	/** True when the count limit, not the time limit, ended the window. */
	readonly capped: boolean;
	readonly newestAt: number | undefined;
	readonly oldestAt: number | undefined;
};

export type HealthReport = {
	readonly verdict: Verdict;
	readonly exitCode: 0 | 1 | 2;
	readonly companyId: number | undefined;
	readonly connectionStatus: string | undefined;
	readonly syncStatus: string | undefined;
	/** Worst first. Empty exactly when the verdict is HEALTHY. */
	readonly reasons: readonly HealthReason[];
	/** By name. */
	readonly models: readonly ModelHealth[];
	/** Every running sync in the window, longest first. */
	readonly running: readonly RunningSync[];
	readonly window: HealthWindow;
	readonly settings: HealthSettings;
	readonly coverage: Coverage | undefined;
	readonly requestIds: readonly string[];
	readonly now: number;
};

/** When a sync happened: its start, or its creation when the start is missing or unreadable. */
export const syncTime = (sync: SyncRecord): number | undefined =>
	parseTime(sync.start_time) ?? parseTime(sync.rootfi_created_at);

export type WindowSelection = {
	/** Newest first. */
	readonly syncs: readonly SyncRecord[];
	readonly undated: number;
	readonly capped: boolean;
};

/**
 * The syncs of the window: started at or after `now - windowMs`, newest first, at most `maxSyncs`.
 * The API's order is not documented, so this sorts; a repeated rootfi_id is kept once.
 */
export const selectWindow = (
	syncs: readonly SyncRecord[],
	now: number,
	{windowMs, maxSyncs}: Pick<HealthSettings, 'windowMs' | 'maxSyncs'>,
): WindowSelection => {
	const startAt = now - windowMs;
	const seen = new Set<number>();
	const dated: Array<{sync: SyncRecord; time: number}> = [];
	let undated = 0;
	for (const sync of syncs) {
		if (sync.rootfi_id !== undefined) {
			if (seen.has(sync.rootfi_id)) continue;
			seen.add(sync.rootfi_id);
		}
		const time = syncTime(sync);
		if (time === undefined) undated++;
		else if (time >= startAt) dated.push({sync, time});
	}
	dated.sort((a, b) => b.time - a.time || (b.sync.rootfi_id ?? 0) - (a.sync.rootfi_id ?? 0));
	return {
		syncs: dated.slice(0, maxSyncs).map((entry) => entry.sync),
		undated,
		capped: dated.length > maxSyncs,
	};
};

const name = (value: string | undefined): string => (value === undefined ? '(unnamed model)' : sanitizeText(value));
const syncName = (id: number | undefined): string => (id === undefined ? 'a sync with no id' : `sync ${id}`);
const ago = (time: number | undefined, now: number): string =>
	time === undefined ? 'at an unknown time' : formatRelative(new Date(time).toISOString(), now);

type Run = {
	readonly model: DataModelRecord;
	readonly sync: SyncRecord;
	readonly at: number | undefined;
};

const runTime = (model: DataModelRecord, sync: SyncRecord): number | undefined =>
	parseTime(model.start_time) ?? syncTime(sync);

const successTime = (run: Run): number | undefined =>
	parseTime(run.model.end_time) ?? run.at ?? parseTime(run.sync.end_time);

const finished = (status: string | undefined): boolean => status === 'SUCCESS' || status === 'FAILED';

/** Newest first; a run with no time counts as oldest; ties go to the higher sync id. */
const newestFirst = (a: Run, b: Run): number => {
	const byTime = (b.at ?? Number.NEGATIVE_INFINITY) - (a.at ?? Number.NEGATIVE_INFINITY);
	// Two runs with no time give -Infinity - -Infinity, which is NaN: treat as equal.
	if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
	return (b.sync.rootfi_id ?? 0) - (a.sync.rootfi_id ?? 0);
};

type Assessed = {readonly health: ModelHealth; readonly latestFinished: Run | undefined};

const assessModel = (dataModel: string | undefined, runs: Run[], now: number, staleAfterMs: number): Assessed => {
	const sorted = [...runs].sort(newestFirst);
	const latest = sorted[0];
	const latestFinished = sorted.find((run) => finished(run.model.status));
	let lastSuccessAt: number | undefined;
	for (const run of sorted) {
		if (run.model.status !== 'SUCCESS') continue;
		const time = successTime(run);
		if (time !== undefined && (lastSuccessAt === undefined || time > lastSuccessAt)) lastSuccessAt = time;
	}
	// A success dated in the future (clock skew) counts as now, never as stale.
	const age = lastSuccessAt === undefined ? Number.POSITIVE_INFINITY : Math.max(0, now - lastSuccessAt);
	const health: ModelHealth = {
		dataModel,
		latestStatus: latest?.model.status,
		latestAt: latest?.at,
		latestSyncId: latest?.sync.rootfi_id,
		lastSuccessAt,
		failures: runs.filter((run) => run.model.status === 'FAILED').length,
		runs: runs.length,
		latestFailed: latestFinished?.model.status === 'FAILED',
		stale: age > staleAfterMs,
	};
	return {health, latestFinished};
};

const compareNames = (a: string | undefined, b: string | undefined): number =>
	a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1;

const reasonOrder = (a: HealthReason, b: HealthReason): number =>
	verdictRank[b.severity] - verdictRank[a.severity] || reasonCodes.indexOf(a.code) - reasonCodes.indexOf(b.code);

const connectionReason = (status: string | undefined): HealthReason | undefined => {
	if (status === 'HEALTHY') return undefined;
	const message =
		status === undefined
			? 'connection_status is missing from the response, so the connection cannot be shown to be HEALTHY'
			: status === 'EXPIRED' || status === 'DISCONNECTED' || status === 'PENDING'
				? `connection is ${status}`
				: `connection_status is "${sanitizeText(status)}", a value this client does not know`;
	return {code: 'connection.not_healthy', severity: 'UNHEALTHY', connectionStatus: status, message};
};

/** Applies the rules (see README, "Health check") to the syncs of one company, or of one filter. */
export const assessHealth = (input: HealthInput): HealthReport => {
	const {now, settings} = input;
	const selection = selectWindow(input.syncs, now, settings);
	const syncs = selection.syncs;

	const byModel = new Map<string | undefined, Run[]>();
	for (const sync of syncs) {
		for (const model of sync.data_models) {
			const runs = byModel.get(model.data_model) ?? [];
			runs.push({model, sync, at: runTime(model, sync)});
			byModel.set(model.data_model, runs);
		}
	}
	const assessed = [...byModel.entries()]
		.map(([dataModel, runs]) => assessModel(dataModel, runs, now, settings.staleAfterMs))
		.sort((a, b) => compareNames(a.health.dataModel, b.health.dataModel));
	const models = assessed.map((entry) => entry.health);

	const running: RunningSync[] = [];
	for (const sync of syncs) {
		// A sync without an end is running; spanOf reads a missing end the same way as the tables do.
		const span = spanOf(sync, now);
		const startedAt = parseTime(sync.start_time);
		if (span.kind !== 'running' || startedAt === undefined) continue;
		running.push({
			syncId: sync.rootfi_id,
			companyId: sync.rootfi_company_id,
			startedAt,
			runningMs: span.ms,
			tooLong: span.ms > settings.maxRunningMs,
		});
	}
	running.sort((a, b) => b.runningMs - a.runningMs);

	const reasons: HealthReason[] = [];
	const connection = connectionReason(input.connectionStatus);
	if (connection) reasons.push(connection);
	if (!syncs.some((sync) => sync.data_models.some((model) => model.status === 'SUCCESS'))) {
		const span = formatLimit(settings.windowMs);
		reasons.push({
			code: 'no_success_in_window',
			severity: 'UNHEALTHY',
			syncs: syncs.length,
			message:
				syncs.length === 0
					? `no syncs in the window (last ${span})`
					: `no data model succeeded in the window (${syncs.length} sync${syncs.length === 1 ? '' : 's'} in the last ${span})`,
		});
	}
	for (const {health: model, latestFinished: run} of assessed) {
		if (model.latestFailed) {
			reasons.push({
				code: 'model.latest_failed',
				severity: 'DEGRADED',
				dataModel: model.dataModel,
				syncId: run?.sync.rootfi_id,
				at: run?.at,
				message: `${name(model.dataModel)}: latest run failed (${syncName(run?.sync.rootfi_id)}, ${ago(run?.at, now)})`,
			});
		}
	}
	for (const model of models) {
		if (model.stale) {
			const limit = formatLimit(settings.staleAfterMs);
			reasons.push({
				code: 'model.stale',
				severity: 'DEGRADED',
				dataModel: model.dataModel,
				lastSuccessAt: model.lastSuccessAt,
				message:
					model.lastSuccessAt === undefined
						? `${name(model.dataModel)}: stale, no success in the window (limit ${limit})`
						: `${name(model.dataModel)}: stale, last success ${ago(model.lastSuccessAt, now)} (limit ${limit})`,
			});
		}
	}
	for (const sync of running) {
		if (!sync.tooLong) continue;
		reasons.push({
			code: 'sync.running_too_long',
			severity: 'DEGRADED',
			syncId: sync.syncId,
			startedAt: sync.startedAt,
			runningMs: sync.runningMs,
			message: `${syncName(sync.syncId)} has been running for ${formatDuration(sync.runningMs)} (limit ${formatLimit(settings.maxRunningMs)})`,
		});
	}
	reasons.sort(reasonOrder);

	const verdict: Verdict = reasons.reduce<Verdict>(
		(worst, reason) => (verdictRank[reason.severity] > verdictRank[worst] ? reason.severity : worst),
		'HEALTHY',
	);
	const times = syncs.map(syncTime).filter((time): time is number => time !== undefined);
	return {
		verdict,
		exitCode: exitCodes[verdict],
		companyId: input.companyId,
		connectionStatus: input.connectionStatus,
		syncStatus: input.syncStatus,
		reasons,
		models,
		running,
		window: {
			startAt: now - settings.windowMs,
			syncs: syncs.length,
			undated: selection.undated,
			capped: selection.capped,
			newestAt: times.length > 0 ? Math.max(...times) : undefined,
			oldestAt: times.length > 0 ? Math.min(...times) : undefined,
		},
		settings,
		coverage: input.coverage,
		requestIds: [...input.requestIds],
		now,
	};
};

/** The worst verdict of several; HEALTHY for none. */
export const worstVerdict = (values: Iterable<Verdict>): Verdict => {
	let worst: Verdict = 'HEALTHY';
	for (const value of values) if (verdictRank[value] > verdictRank[worst]) worst = value;
	return worst;
};
