// The demo API's data: about 50 companies and several thousand syncs over the last 30 days, generated
// from a seed so that every run (and every test) sees the same story, always ending at `now`.
import type {
	DataModelResult,
	JobType,
	KnownConfigMode,
	KnownConnectionStatus,
	KnownDataModel,
	KnownDataModelStatus,
	KnownIntegrationType,
	KnownSyncStatus,
	Sync,
} from '../api/types.js';
import {knownDataModelValues, knownIntegrationTypeValues, knownSyncTypeValues} from '../api/types.js';
import {createRandom, type Random} from './random.js';

type KnownSyncType = (typeof knownSyncTypeValues)[number];

/** A company (connection) of the demo, with the statuses GET /sync reports when filtered by it. */
export type DemoCompany = {
	readonly id: number;
	readonly integration: string;
	readonly connection_status: string;
	readonly sync_status: string;
};

export type DemoDataset = {
	/** Every sync, newest `start_time` first. */
	readonly syncs: readonly Sync[];
	readonly companies: ReadonlyMap<number, DemoCompany>;
	/** The moment the data ends at: every time in the dataset is computed back from it. */
	readonly now: Date;
};

export type DatasetOptions = {
	readonly seed?: number;
	readonly now?: Date;
};

/**
 * Companies whose story is fixed whatever the seed; tests and the README rely on them.
 * - healthy: connection HEALTHY, idle, every data model's latest run succeeded within the last day.
 * - degraded: connection HEALTHY, but INVOICES failed in its latest syncs (the latest one included).
 * - unhealthy: connection EXPIRED; every data model of every sync has failed for about two days.
 * - running: a sync started a few minutes ago and another stuck for about three hours.
 */
export const demoCompanies = {healthy: 101, degraded: 102, unhealthy: 103, running: 104} as const;

export const demoDefaultSeed = 20_231_201;
export const demoHistoryDays = 30;
export const demoFirstCompanyId = 101;
export const demoCompanyCount = 48;

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

const syncIdAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const firstRootfiId = 1_200_001;

/** Data models a PUSH job can write. */
const pushableModels: ReadonlySet<KnownDataModel> = new Set<KnownDataModel>([
	'ACCOUNTS',
	'BILL_CREDIT_NOTES',
	'BILL_PAYMENTS',
	'BILLS',
	'CONTACTS',
	'EXPENSES',
	'INVOICE_CREDIT_NOTES',
	'INVOICE_PAYMENTS',
	'INVOICES',
	'ITEMS',
	'JOURNAL_ENTRIES',
	'PURCHASE_ORDERS',
	'SALES_ORDERS',
]);

/** Typical record counts of a full sync, so incremental and full syncs look different. */
const recordScale: Readonly<Record<KnownDataModel, number>> = {
	ACCOUNTS: 300,
	BALANCE_SHEET: 12,
	BANK_ACCOUNTS: 8,
	BANK_TRANSACTIONS: 20_000,
	BILL_CREDIT_NOTES: 150,
	BILL_PAYMENTS: 2500,
	BILLS: 4000,
	CASH_FLOW_STATEMENT: 12,
	COMPANY_INFO: 1,
	CONTACTS: 2000,
	CURRENCIES: 6,
	EXPENSES: 1500,
	INCOME_STATEMENT: 12,
	INVOICE_CREDIT_NOTES: 200,
	INVOICE_PAYMENTS: 5000,
	INVOICES: 8000,
	ITEMS: 800,
	JOURNAL_ENTRIES: 6000,
	PURCHASE_ORDERS: 700,
	SALES_ORDERS: 900,
	TAX_RATES: 25,
	TRACKING_CATEGORIES: 20,
};

/** Models that are fetched whole on every sync (a report or a single record), never incrementally. */
const wholeModels: ReadonlySet<KnownDataModel> = new Set<KnownDataModel>([
	'BALANCE_SHEET',
	'CASH_FLOW_STATEMENT',
	'COMPANY_INFO',
	'INCOME_STATEMENT',
]);

/** Models that fail more often than others on a flaky connection (big, paginated, rate limited). */
const fragileModels: ReadonlySet<KnownDataModel> = new Set<KnownDataModel>([
	'BANK_TRANSACTIONS',
	'JOURNAL_ENTRIES',
	'INVOICES',
]);

