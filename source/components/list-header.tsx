// The sync list's two context lines: the filters with the connection's state, and the paging line
// ("syncs 1-17 of 240 · page 1 of 15"), which always follows offset, limit and total_count.
import {Box} from 'ink';
import type {DecodedPage} from '../api/decode.js';
import {connectionLabel, formatText} from '../format.js';
import type {Filters} from '../state/list-state.js';
import {pageCount, pageNumber} from '../state/list-state.js';
import {useTheme, type Theme} from '../theme.js';
import {LineView, type Line} from './line.js';

export const filtersText = (filters: Filters): string => {
	const parts = [
		filters.companyId === undefined ? undefined : `company ${filters.companyId}`,
		filters.jobType === undefined ? undefined : `job ${filters.jobType}`,
	].filter(Boolean);
	return parts.length === 0 ? 'none' : parts.join(', ');
};

export const filterLine = (filters: Filters, page: DecodedPage | undefined, theme: Theme): Line => {
	const line: Line = [
		{text: 'filters ', tone: theme.text.muted},
		{text: filtersText(filters), tone: filters.companyId === undefined && !filters.jobType ? theme.text.muted : theme.text.accent},
	];
	if (filters.companyId === undefined || !page) return line;
	const connection = connectionLabel(page.connectionStatus);
	const syncStatus = formatText(page.syncStatus);
	return [
		...line,
		{text: ' · connection ', tone: theme.text.muted},
		{text: `${connection.symbol} ${connection.word}`, tone: theme.status[connection.tone]},
		{text: ' · sync_status ', tone: theme.text.muted},
		{text: syncStatus, tone: page.syncStatus === 'RUNNING' || page.syncStatus === 'FETCHING' ? theme.status.info : undefined},
	];
};

export type PageInfo = {readonly offset: number; readonly limit: number; readonly rows: number; readonly total: number | undefined};

export const pageText = ({offset, limit, rows, total}: PageInfo): string => {
	const first = rows === 0 ? offset : offset + 1;
	const range = `syncs ${first}-${offset + rows} of ${total ?? '?'}`;
	const pages = total === undefined ? '?' : String(pageCount(total, limit));
	return `${range} · page ${pageNumber(offset, limit)} of ${pages} · ${limit} per page`;
};

type Props = {
	readonly filters: Filters;
	readonly page: DecodedPage | undefined;
	readonly info: PageInfo | undefined;
	/** The last request failed: what is shown (if anything) is stale. */
	readonly stale: boolean;
	readonly width: number;
	/** The company input takes the filter line's place while it is open. */
	readonly hideFilters?: boolean;
};

export const ListHeader = ({filters, page, info, stale, width, hideFilters = false}: Props) => {
	const theme = useTheme();
	const paging: Line = info
		? [
				{text: pageText(info)},
				...(stale ? [{text: '  STALE', tone: theme.badge.stale}] : []),
				...(page && page.anomalies.length > 0 ? [{text: `  ! ${page.anomalies[0]}`, tone: theme.status.warning}] : []),
			]
		: [{text: stale ? 'no page loaded' : 'loading…', tone: theme.text.muted}];
	return (
		<Box flexDirection="column" width={width}>
			{hideFilters ? null : <LineView line={filterLine(filters, page, theme)} width={width} />}
			<LineView line={paging} width={width} />
		</Box>
	);
};
