// Fault injection for the demo API: which requests get a deliberately wrong answer, and which one.
// Pure (no I/O) so the schedule is testable alone; source/demo/server.ts acts on the decisions.
import {UsageError} from '../config-error.js';
import {createRandom, type Random} from './random.js';

export const faultModes = ['rate-limit', 'empty-500', 'html-502', 'hang', 'reset', 'truncated'] as const;
/**
 * - rate-limit: 429 with `Retry-After` and RootFi's error body
 * - empty-500: 500 with an empty body
 * - html-502: 502 with a proxy's HTML page (text/html)
 * - hang: the request is read and never answered
 * - reset: the connection is reset (TCP RST) without a response
 * - truncated: 200 with valid headers and the JSON body cut in half
 */
export type FaultMode = (typeof faultModes)[number];

export type DemoFaults = {
	/** Every answer (good or faulty) is delayed this long; timers, so other requests are not held up. */
	readonly latencyMs?: number;
	/**
	 * Probability (0..1) that an eligible request gets the fault: `mode` when given, else an empty 500.
	 * Without it, every eligible request gets `mode`.
	 */
	readonly failRate?: number;
	readonly mode?: FaultMode;
	/** Retry-After for rate-limit, in seconds (default 1). */
	readonly retryAfterSeconds?: number;
	/** The first N requests are answered normally, so a client has good data before things break. */
	readonly afterRequests?: number;
	/** Only every Nth request after `afterRequests` is eligible (the Nth, 2Nth, ...). */
	readonly every?: number;
	/** At most this many faults in all; later requests are answered normally (e.g. 1: fail once, then OK). */
	readonly maxFaults?: number;
	/** Seeds the failRate draws so a run repeats exactly; unseeded runs differ each time. */
	readonly seed?: number;
};

export const defaultRetryAfterSeconds = 1;

export type FaultDecision = {
	/** 0-based, in order of arrival. */
	readonly request: number;
	readonly latencyMs: number;
	readonly fault: FaultMode | undefined;
};

export type FaultPlan = {
	/** Decides the next request's fate; call once per request, in order of arrival. */
	readonly next: () => FaultDecision;
	readonly stats: () => FaultStats;
};

export type FaultStats = {readonly requests: number; readonly faults: number};

/** Whether the options ask for anything at all; the server skips the plan entirely when not. */
export const hasFaults = (faults: DemoFaults | undefined): faults is DemoFaults =>
	faults !== undefined && ((faults.latencyMs ?? 0) > 0 || faults.mode !== undefined || (faults.failRate ?? 0) > 0);

/** Throws a RangeError naming the option; the server refuses bad options rather than guessing. */
export const checkFaults = (faults: DemoFaults): void => {
	const whole = (name: string, value: number | undefined, min: number): void => {
		if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
			throw new RangeError(`faults.${name} must be a whole number of at least ${min}, not ${value}`);
		}
	};

	whole('latencyMs', faults.latencyMs, 0);
	whole('afterRequests', faults.afterRequests, 0);
	whole('every', faults.every, 1);
	whole('maxFaults', faults.maxFaults, 0);
	whole('retryAfterSeconds', faults.retryAfterSeconds, 0);
	if (faults.failRate !== undefined && !(faults.failRate >= 0 && faults.failRate <= 1)) {
		throw new RangeError(`faults.failRate must be from 0 to 1, not ${faults.failRate}`);
	}

	if (faults.mode !== undefined && !faultModes.includes(faults.mode)) {
		throw new RangeError(`faults.mode must be one of ${faultModes.join(', ')}, not ${String(faults.mode)}`);
	}
};

export const createFaultPlan = (faults: DemoFaults): FaultPlan => {
	checkFaults(faults);
	const {latencyMs = 0, failRate, mode, afterRequests = 0, every = 1, maxFaults = Number.POSITIVE_INFINITY} = faults;
	// A seeded generator rather than Math.random, so a seed repeats a run exactly.
	const random: Random | undefined =
		failRate === undefined ? undefined : createRandom(faults.seed ?? Math.floor(Math.random() * 4_294_967_296));
	let requests = 0;
	let injected = 0;

	const next = (): FaultDecision => {
		const request = requests++;
		const eligible = request >= afterRequests && (request - afterRequests + 1) % every === 0 && injected < maxFaults;
		// Draw only for eligible requests, so afterRequests and every do not shift a seeded pattern.
		const hit = eligible && (random === undefined ? mode !== undefined : random.chance(failRate ?? 0));
		const fault = hit ? (mode ?? 'empty-500') : undefined;
		if (fault) {
			injected++;
		}

		return {request, latencyMs, fault};
	};

	return {next, stats: () => ({requests, faults: injected})};
};