type RunningPlan = {
	/** How long before `now` it started. */
	readonly startedAgo: number;
	readonly fullSync: boolean;
	readonly syncType: KnownSyncType;
	/** Stuck: everything done but one data model that never finishes. */
	readonly stuck?: boolean;
	/** Queued: nothing has started yet (every data model CREATED). */
	readonly queued?: boolean;
};

type CompanyPlan = {
	readonly id: number;
	readonly integration: KnownIntegrationType;
	readonly connectionStatus: KnownConnectionStatus;
	readonly syncStatus: KnownSyncStatus;
	readonly organisationId: number;
	readonly models: readonly KnownDataModel[];
	readonly pullEveryHours: number;
	readonly pushesPerDay: number;
	readonly manualPullsPerDay: number;
	readonly modelFailureRate: number;
	readonly syncFailureRate: number;
	readonly volume: number;
	/** Start of the first (full) sync; undefined when the company has never synced. */
	readonly connectedAt: number | undefined;
	/** No scheduled sync starts after this. */
	readonly stopsAt: number;
	/** From this time on, every data model of every sync fails (expired or lost connection). */
	readonly failingSince?: number;
	/** From this time on there are no random failures (the named cases' recent history is exact). */
	readonly quietSince?: number;
	/** This data model fails in the last `syncs` scheduled pulls (and in anything after the first). */
	readonly failingModel?: {readonly model: KnownDataModel; readonly syncs: number};
	readonly running: readonly RunningPlan[];
};

type Draft = {
	readonly jobType: JobType;
	readonly configMode: KnownConfigMode;
	readonly syncType: KnownSyncType;
	readonly fullSync: boolean;
	readonly start: number;
	readonly models: readonly KnownDataModel[];
	readonly scheduled: boolean;
	readonly running?: RunningPlan;
};

type DraftSync = {
	readonly start: number;
	readonly companyId: number;
	readonly sync: Sync;
};

export function generateDataset(options: DatasetOptions = {}): DemoDataset {
	const seed = options.seed ?? demoDefaultSeed;
	const now = options.now ?? new Date(Math.floor(Date.now() / minute) * minute);
	// Whole seconds, so that data-model times printed without milliseconds stay inside their sync.
	const nowMs = Math.floor(now.getTime() / second) * second;
	const random = createRandom(seed);

	const plans = planCompanies(random, nowMs);
	const usedSyncIds = new Set<string>();
	const drafts: DraftSync[] = [];
	for (const plan of plans) {
		// A generator per company, so that changing one company's story does not reshuffle the rest.
		const companyRandom = createRandom((seed ^ Math.imul(plan.id, 0x9e_37_79_b1)) >>> 0);
		for (const sync of buildCompanySyncs(plan, companyRandom, nowMs, usedSyncIds)) {
			drafts.push(sync);
		}
	}

	// RootFi ids grow with creation time; assign them oldest first, then list newest first.
	drafts.sort((a, b) => a.start - b.start || a.companyId - b.companyId);
	for (const [index, draft] of drafts.entries()) {
		draft.sync.rootfi_id = firstRootfiId + index;
	}

	const syncs = drafts.map(draft => draft.sync).reverse();
	const companies = new Map<number, DemoCompany>(
		plans.map(plan => [
			plan.id,
			{
				id: plan.id,
				integration: plan.integration,
				connection_status: plan.connectionStatus,
				sync_status: plan.syncStatus,
			},
		]),
	);
	return {syncs, companies, now};
}

type Profile = 'healthy' | 'sleeping' | 'flaky' | 'busy' | 'disconnected' | 'expired' | 'new' | 'first-sync' | 'queued';

/** The mix of the companies that are not named cases. */
const otherProfiles: ReadonlyArray<readonly [Profile, number]> = [
	['healthy', 20],
	['sleeping', 4],
	['flaky', 7],
	['busy', 5],
	['disconnected', 4],
	['expired', 1],
	['new', 1],
	['first-sync', 1],
	['queued', 1],
];

