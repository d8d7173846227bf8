import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {UsageError} from '../../source/config.js';
import {PageCache, queryKey} from '../../source/hooks/page-cache.js';
import {neighbourQueries} from '../../source/hooks/use-sync-page.js';
import {initialListState, listReducer, pageCount, pageNumber, queryOf, type ListAction} from '../../source/state/list-state.js';
import {breadcrumbs, currentRoute, initialNavigation, navigationReducer} from '../../source/state/navigation.js';
import {parseRefreshFlag} from '../../source/state/refresh-interval.js';
import {makeSync} from './fixtures.js';

const start = initialListState({limit: 10});

describe('list state', () => {
	it('moves within the page and clamps', () => {
		let state = listReducer(start, {type: 'move', delta: 1, rows: 3});
		state = listReducer(state, {type: 'move', delta: 5, rows: 3});
		expect(state.selected).toBe(2);
		state = listReducer(state, {type: 'move', delta: -9, rows: 3});
		expect(state.selected).toBe(0);
		expect(listReducer(state, {type: 'bottom', rows: 7}).selected).toBe(6);
	});

	it('pages forward and back within total_count', () => {
		let state = listReducer(start, {type: 'page', to: 'next', total: 25});
		expect(state.offset).toBe(10);
		state = listReducer(state, {type: 'page', to: 'last', total: 25});
		expect(state.offset).toBe(20);
		expect(listReducer(state, {type: 'page', to: 'next', total: 25})).toBe(state);
		state = listReducer(state, {type: 'page', to: 'prev', total: 25});
		expect(state.offset).toBe(10);
		expect(listReducer(state, {type: 'page', to: 'first', total: 25}).offset).toBe(0);
	});

	it('refetches from offset 0 when a filter changes, keeping the page size', () => {
		let state = listReducer(start, {type: 'resizeLimit', delta: 5});
		state = listReducer(state, {type: 'page', to: 'next', total: 100});
		state = listReducer(state, {type: 'setCompany', companyId: 102});
		expect(queryOf(state)).toEqual({limit: 15, offset: 0, company_id: 102});
		state = listReducer(state, {type: 'setJobType', jobType: 'PULL'});
		expect(queryOf(state)).toEqual({limit: 15, offset: 0, company_id: 102, job_type: 'PULL'});
		state = listReducer(state, {type: 'clearFilters'});
		expect(queryOf(state)).toEqual({limit: 15, offset: 0});
	});

	it('accepts digits only in the company input and says why', () => {
		let state = listReducer(start, {type: 'edit', editor: 'company'});
		state = listReducer(state, {type: 'type', text: '1'});
		state = listReducer(state, {type: 'type', text: 'x'});
		expect(state.editor).toMatchObject({kind: 'company', draft: '1'});
		expect(state.editor.kind === 'company' && state.editor.note).toMatch(/digits only/);
		state = listReducer(state, {type: 'type', text: '02'});
		state = listReducer(state, {type: 'submitCompany'});
		expect(state.filters.companyId).toBe(102);
		expect(state.editor.kind).toBe('none');
		state = listReducer(state, {type: 'edit', editor: 'company'});
		state = listReducer(state, {type: 'type', text: '0'});
		state = listReducer(state, {type: 'erase'});
		state = listReducer(state, {type: 'erase'});
		state = listReducer(state, {type: 'erase'});
		state = listReducer(state, {type: 'erase'});
		state = listReducer(state, {type: 'type', text: '0'});
		state = listReducer(state, {type: 'submitCompany'});
		expect(state.editor.kind === 'company' && state.editor.note).toMatch(/1 or more/);
	});

	it('keeps the selected sync on screen when the page size changes', () => {
		let state = initialListState({limit: 10, offset: 20});
		state = listReducer(state, {type: 'move', delta: 5, rows: 10});
		state = listReducer(state, {type: 'fitLimit', visibleRows: 4});
		expect(state.offset + state.selected).toBe(25);
		expect(state.offset % 4).toBe(0);
	});

	it('keeps offset on a page boundary and the indicator consistent (property)', () => {
		const action = fc.oneof(
			fc.record({type: fc.constant('page' as const), to: fc.constantFrom('next', 'prev', 'first', 'last' as const), total: fc.integer({min: 0, max: 400})}),
			fc.record({type: fc.constant('resizeLimit' as const), delta: fc.integer({min: -12, max: 12})}),
			fc.record({type: fc.constant('fitLimit' as const), visibleRows: fc.integer({min: 1, max: 80})}),
			fc.record({type: fc.constant('move' as const), delta: fc.integer({min: -30, max: 30}), rows: fc.integer({min: 0, max: 40})}),
		);
		fc.assert(
			fc.property(fc.array(action as fc.Arbitrary<ListAction>, {maxLength: 40}), (actions) => {
				let state = initialListState({limit: 17});
				for (const next of actions) state = listReducer(state, next);
				expect(state.offset % state.limit).toBe(0);
				expect(state.limit).toBeGreaterThanOrEqual(1);
				expect(state.limit).toBeLessThanOrEqual(500);
				expect(pageNumber(state.offset, state.limit)).toBeLessThanOrEqual(
					Math.max(pageCount(state.offset + 1, state.limit), 1),
				);
			}),
		);
	});

	it('toggles expanded rows by id', () => {
		let state = listReducer(start, {type: 'toggle', id: 7});
		expect(state.expanded).toEqual([7]);
		state = listReducer(state, {type: 'toggle', id: 7});
		expect(state.expanded).toEqual([]);
	});
});

