// The sync list: filters and paging header, the table (rows expand in place), the filter editors,
// and the empty / error states. Owns the `list` and `filter` key scopes.
import {Box} from 'ink';
import type {SyncRecord} from '../api/decode.js';
import {ListHeader, filtersText} from '../components/list-header.js';
import {CompanyInput} from '../components/company-input.js';
import {JobTypePicker} from '../components/job-type-picker.js';
import {LineView} from '../components/line.js';
import {SyncTable} from '../components/sync-table.js';
import type {SyncPage} from '../hooks/use-sync-page.js';
import {isPrintable} from '../keys/tokens.js';
import {useKeymap, type Handlers} from '../keys/use-keymap.js';
import type {ListAction, ListState} from '../state/list-state.js';
import {useTheme} from '../theme.js';

export {listChromeLines} from '../components/layout.js';

/** Lines of the table (header and rows) in a list screen `height` lines high. */
export const tableHeightFor = (height: number, jobTypePickerOpen: boolean): number => Math.max(2, height - 2 - (jobTypePickerOpen ? 4 : 0));

/** Page size steps for + and -. */
export const limitStep = 5;

type Props = {
	readonly list: ListState;
	readonly data: SyncPage;
	readonly width: number;
	readonly height: number;
	readonly now: number;
	/** Keys reach this screen (it is on top and no overlay is open). */
	readonly active: boolean;
	readonly dispatch: (action: ListAction) => void;
	readonly onOpenDetail: (sync: SyncRecord) => void;
	readonly onOpenHealth: (companyId: number) => void;
	readonly onCopySyncId: (sync: SyncRecord) => void;
	readonly onFlash: (text: string) => void;
};

export const SyncListScreen = ({list, data, width, height, now, active, dispatch, onOpenDetail, onOpenHealth, onCopySyncId, onFlash}: Props) => {
	const theme = useTheme();
	const syncs = data.page?.syncs ?? [];
	const rows = syncs.length;
	const total = data.page?.totalCount;
	const selectedSync: SyncRecord | undefined = syncs[Math.min(list.selected, Math.max(0, rows - 1))];
	const editing = list.editor.kind !== 'none';

	const tableHeight = tableHeightFor(height, list.editor.kind === 'jobType');
	const visibleRows = tableHeight - 1;

	const handlers: Handlers = {
		'nav.down': () => dispatch({type: 'move', delta: 1, rows}),
		'nav.up': () => dispatch({type: 'move', delta: -1, rows}),
		'nav.pageDown': () => dispatch({type: 'move', delta: visibleRows, rows}),
		'nav.pageUp': () => dispatch({type: 'move', delta: -visibleRows, rows}),
		'nav.top': () => dispatch({type: 'top'}),
		'nav.bottom': () => dispatch({type: 'bottom', rows}),
		'page.next': () => dispatch({type: 'page', to: 'next', total}),
		'page.prev': () => dispatch({type: 'page', to: 'prev', total}),
		'page.first': () => dispatch({type: 'page', to: 'first', total}),
		'page.last': () => dispatch({type: 'page', to: 'last', total}),
		'page.bigger': () => dispatch({type: 'resizeLimit', delta: limitStep}),
		'page.smaller': () => dispatch({type: 'resizeLimit', delta: -limitStep}),
		'row.toggle': () => {
			if (selectedSync?.rootfi_id !== undefined) dispatch({type: 'toggle', id: selectedSync.rootfi_id});
		},
		'detail.open': () => {
			if (selectedSync) onOpenDetail(selectedSync);
		},
		'health.open': () => {
			const company = selectedSync?.rootfi_company_id ?? list.filters.companyId;
			if (company === undefined) onFlash('no company under the cursor');
			else onOpenHealth(company);
		},
		'filter.company': () => dispatch({type: 'edit', editor: 'company'}),
		'filter.jobType': () => dispatch({type: 'edit', editor: 'jobType'}),
		'filter.clear': () => dispatch({type: 'clearFilters'}),
		'copy.syncId': () => {
			if (selectedSync) onCopySyncId(selectedSync);
		},
	};
	useKeymap(['list'], handlers, {isActive: active && !editing});
	useKeymap(
		['filter'],
		{
			'filter.cancel': () => dispatch({type: 'cancelEdit'}),
			'filter.submit': () => dispatch({type: list.editor.kind === 'company' ? 'submitCompany' : 'submitJobType'}),
			...(list.editor.kind === 'jobType'
				? {'picker.down': () => dispatch({type: 'pick', delta: 1}), 'picker.up': () => dispatch({type: 'pick', delta: -1})}
				: {}),
		},
		{
			isActive: active && editing,
			// The company input types what no filter key took; the job type picker reads its own keys.
			onOther: (name) => {
				if (list.editor.kind !== 'company') return;
				if (name === 'backspace' || name === 'delete') dispatch({type: 'erase'});
				else if (isPrintable(name)) dispatch({type: 'type', text: name === 'space' ? ' ' : name});
			},
		},
	);

	const info =
		data.page && data.pageQuery
			? {offset: data.pageQuery.offset ?? 0, limit: data.pageQuery.limit ?? list.limit, rows, total}
			: undefined;

	let body;
	if (!data.page) {
		body = data.error ? (
			<Box flexDirection="column" height={tableHeight}>
				<LineView line={[{text: 'Could not load syncs.', tone: theme.status.error}]} width={width} />
				<LineView line={[{text: data.error.describe()}]} width={width} />
				<LineView line={[{text: 'r retries · q quits', tone: theme.text.muted}]} width={width} />
			</Box>
		) : (
			<Box height={tableHeight}>
				<LineView line={[{text: 'loading syncs…', tone: theme.text.muted}]} width={width} />
			</Box>
		);
	} else if (rows === 0) {
		const filtered = list.filters.companyId !== undefined || list.filters.jobType !== undefined;
		body = (
			<Box flexDirection="column" height={tableHeight}>
				<LineView
					line={[{text: filtered ? `No syncs match the filters: ${filtersText(list.filters)}.` : 'No syncs.', tone: theme.status.warning}]}
					width={width}
				/>
				{filtered ? <LineView line={[{text: 'c clears the filters · / changes the company · t the job type', tone: theme.text.muted}]} width={width} /> : null}
			</Box>
		);
	} else {
		body = <SyncTable syncs={syncs} selected={list.selected} expanded={list.expanded} width={width} height={tableHeight} now={now} />;
	}

	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			{list.editor.kind === 'company' ? (
				<CompanyInput
					draft={list.editor.draft}
					note={list.editor.note}
					width={width}
				/>
			) : null}
			<ListHeader
				filters={list.filters}
				page={data.page}
				info={info}
				stale={data.status === 'error'}
				width={width}
				hideFilters={list.editor.kind === 'company'}
			/>
			{list.editor.kind === 'jobType' ? (
				<JobTypePicker index={list.editor.index} width={width} />
			) : null}
			{body}
		</Box>
	);
};