function modelsFrom(names: readonly KnownDataModel[]): KnownDataModel[] {
	const wanted = new Set(names);
	return knownDataModelValues.filter(model => wanted.has(model));
}

function planCompanies(random: Random, now: number): CompanyPlan[] {
	const historyStart = now - demoHistoryDays * day;
	const longConnected = (): number => historyStart + random.int(10, 120) * minute;
	const quietSince = now - 8 * day;
	const common = {
		pushesPerDay: 3,
		manualPullsPerDay: 0.3,
		modelFailureRate: 0.004,
		syncFailureRate: 0.002,
		stopsAt: now - 45 * minute,
		running: [],
	} as const;

	const named: CompanyPlan[] = [
		{
			...common,
			id: demoCompanies.healthy,
			integration: 'XERO',
			connectionStatus: 'HEALTHY',
			syncStatus: 'IDLE',
			organisationId: 1,
			models: modelsFrom([
				'ACCOUNTS',
				'BALANCE_SHEET',
				'BANK_ACCOUNTS',
				'BANK_TRANSACTIONS',
				'BILL_PAYMENTS',
				'BILLS',
				'COMPANY_INFO',
				'CONTACTS',
				'CURRENCIES',
				'INVOICE_PAYMENTS',
				'INVOICES',
				'ITEMS',
				'JOURNAL_ENTRIES',
				'TAX_RATES',
			]),
			pullEveryHours: 3,
			volume: 1.2,
			connectedAt: longConnected(),
			quietSince,
		},
		{
			...common,
			id: demoCompanies.degraded,
			integration: 'QUICKBOOKS',
			connectionStatus: 'HEALTHY',
			syncStatus: 'IDLE',
			organisationId: 1,
			models: modelsFrom([
				'ACCOUNTS',
				'BANK_ACCOUNTS',
				'BILLS',
				'COMPANY_INFO',
				'CONTACTS',
				'EXPENSES',
				'INCOME_STATEMENT',
				'INVOICE_PAYMENTS',
				'INVOICES',
				'ITEMS',
				'SALES_ORDERS',
				'TAX_RATES',
			]),
			pullEveryHours: 4,
			volume: 2,
			connectedAt: longConnected(),
			quietSince,
			// Eight pulls at four hours: INVOICES has not succeeded for more than a day.
			failingModel: {model: 'INVOICES', syncs: 8},
		},
		{
			...common,
			id: demoCompanies.unhealthy,
			integration: 'ZOHO_BOOKS',
			connectionStatus: 'EXPIRED',
			syncStatus: 'IDLE',
			organisationId: 2,
			models: random.sample(knownDataModelValues, 10),
			pullEveryHours: 4,
			volume: 0.6,
			connectedAt: longConnected(),
			// The token expired a little over two days ago; the scheduler keeps trying and failing.
			failingSince: now - 50 * hour,
		},
		{
			...common,
			id: demoCompanies.running,
			integration: 'NETSUITE',
			connectionStatus: 'HEALTHY',
			syncStatus: 'RUNNING',
			organisationId: 2,
			models: [...knownDataModelValues],
			pullEveryHours: 2,
			pushesPerDay: 2,
			volume: 3,
			connectedAt: longConnected(),
			quietSince,
			running: [
				{startedAgo: 3 * hour + 7 * minute, fullSync: true, syncType: 'MANUAL', stuck: true},
				{startedAgo: 4 * minute, fullSync: false, syncType: 'AUTO_SYNC'},
			],
		},
	];

	// Every known integration appears at least once, then popular ones more often.
	const integrationCount = demoCompanyCount - named.length;
	const integrations = [
		...random.shuffle(knownIntegrationTypeValues),
		...Array.from({length: Math.max(0, integrationCount - knownIntegrationTypeValues.length)}, () =>
			random.weighted<KnownIntegrationType>([
				['QUICKBOOKS', 6],
				['XERO', 6],
				['ZOHO_BOOKS', 3],
				['NETSUITE', 2],
				['SAGE_CLOUD_ACCOUNTING', 2],
				['MS_DYNAMICS_365', 2],
				['MYOB_BUSINESS', 1],
				['TALLY', 1],
				['WAVE', 1],
				['ODOO_ACCOUNTING', 1],
				['QUICKBOOKS_SANDBOX', 1],
				['ROOTFI_SANDBOX', 1],
			]),
		),
	];
	const profiles = random.shuffle(otherProfiles.flatMap(([profile, count]) => Array.from({length: count}, () => profile)));

	const others = profiles.map((profile, index): CompanyPlan => {
		const id = demoFirstCompanyId + named.length + index;
		const integration = integrations[index] ?? 'QUICKBOOKS';
		const modelCount = random.weighted([
			[random.int(4, 8), 2],
			[random.int(9, 16), 5],
			[random.int(17, 22), 2],
		]);
		const models = random.sample(knownDataModelValues, modelCount);
		const pullEveryHours = random.weighted([[3, 2], [4, 3], [6, 3], [8, 2], [12, 1]] as const);
		// A quarter of the companies connected during the last month rather than before it.
		const connectedAt = random.chance(0.25) ? now - random.int(3 * 24, 25 * 24) * hour : longConnected();
		const base = {
			...common,
			id,
			integration,
			organisationId: random.int(1, 9),
			models,
			pullEveryHours,
			pushesPerDay: random.weighted([[0, 3], [1, 3], [2, 2], [4, 1]] as const),
			manualPullsPerDay: random.float(0, 0.5),
			volume: random.float(0.2, 3),
			connectedAt,
		};
		switch (profile) {
			case 'healthy':
			case 'sleeping': {
				return {...base, connectionStatus: 'HEALTHY', syncStatus: profile === 'sleeping' ? 'SLEEPING' : 'IDLE'};
			}

			case 'flaky': {
				return {
					...base,
					connectionStatus: 'HEALTHY',
					syncStatus: 'IDLE',
					modelFailureRate: random.float(0.03, 0.08),
					syncFailureRate: random.float(0.01, 0.03),
				};
			}

			case 'busy': {
				return {
					...base,
					connectionStatus: 'HEALTHY',
					syncStatus: random.pick(['RUNNING', 'FETCHING', 'PARSING'] as const),
					running: [
						{
							startedAgo: random.int(1, 25) * minute + random.int(0, 59) * second,
							fullSync: false,
							syncType: 'AUTO_SYNC',
						},
					],
				};
			}

			case 'disconnected':
			case 'expired': {
				// The connection broke some days ago: a few failed attempts, then the scheduler gave up.
				const failingSince = now - random.int(profile === 'expired' ? 3 * 24 : 24, 12 * 24) * hour;
				return {
					...base,
					connectionStatus: profile === 'expired' ? 'EXPIRED' : 'DISCONNECTED',
					syncStatus: 'IDLE',
					connectedAt: Math.min(connectedAt, failingSince - 2 * day),
					failingSince,
					stopsAt: failingSince + random.int(1, 3) * pullEveryHours * hour,
				};
			}

			case 'new': {
				// Connecting, nothing synced yet: an empty list with a PENDING connection.
				return {...base, connectionStatus: 'PENDING', syncStatus: 'IDLE', connectedAt: undefined, running: []};
			}

			case 'first-sync': {
				return {
					...base,
					connectionStatus: 'PENDING',
					syncStatus: 'FETCHING',
					connectedAt: undefined,
					running: [{startedAgo: random.int(5, 40) * minute, fullSync: true, syncType: 'AUTO_SYNC'}],
				};
			}

			case 'queued': {
				return {
					...base,
					connectionStatus: 'PENDING',
					syncStatus: 'IDLE',
					connectedAt: undefined,
					running: [{startedAgo: random.int(1, 3) * minute, fullSync: true, syncType: 'MANUAL', queued: true}],
				};
			}
		}
	});

	return [...named, ...others];
}

