// One health check, for one company or for every company seen in the window: gather, then assess.
// The command and the explorer's screen both call these, so they cannot disagree.
import type {JobType} from '../api/types.js';
import {gatherSyncs, mapBounded, type PageReader} from './gather.js';
import type {HealthSettings} from './options.js';
import {
	assessHealth,
	exitCodes,
	selectWindow,
	verdictRank,
	worstVerdict,
	type Coverage,
	type HealthReport,
	type Outcome,
} from './verdict.js';

export type CheckOptions = {
	readonly read: PageReader;
	readonly settings: HealthSettings;
	readonly now: number;
	readonly jobType?: JobType | undefined;
	readonly signal?: AbortSignal | undefined;
	readonly pageSize?: number;
};

export const checkCompany = async (companyId: number, options: CheckOptions): Promise<HealthReport> => {
	const gathered = await gatherSyncs({...options, companyId});
	return assessHealth({
		syncs: gathered.syncs,
		companyId,
		connectionStatus: gathered.connectionStatus,
		syncStatus: gathered.syncStatus,
		requestIds: gathered.requestIds,
		now: options.now,
		settings: options.settings,
		coverage: gathered.coverage,
	});
};

export type FleetReport = {
	/** The worst company's verdict; UNKNOWN when no company was seen in the window. */
	readonly verdict: Outcome;
	readonly exitCode: 0 | 1 | 2 | 3;
	/** Worst first, then by company id. */
	readonly companies: readonly HealthReport[];
	readonly discovery: {
		/** Syncs in the window (all companies). */
		readonly syncs: number;
		/** Syncs in the window with no rootfi_company_id: they cannot be checked. */
		readonly withoutCompany: number;
		readonly coverage: Coverage;
		readonly requestIds: readonly string[];
	};
	/** Companies seen but not checked because of `maxCompanies` (the least recently active ones). */
	readonly skippedCompanies: number;
	readonly settings: HealthSettings;
	readonly now: number;
};

export type FleetOptions = CheckOptions & {
	/** Company checks in flight at once. */
	readonly concurrency?: number;
	readonly maxCompanies?: number;
	/** How many syncs discovery may read to find the companies of the window's duration. */
	readonly discoveryMaxSyncs?: number;
	readonly discoveryPageSize?: number;
};

export const defaultConcurrency = 4;
export const defaultMaxCompanies = 100;
export const defaultDiscoveryMaxSyncs = 5000;
/** The largest page the API notes allow: discovery reads many syncs and keeps only their company ids. */
export const defaultDiscoveryPageSize = 500;

/**
 * Finds the companies with a sync within the window's duration (an unfiltered read, bounded by
 * `discoveryMaxSyncs`), then checks each one exactly as `checkCompany` does, with its own window:
 * connection_status is only meaningful per company, and the same code gives the same verdict as
 * `health --company ID`. The window's count applies per company, not to discovery: the newest 200
 * syncs of a busy account are a few hours, and a company that stopped syncing (the one to find)
 * would be missed.
 */
export const checkAllCompanies = async (options: FleetOptions): Promise<FleetReport> => {
	const discoverySettings = {
		windowMs: options.settings.windowMs,
		maxSyncs: options.discoveryMaxSyncs ?? defaultDiscoveryMaxSyncs,
	};
	const discovery = await gatherSyncs({
		...options,
		companyId: undefined,
		settings: discoverySettings,
		pageSize: options.discoveryPageSize ?? defaultDiscoveryPageSize,
	});
	const selection = selectWindow(discovery.syncs, options.now, discoverySettings);
	const companies: number[] = [];
	let withoutCompany = 0;
	for (const sync of selection.syncs) {
		// selectWindow returns newest first, so companies come in order of their latest activity.
		if (sync.rootfi_company_id === undefined) withoutCompany++;
		else if (!companies.includes(sync.rootfi_company_id)) companies.push(sync.rootfi_company_id);
	}
	const maxCompanies = options.maxCompanies ?? defaultMaxCompanies;
	const checked = companies.slice(0, maxCompanies);
	const reports = await mapBounded(
		checked,
		options.concurrency ?? defaultConcurrency,
		(companyId, signal) => checkCompany(companyId, {...options, signal}),
		options.signal,
	);
	reports.sort(
		(a, b) => verdictRank[b.verdict] - verdictRank[a.verdict] || (a.companyId ?? 0) - (b.companyId ?? 0),
	);
	const verdict: Outcome = reports.length === 0 ? 'UNKNOWN' : worstVerdict(reports.map((report) => report.verdict));
	return {
		verdict,
		exitCode: exitCodes[verdict],
		companies: reports,
		discovery: {
			syncs: selection.syncs.length,
			withoutCompany,
			coverage: discovery.coverage,
			requestIds: discovery.requestIds,
		},
		skippedCompanies: companies.length - checked.length,
		settings: options.settings,
		now: options.now,
	};
};