// ---------------------------------------------------------------------------------------------------
// Flags of `rootfi-tui demo-server`

export type FaultFlags = {
	readonly latency?: string;
	readonly failRate?: string;
	readonly fault?: string;
};

const maxLatencyMs = 600_000;

const wholeNumber = (flag: string, text: string, min: number, max: number, unit = ''): number => {
	const trimmed = text.trim();
	const value = Number(trimmed);
	if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value) || value < min || value > max) {
		throw new UsageError(`${flag} must be a whole number${unit} from ${min} to ${max}, not "${text}"`);
	}

	return value;
};

/** `MODE[,after=N][,every=N][,times=N][,retry-after=S]`, e.g. `hang,after=2` or `rate-limit,times=1`. */
const parseFaultSpec = (text: string): DemoFaults => {
	const [modeText = '', ...settings] = text.split(',').map(part => part.trim());
	const mode = faultModes.find(candidate => candidate === modeText.toLowerCase());
	if (mode === undefined) {
		throw new UsageError(`--fault must be one of ${faultModes.join(', ')} (then ,after=N ,every=N ,times=N ,retry-after=S), not "${text}"`);
	}

	const out: {-readonly [K in keyof DemoFaults]: DemoFaults[K]} = {mode};
	for (const setting of settings) {
		const [name = '', value, extra] = setting.split('=').map(part => part.trim());
		if (value === undefined || extra !== undefined) {
			throw new UsageError(`--fault setting "${setting}" must be NAME=N (after, every, times, retry-after)`);
		}

		const label = `--fault ${name}`;
		switch (name) {
			case 'after': {
				out.afterRequests = wholeNumber(label, value, 0, 1_000_000);
				break;
			}

			case 'every': {
				out.every = wholeNumber(label, value, 1, 1_000_000);
				break;
			}

			case 'times': {
				out.maxFaults = wholeNumber(label, value, 0, 1_000_000);
				break;
			}

			case 'retry-after': {
				if (mode !== 'rate-limit') {
					throw new UsageError(`--fault retry-after applies to rate-limit only, not ${mode}`);
				}

				out.retryAfterSeconds = wholeNumber(label, value, 0, 86_400, ' of seconds');
				break;
			}

			default: {
				throw new UsageError(`--fault has no setting "${name}"; settings: after, every, times, retry-after`);
			}
		}
	}

	return out;
};

/**
 * `--latency MS --fail-rate P --fault MODE[,settings]` -> DemoFaults. Throws UsageError with one line
 * naming the flag for a bad value; no flags at all gives `{}` (no faults).
 */
export const parseFaultFlags = (flags: FaultFlags): DemoFaults => {
	const out: {-readonly [K in keyof DemoFaults]: DemoFaults[K]} = {};
	if (flags.latency !== undefined) {
		out.latencyMs = wholeNumber('--latency', flags.latency, 0, maxLatencyMs, ' of milliseconds');
	}

	if (flags.failRate !== undefined) {
		const trimmed = flags.failRate.trim();
		const value = Number(trimmed);
		// Number('') is 0 and Number('0x1') is 1: only plain decimals are accepted.
		if (!/^(\d+(\.\d*)?|\.\d+)$/.test(trimmed) || value > 1) {
			throw new UsageError(`--fail-rate must be a number from 0 to 1 (a probability), not "${flags.failRate}"`);
		}

		out.failRate = value;
	}

	if (flags.fault !== undefined) {
		Object.assign(out, parseFaultSpec(flags.fault));
	}

	return out;
};

/** One line for the demo-server banner, so the person running it sees what is switched on. */
export const describeFaults = (faults: DemoFaults): string => {
	if (!hasFaults(faults)) {
		return 'no faults';
	}

	const parts: string[] = [];
	if (faults.mode !== undefined || faults.failRate !== undefined) {
		const what = faults.mode ?? 'empty-500';
		const retry = what === 'rate-limit' ? ` (Retry-After ${faults.retryAfterSeconds ?? defaultRetryAfterSeconds}s)` : '';
		const rate = faults.failRate === undefined ? '' : `${Math.round(faults.failRate * 1000) / 10}% of `;
		const which = (faults.every ?? 1) > 1 ? `1 in ${faults.every} requests` : rate ? 'requests' : 'every request';
		const after = faults.afterRequests ? ` after the first ${faults.afterRequests}` : '';
		const cap = faults.maxFaults === undefined ? '' : faults.maxFaults === 1 ? ', once' : `, at most ${faults.maxFaults} times`;
		parts.push(`${what}${retry} on ${rate}${which}${after}${cap}`);
	}

	if ((faults.latencyMs ?? 0) > 0) {
		parts.push(`${faults.latencyMs} ms latency`);
	}

	return `faults: ${parts.join('; ')}`;
};