function wholeSeconds(time: number): number {
	return Math.floor(time / second) * second;
}

function scheduleDrafts(plan: CompanyPlan, random: Random): Draft[] {
	const drafts: Draft[] = [];
	if (plan.connectedAt !== undefined) {
		const interval = plan.pullEveryHours * hour;
		let time = wholeSeconds(plan.connectedAt);
		let first = true;
		while (time <= plan.stopsAt) {
			drafts.push({
				jobType: 'PULL',
				configMode: 'READ',
				syncType: 'AUTO_SYNC',
				// The first sync of a connection is full; now and then RootFi resyncs everything.
				fullSync: first || random.chance(0.015),
				start: time,
				models: plan.models,
				scheduled: true,
			});
			first = false;
			time = wholeSeconds(time + interval * random.float(0.92, 1.08));
		}

		// Manual pulls and pushes fall between the first and the last scheduled pull, so that a
		// company's latest finished sync is always a scheduled pull of every data model it syncs.
		const firstPull = drafts[0]?.start;
		const lastPull = drafts.at(-1)?.start;
		if (firstPull !== undefined && lastPull !== undefined && lastPull - firstPull > 2 * hour) {
			const span = lastPull - 10 * minute - (firstPull + hour);
			const days = span / day;
			const between = (): number => wholeSeconds(firstPull + hour + random.next() * span);

			const manualPulls = Math.round(days * plan.manualPullsPerDay * random.float(0.7, 1.3));
			for (let index = 0; index < manualPulls; index++) {
				const all = random.chance(0.4);
				drafts.push({
					jobType: 'PULL',
					configMode: 'READ',
					syncType: 'MANUAL',
					fullSync: all && random.chance(0.3),
					start: between(),
					models: all ? plan.models : random.sample(plan.models, random.int(1, plan.models.length)),
					scheduled: false,
				});
			}

			const writable = plan.models.filter(model => pushableModels.has(model) && model !== plan.failingModel?.model);
			const pushes = writable.length === 0 ? 0 : Math.round(days * plan.pushesPerDay * random.float(0.8, 1.2));
			for (let index = 0; index < pushes; index++) {
				drafts.push({
					jobType: 'PUSH',
					configMode: random.weighted<KnownConfigMode>([
						['CREATE', 6],
						['UPDATE', 3],
						['DELETE', 1],
					]),
					syncType: random.chance(0.65) ? 'AUTO_SYNC' : 'MANUAL',
					fullSync: false,
					start: between(),
					models: random.sample(writable, random.weighted([[1, 6], [2, 3], [3, 1]] as const)),
					scheduled: false,
				});
			}
		}
	}

	drafts.sort((a, b) => a.start - b.start);
	return drafts;
}