describe('navigation', () => {
	it('pushes and pops with breadcrumbs; a second back for the same screen is ignored', () => {
		const sync = makeSync(42, 102);
		let state = navigationReducer(initialNavigation, {type: 'push', route: {kind: 'detail', sync, requestId: 'r'}});
		state = navigationReducer(state, {type: 'push', route: {kind: 'health', companyId: 102}});
		expect(breadcrumbs(state)).toBe('syncs › sync 42 › health 102');
		state = navigationReducer(state, {type: 'back', from: 'health'});
		state = navigationReducer(state, {type: 'back', from: 'health'});
		expect(currentRoute(state).kind).toBe('detail');
		state = navigationReducer(state, {type: 'back'});
		state = navigationReducer(state, {type: 'back'});
		expect(state.stack).toEqual([{kind: 'list'}]);
	});
});

describe('--refresh', () => {
	it('parses seconds to milliseconds, off by default', () => {
		expect(parseRefreshFlag(undefined)).toBeUndefined();
		expect(parseRefreshFlag('0')).toBeUndefined();
		expect(parseRefreshFlag('off')).toBeUndefined();
		expect(parseRefreshFlag('30')).toBe(30_000);
		expect(parseRefreshFlag('2.5')).toBe(2500);
		expect(() => parseRefreshFlag('soon')).toThrow(UsageError);
		expect(() => parseRefreshFlag('0.5')).toThrow(/1 to 3600/);
	});
});

describe('page cache', () => {
	it('is a bounded LRU keyed by query', () => {
		const cache = new PageCache(2);
		const page = {syncs: [], totalCount: 0, syncStatus: undefined, connectionStatus: undefined, requestId: undefined, requestTimestamp: undefined, responseTimestamp: undefined, anomalies: []};
		cache.set({offset: 0, limit: 5}, page, 1);
		cache.set({offset: 5, limit: 5}, page, 2);
		cache.get({offset: 0, limit: 5});
		cache.set({offset: 10, limit: 5}, page, 3);
		expect(cache.has({offset: 0, limit: 5})).toBe(true);
		expect(cache.has({offset: 5, limit: 5})).toBe(false);
		expect(cache.size).toBe(2);
		expect(queryKey({company_id: 102, job_type: 'PULL', offset: 0, limit: 5})).not.toBe(queryKey({offset: 0, limit: 5}));
	});

	it('knows the neighbours of a page', () => {
		expect(neighbourQueries({offset: 10, limit: 10}, 25)).toEqual([{offset: 20, limit: 10}, {offset: 0, limit: 10}]);
		expect(neighbourQueries({offset: 20, limit: 10}, 25)).toEqual([{offset: 10, limit: 10}]);
	});
});

describe('job type picker state', () => {
	it('starts on the current filter, wraps around, and applies from offset 0', () => {
		let state = listReducer(initialListState({limit: 10, offset: 30}), {type: 'setJobType', jobType: 'PUSH'});
		state = listReducer(state, {type: 'page', to: 'next', total: 100});
		state = listReducer(state, {type: 'edit', editor: 'jobType'});
		expect(state.editor).toEqual({kind: 'jobType', index: 2});
		state = listReducer(state, {type: 'pick', delta: 1});
		expect(state.editor).toEqual({kind: 'jobType', index: 0});
		state = listReducer(state, {type: 'pick', delta: 1});
		state = listReducer(state, {type: 'submitJobType'});
		expect(queryOf(state)).toEqual({limit: 10, offset: 0, job_type: 'PULL'});
		expect(state.editor.kind).toBe('none');
	});
});
