// The sync list's state as a pure reducer: filters, paging, selection, expanded rows, and the
// filter editors. Tested without rendering.
import type {JobType, SyncQuery} from '../api/types.js';

export const minLimit = 1;
export const maxLimit = 500;

export type Filters = {
	readonly companyId?: number | undefined;
	readonly jobType?: JobType | undefined;
};

export type Editor =
	| {readonly kind: 'none'}
	| {readonly kind: 'company'; readonly draft: string; readonly note?: string | undefined}
	/** index into jobTypeChoices */
	| {readonly kind: 'jobType'; readonly index: number};

/** The job type picker's choices, in order (undefined = all job types). */
export const jobTypeChoices: ReadonlyArray<JobType | undefined> = [undefined, 'PULL', 'PUSH'];

export type ListState = {
	readonly filters: Filters;
	readonly offset: number;
	readonly limit: number;
	/** True once the user chose a page size; until then it follows the terminal height. */
	readonly limitChosen: boolean;
	/** Index of the selected row within the page. */
	readonly selected: number;
	/** rootfi_id of the rows expanded in place. */
	readonly expanded: readonly number[];
	readonly editor: Editor;
};

export type ListAction =
	| {readonly type: 'move'; readonly delta: number; readonly rows: number}
	| {readonly type: 'top'}
	| {readonly type: 'bottom'; readonly rows: number}
	| {readonly type: 'page'; readonly to: 'next' | 'prev' | 'first' | 'last'; readonly total: number | undefined}
	| {readonly type: 'resizeLimit'; readonly delta: number}
	| {readonly type: 'fitLimit'; readonly visibleRows: number}
	| {readonly type: 'toggle'; readonly id: number}
	| {readonly type: 'loaded'; readonly rows: number; readonly total: number | undefined}
	| {readonly type: 'setCompany'; readonly companyId: number | undefined}
	| {readonly type: 'setJobType'; readonly jobType: JobType | undefined}
	| {readonly type: 'clearFilters'}
	| {readonly type: 'edit'; readonly editor: 'company' | 'jobType'}
	| {readonly type: 'type'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'cancelEdit'}
	| {readonly type: 'submitCompany'}
	| {readonly type: 'pick'; readonly delta: number}
	| {readonly type: 'submitJobType'};

export const initialListState = (init: {
	readonly limit: number;
	readonly offset?: number;
	readonly filters?: Filters;
	readonly limitChosen?: boolean;
}): ListState => {
	const limit = clampLimit(init.limit);
	return {
		filters: init.filters ?? {},
		limit,
		offset: alignOffset(init.offset ?? 0, limit),
		limitChosen: init.limitChosen ?? false,
		selected: 0,
		expanded: [],
		editor: {kind: 'none'},
	};
};

export const clampLimit = (limit: number): number => Math.max(minLimit, Math.min(maxLimit, Math.floor(limit)));

/** Offsets stay on a page boundary, so "page N of M" always matches offset and limit. */
const alignOffset = (offset: number, limit: number): number => Math.max(0, Math.floor(offset / limit) * limit);

export const lastOffset = (total: number, limit: number): number =>
	total <= 0 ? 0 : Math.floor((total - 1) / limit) * limit;

export const pageNumber = (offset: number, limit: number): number => Math.floor(offset / limit) + 1;

export const pageCount = (total: number, limit: number): number => Math.max(1, Math.ceil(total / limit));

const clampIndex = (index: number, rows: number): number => Math.max(0, Math.min(rows - 1, index));

/** The GET /sync query for a list state. */
export const queryOf = (state: ListState): SyncQuery & {readonly limit: number; readonly offset: number} => ({
	limit: state.limit,
	offset: state.offset,
	...(state.filters.companyId === undefined ? {} : {company_id: state.filters.companyId}),
	...(state.filters.jobType === undefined ? {} : {job_type: state.filters.jobType}),
});

const refilter = (state: ListState, filters: Filters): ListState => ({
	...state,
	filters,
	offset: 0,
	selected: 0,
	editor: {kind: 'none'},
});