function buildCompanySyncs(plan: CompanyPlan, random: Random, now: number, usedSyncIds: Set<string>): DraftSync[] {
	const drafts = scheduleDrafts(plan, random);
	for (const running of plan.running) {
		drafts.push({
			jobType: 'PULL',
			configMode: 'READ',
			syncType: running.syncType,
			fullSync: running.fullSync,
			start: wholeSeconds(now - running.startedAgo),
			models: plan.models,
			scheduled: false,
			running,
		});
	}

	drafts.sort((a, b) => a.start - b.start);

	const scheduled = drafts.filter(draft => draft.scheduled);
	const failingModelSince = plan.failingModel
		? scheduled.at(-plan.failingModel.syncs)?.start ?? scheduled[0]?.start
		: undefined;

	const result: DraftSync[] = [];
	let previousPull: number | undefined;
	for (const draft of drafts) {
		const statuses = draft.running
			? runningStatuses(draft, draft.running, random)
			: finishedStatuses(draft, plan, random, failingModelSince);
		// Incremental syncs fetch what changed since the previous pull started.
		const since =
			previousPull !== undefined && previousPull < draft.start ? previousPull : draft.start - plan.pullEveryHours * hour;
		const syncFrom = draft.fullSync ? null : since;
		result.push({
			start: draft.start,
			companyId: plan.id,
			sync: buildSync(draft, statuses, syncFrom, plan, random, now, usedSyncIds),
		});
		if (draft.jobType === 'PULL') {
			previousPull = draft.start;
		}
	}

	return result;
}

function finishedStatuses(
	draft: Draft,
	plan: CompanyPlan,
	random: Random,
	failingModelSince: number | undefined,
): KnownDataModelStatus[] {
	if (plan.failingSince !== undefined && draft.start >= plan.failingSince) {
		return draft.models.map(() => 'FAILED');
	}

	const quiet = plan.quietSince !== undefined && draft.start >= plan.quietSince;
	if (!quiet && random.chance(plan.syncFailureRate)) {
		return draft.models.map(() => 'FAILED');
	}

	return draft.models.map(model => {
		if (failingModelSince !== undefined && model === plan.failingModel?.model && draft.start >= failingModelSince) {
			return 'FAILED';
		}

		const rate = plan.modelFailureRate * (fragileModels.has(model) ? 3 : 1);
		return !quiet && random.chance(rate) ? 'FAILED' : 'SUCCESS';
	});
}

