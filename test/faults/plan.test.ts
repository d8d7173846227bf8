// The fault schedule and the demo-server flags, without a server: which request gets which fault.
import {describe, expect, it} from 'vitest';
import {UsageError} from '../../source/config-error.js';
import {createFaultPlan, describeFaults, parseFaultFlags, type DemoFaults} from '../../source/demo/faults.js';

/** One character per request: `.` normal, else the fault's first letter. */
const pattern = (faults: DemoFaults, count: number): string => {
	const plan = createFaultPlan(faults);
	return Array.from({length: count}, () => plan.next().fault?.[0] ?? '.').join('');
};

describe('createFaultPlan', () => {
	it('faults every request when only a mode is given', () => {
		expect(pattern({mode: 'hang'}, 4)).toBe('hhhh');
	});

	it('answers the first N normally, then faults (afterRequests)', () => {
		expect(pattern({mode: 'empty-500', afterRequests: 2}, 5)).toBe('..eee');
	});

	it('faults only every Nth request, counted after afterRequests', () => {
		expect(pattern({mode: 'reset', every: 3}, 7)).toBe('..r..r.');
		expect(pattern({mode: 'reset', every: 2, afterRequests: 1}, 6)).toBe('..r.r.');
	});

	it('stops after maxFaults: fail once, then OK', () => {
		expect(pattern({mode: 'rate-limit', maxFaults: 1}, 3)).toBe('r..');
		expect(pattern({mode: 'truncated', maxFaults: 0}, 2)).toBe('..');
	});

	it('repeats a seeded failRate exactly, with an empty 500 when no mode is given', () => {
		const first = pattern({failRate: 0.5, seed: 42}, 40);
		expect(pattern({failRate: 0.5, seed: 42}, 40)).toBe(first);
		expect(first).toMatch(/^[.e]+$/);
		expect(first).toContain('e');
		expect(first).toContain('.');
		expect(pattern({failRate: 0.5, seed: 43}, 40)).not.toBe(first);
	});

	it('applies failRate to the mode when both are given, and 0 and 1 are exact', () => {
		expect(pattern({failRate: 1, mode: 'html-502', seed: 1}, 3)).toBe('hhh');
		expect(pattern({failRate: 0, mode: 'html-502', seed: 1}, 3)).toBe('...');
		expect(pattern({failRate: 0.5, mode: 'html-502', seed: 7}, 40)).toMatch(/^[.h]+$/);
	});

	it('keeps a seeded pattern whatever afterRequests is (draws only for eligible requests)', () => {
		const plain = pattern({failRate: 0.5, seed: 9}, 10);
		expect(pattern({failRate: 0.5, seed: 9, afterRequests: 3}, 13)).toBe(`...${plain}`);
	});

	it('counts requests and faults, and adds latency to every answer', () => {
		const plan = createFaultPlan({mode: 'empty-500', afterRequests: 1, latencyMs: 250});
		expect(plan.next()).toEqual({request: 0, latencyMs: 250, fault: undefined});
		expect(plan.next()).toEqual({request: 1, latencyMs: 250, fault: 'empty-500'});
		expect(plan.stats()).toEqual({requests: 2, faults: 1});
	});

	it.each([
		[{failRate: 1.5}, /failRate must be from 0 to 1/],
		[{failRate: Number.NaN}, /failRate/],
		[{latencyMs: -1}, /latencyMs/],
		[{every: 0}, /every must be a whole number of at least 1/],
		[{afterRequests: 1.5}, /afterRequests/],
		[{mode: 'explode' as never}, /mode must be one of rate-limit, empty-500/],
	])('refuses %j', (faults, message) => {
		expect(() => createFaultPlan(faults)).toThrow(message);
	});
});

describe('parseFaultFlags', () => {
	it('gives no faults for no flags', () => {
		expect(parseFaultFlags({})).toEqual({});
	});

	it('reads latency, fail rate and a fault with its settings', () => {
		expect(parseFaultFlags({latency: '1500', failRate: '0.25', fault: 'rate-limit,after=2,every=3,times=1,retry-after=5'})).toEqual({
			latencyMs: 1500,
			failRate: 0.25,
			mode: 'rate-limit',
			afterRequests: 2,
			every: 3,
			maxFaults: 1,
			retryAfterSeconds: 5,
		});
		expect(parseFaultFlags({fault: ' HTML-502 ', failRate: '1'})).toEqual({mode: 'html-502', failRate: 1});
		expect(parseFaultFlags({failRate: '.5', latency: '0'})).toEqual({failRate: 0.5, latencyMs: 0});
	});

	it.each([
		[{latency: 'slow'}, '--latency must be a whole number of milliseconds from 0 to 600000, not "slow"'],
		[{latency: '-5'}, '--latency must be a whole number of milliseconds from 0 to 600000, not "-5"'],
		[{latency: '600001'}, '--latency must be a whole number of milliseconds from 0 to 600000, not "600001"'],
		[{failRate: '1.01'}, '--fail-rate must be a number from 0 to 1 (a probability), not "1.01"'],
		[{failRate: '50%'}, '--fail-rate must be a number from 0 to 1 (a probability), not "50%"'],
		[{failRate: ''}, '--fail-rate must be a number from 0 to 1 (a probability), not ""'],
		[{failRate: '0x1'}, '--fail-rate must be a number from 0 to 1 (a probability), not "0x1"'],
		[
			{fault: 'boom'},
			'--fault must be one of rate-limit, empty-500, html-502, hang, reset, truncated (then ,after=N ,every=N ,times=N ,retry-after=S), not "boom"',
		],
		[{fault: 'hang,after'}, '--fault setting "after" must be NAME=N (after, every, times, retry-after)'],
		[{fault: 'hang,after=x'}, '--fault after must be a whole number from 0 to 1000000, not "x"'],
		[{fault: 'reset,every=0'}, '--fault every must be a whole number from 1 to 1000000, not "0"'],
		[{fault: 'hang,retry-after=2'}, '--fault retry-after applies to rate-limit only, not hang'],
		[{fault: 'hang,speed=2'}, '--fault has no setting "speed"; settings: after, every, times, retry-after'],
	])('refuses %j with one precise line', (flags, message) => {
		let thrown: unknown;
		try {
			parseFaultFlags(flags);
		} catch (error) {
			thrown = error;
		}

		expect(thrown).toBeInstanceOf(UsageError);
		expect((thrown as UsageError).message).toBe(message);
		expect(message).not.toContain('\n');
	});
});

describe('describeFaults', () => {
	it('says what is switched on in one line', () => {
		expect(describeFaults({})).toBe('no faults');
		expect(describeFaults(parseFaultFlags({fault: 'rate-limit,after=2,times=1', latency: '200'}))).toBe(
			'faults: rate-limit (Retry-After 1s) on every request after the first 2, once; 200 ms latency',
		);
		expect(describeFaults({failRate: 0.25})).toBe('faults: empty-500 on 25% of requests');
	});
});