const withLimit = (state: ListState, limit: number, chosen: boolean): ListState => {
	const next = clampLimit(limit);
	if (next === state.limit) return chosen === state.limitChosen ? state : {...state, limitChosen: chosen};
	// Keep the selected sync in view: the new page is the one that holds it.
	const absolute = state.offset + state.selected;
	const offset = alignOffset(absolute, next);
	return {...state, limit: next, limitChosen: chosen, offset, selected: absolute - offset};
};

export const listReducer = (state: ListState, action: ListAction): ListState => {
	switch (action.type) {
		case 'move':
			if (action.rows <= 0) return state;
			return {...state, selected: clampIndex(state.selected + action.delta, action.rows)};
		case 'top':
			return state.selected === 0 ? state : {...state, selected: 0};
		case 'bottom':
			return {...state, selected: Math.max(0, action.rows - 1)};
		case 'page': {
			const {limit, offset} = state;
			let next = offset;
			if (action.to === 'first') next = 0;
			if (action.to === 'prev') next = Math.max(0, offset - limit);
			if (action.to === 'next') {
				next = offset + limit;
				if (action.total !== undefined && next >= action.total) next = offset;
			}
			if (action.to === 'last') next = action.total === undefined ? offset : lastOffset(action.total, limit);
			if (next === offset) return state;
			return {...state, offset: next, selected: 0};
		}
		case 'resizeLimit':
			return withLimit(state, state.limit + action.delta, true);
		case 'fitLimit':
			return state.limitChosen ? state : withLimit(state, action.visibleRows, false);
		case 'toggle':
			return {
				...state,
				expanded: state.expanded.includes(action.id)
					? state.expanded.filter((id) => id !== action.id)
					: [...state.expanded, action.id],
			};
		case 'loaded': {
			// A page past the end (the data shrank) moves back to the last page.
			if (action.rows === 0 && action.total !== undefined && action.total > 0 && state.offset >= action.total) {
				return {...state, offset: lastOffset(action.total, state.limit), selected: 0};
			}
			const selected = action.rows === 0 ? 0 : clampIndex(state.selected, action.rows);
			return selected === state.selected ? state : {...state, selected};
		}
		case 'setCompany':
			return refilter(state, {...state.filters, companyId: action.companyId});
		case 'setJobType':
			return refilter(state, {...state.filters, jobType: action.jobType});
		case 'clearFilters':
			if (state.filters.companyId === undefined && state.filters.jobType === undefined) return state;
			return refilter(state, {});
		case 'edit':
			return {
				...state,
				editor:
					action.editor === 'company'
						? {kind: 'company', draft: state.filters.companyId === undefined ? '' : String(state.filters.companyId)}
						: {kind: 'jobType', index: Math.max(0, jobTypeChoices.indexOf(state.filters.jobType))},
			};
		case 'type': {
			if (state.editor.kind !== 'company') return state;
			const digits = action.text.replace(/\D/g, '');
			const rejected = action.text.replace(/\d/g, '');
			const draft = (state.editor.draft + digits).slice(0, 12);
			const note = rejected
				? `digits only: "${rejected.slice(0, 8)}" ignored (company ids are whole numbers)`
				: undefined;
			return {...state, editor: {kind: 'company', draft, note}};
		}
		case 'erase':
			if (state.editor.kind !== 'company') return state;
			return {...state, editor: {kind: 'company', draft: state.editor.draft.slice(0, -1)}};
		case 'cancelEdit':
			return state.editor.kind === 'none' ? state : {...state, editor: {kind: 'none'}};
		case 'pick': {
			if (state.editor.kind !== 'jobType') return state;
			const count = jobTypeChoices.length;
			return {...state, editor: {kind: 'jobType', index: (state.editor.index + action.delta + count) % count}};
		}
		case 'submitJobType':
			if (state.editor.kind !== 'jobType') return state;
			return refilter(state, {...state.filters, jobType: jobTypeChoices[state.editor.index]});
		case 'submitCompany': {
			if (state.editor.kind !== 'company') return state;
			const text = state.editor.draft;
			if (text === '') return refilter(state, {...state.filters, companyId: undefined});
			const id = Number(text);
			if (!Number.isSafeInteger(id) || id < 1) {
				return {...state, editor: {kind: 'company', draft: text, note: 'a company id is a whole number of 1 or more'}};
			}
			return refilter(state, {...state.filters, companyId: id});
		}
	}
};