function runningStatuses(draft: Draft, running: RunningPlan, random: Random): KnownDataModelStatus[] {
	const count = draft.models.length;
	if (running.queued) {
		return draft.models.map(() => 'CREATED');
	}

	if (running.stuck) {
		// Everything finished except one data model, which has been running ever since.
		const stuckAt = random.int(Math.floor(count / 2), count - 1);
		return draft.models.map((_, index) => (index === stuckAt ? 'RUNNING' : 'SUCCESS'));
	}

	// Data models run in their listed order, a few at a time: done, then running, then queued.
	const done = random.int(0, Math.floor(count * 0.6));
	const active = Math.min(count - done, random.int(1, 3));
	return draft.models.map((_, index) => (index < done ? 'SUCCESS' : index < done + active ? 'RUNNING' : 'CREATED'));
}

type TimeStyle = 'z' | 'offset';

const dateByDay = new Map<number, string>();

/**
 * `Date#toISOString`, faster: the dataset prints about 200,000 times and `new Date()` for each was
 * a third of the generation time. The date part is cached per day; the clock part is arithmetic.
 */
function isoString(time: number): string {
	const dayIndex = Math.floor(time / day);
	let date = dateByDay.get(dayIndex);
	if (date === undefined) {
		if (dateByDay.size > 4096) {
			dateByDay.clear();
		}

		date = new Date(dayIndex * day).toISOString().slice(0, 11);
		dateByDay.set(dayIndex, date);
	}

	const ofDay = time - dayIndex * day;
	const hours = Math.floor(ofDay / hour);
	const minutes = Math.floor((ofDay % hour) / minute);
	const seconds = Math.floor((ofDay % minute) / second);
	const milliseconds = ofDay % second;
	const clock = `${twoDigits[hours] ?? ''}:${twoDigits[minutes] ?? ''}:${twoDigits[seconds] ?? ''}`;
	return `${date}${clock}.${threeDigits[milliseconds] ?? ''}Z`;
}

const twoDigits = Array.from({length: 100}, (_, value) => String(value).padStart(2, '0'));
const threeDigits = Array.from({length: 1000}, (_, value) => String(value).padStart(3, '0'));

/** Both styles appear in RootFi's documented example: `...08:17:29.000Z` and `...08:17:29+00:00`. */
function formatTime(time: number, style: TimeStyle, withMilliseconds: boolean): string {
	const iso = isoString(time);
	if (style === 'z') {
		return iso;
	}

	return `${withMilliseconds ? iso.slice(0, -1) : iso.slice(0, 19)}+00:00`;
}

function recordCount(model: KnownDataModel, draft: Draft, plan: CompanyPlan, random: Random): number {
	if (draft.jobType === 'PUSH') {
		return random.weighted([[1, 5], [random.int(2, 10), 3], [random.int(11, 60), 1]]);
	}

	const full = Math.max(1, Math.round(recordScale[model] * plan.volume * random.float(0.85, 1.15)));
	if (draft.fullSync || wholeModels.has(model)) {
		return full;
	}

	// Incremental: what changed since the last sync, often nothing.
	return random.chance(0.3) ? 0 : random.int(0, Math.max(1, Math.ceil(full * 0.01)));
}

function buildSync(
	draft: Draft,
	statuses: readonly KnownDataModelStatus[],
	syncFrom: number | null,
	plan: CompanyPlan,
	random: Random,
	now: number,
	usedSyncIds: Set<string>,
): Sync {
	const start = draft.start;
	const allFailed = statuses.every(status => status === 'FAILED');
	const count = draft.models.length;
	const perModel =
		draft.jobType === 'PUSH'
			? random.float(2, 15) * second
			: draft.fullSync
				? random.float(30, 150) * second
				: random.float(2, 15) * second;
	// A sync that fails outright (auth, platform down) fails fast.
	const work = allFailed ? random.float(4, 20) * second : count * perModel * random.float(0.3, 0.6);
	const duration = Math.round(Math.max(5 * second, work));
	const end = draft.running ? undefined : start + duration;
	// A running sync's data models have all started (if at all) by now.
	const spanEnd = end ?? now;

	const dataModels = draft.models.map((model, index): DataModelResult => {
		const status = statuses[index] ?? 'SUCCESS';
		const style: TimeStyle = random.chance(0.5) ? 'z' : 'offset';
		const syncId = uniqueSyncId(random, usedSyncIds);
		let total = recordCount(model, draft, plan, random);
		let success = 0;
		let failed = 0;
		let running = 0;
		let pending = 0;
		let modelStart: number | undefined;
		let modelEnd: number | undefined;
		switch (status) {
			case 'SUCCESS': {
				success = total;
				break;
			}

			case 'FAILED': {
				total = Math.max(total, allFailed ? random.int(1, 3) : 1);
				failed = random.chance(0.5) ? total : random.int(1, total);
				success = total - failed;
				break;
			}

			case 'RUNNING': {
				total = Math.max(total, random.int(20, 400));
				success = random.int(0, total - 1);
				running = random.int(1, Math.min(250, total - success));
				pending = total - success - running;
				break;
			}

			default: {
				// CREATED: queued, nothing known about it yet.
				total = 0;
				break;
			}
		}

		if (status !== 'CREATED') {
			// Whole seconds, so that printing without milliseconds never moves it before the sync.
			modelStart = wholeSeconds(start + random.float(0, 0.6) * (spanEnd - start));
			if (status !== 'RUNNING') {
				const room = spanEnd - modelStart;
				modelEnd = Math.min(spanEnd, modelStart + Math.max(second, Math.round(random.float(0.1, 1) * room)));
			}
		}

		return {
			sync_id: syncId,
			data_model: model,
			total_count: total,
			success_count: success,
			failed_count: failed,
			running_count: running,
			pending_count: pending,
			start_time: modelStart === undefined ? null : formatTime(modelStart, style, false),
			end_time: modelEnd === undefined ? null : formatTime(modelEnd, style, true),
			status,
		};
	});

	const countOf = (status: KnownDataModelStatus): number => statuses.filter(value => value === status).length;
	const createdAt = start - random.int(150, 4000);
	const updatedAt = end ?? Math.max(start, now - random.int(0, 20) * second);
	return {
		rootfi_id: 0,
		rootfi_company_id: plan.id,
		rootfi_organisation_id: plan.organisationId,
		rootfi_integration_type: plan.integration,
		rootfi_updated_at: isoString(updatedAt),
		rootfi_created_at: isoString(createdAt),
		start_time: isoString(start),
		end_time: end === undefined ? null : isoString(end),
		sync_from: syncFrom === null ? null : isoString(syncFrom),
		integration_type: plan.integration,
		full_sync: draft.fullSync,
		sync_type: draft.syncType,
		config_mode: draft.configMode,
		success_count: countOf('SUCCESS'),
		failed_count: countOf('FAILED'),
		running_count: countOf('RUNNING'),
		created_count: countOf('CREATED'),
		data_models: dataModels,
	};
}

function uniqueSyncId(random: Random, used: Set<string>): string {
	let id = randomSyncId(random);
	while (used.has(id)) {
		id = randomSyncId(random);
	}

	used.add(id);
	return id;
}

const syncIdCodes = Array.from(syncIdAlphabet, character => character.charCodeAt(0));
const fiveDigits = syncIdCodes.length ** 5;

/** 15 characters from 3 draws (62^5 < 2^32) rather than 15: sync ids are most of the draws. */
function randomSyncId(random: Random): string {
	const codes: number[] = [];
	for (let part = 0; part < 3; part++) {
		let value = Math.floor(random.next() * fiveDigits);
		for (let digit = 0; digit < 5; digit++) {
			codes.push(syncIdCodes[value % syncIdCodes.length] ?? 48);
			value = Math.floor(value / syncIdCodes.length);
		}
	}

	return String.fromCharCode(...codes);
}
