// The root: theme, navigation stack, list state, the page hook, and the frame (title / body /
// footer) sized to one line less than the terminal so Ink never falls back to full repaints.
import {Box, useApp} from 'ink';
import {useCallback, useEffect, useReducer, useRef, useState} from 'react';
import type {DecodedPage, SyncRecord} from './api/decode.js';
import type {SyncQuery} from './api/types.js';
import type {Config} from './config.js';
import {Footer} from './components/footer.js';
import {HelpOverlay} from './components/help-overlay.js';
import {bodyHeightFor, visibleRowsFor} from './components/layout.js';
import type {Line} from './components/line.js';
import {explorerIdle, prerender, type IdleRunner} from './components/prerender.js';
import {SyncTable} from './components/sync-table.js';
import {TitleBar} from './components/title-bar.js';
import {TooSmall, minColumns, minRows} from './components/too-small.js';
import {formatDuration, formatText} from './format.js';
import {firstListState} from './hooks/first-page.js';
import {useFlash} from './hooks/use-flash.js';
import {useNow} from './hooks/use-now.js';
import {PageCache, queryKey, type CachedPage} from './hooks/page-cache.js';
import {neighbourQueries, useSyncPage, type FetchPage} from './hooks/use-sync-page.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {footerHints, type Scope} from './keys/keymap.js';
import {useKeymap} from './keys/use-keymap.js';
import {HealthScreen} from './screens/health-screen.js';
import {SyncDetailScreen} from './screens/sync-detail-screen.js';
import {SyncListScreen, tableHeightFor} from './screens/sync-list-screen.js';
import type {Session} from './session.js';
import {listReducer, pageNumber, queryOf, type ListState} from './state/list-state.js';
import {breadcrumbs, currentRoute, initialNavigation, navigationReducer} from './state/navigation.js';
import {ThemeContext, themeFor, type Theme} from './theme.js';

export {bodyHeightFor, frameChromeLines, visibleRowsFor} from './components/layout.js';

export type AppProps = {
	readonly config: Config;
	readonly session: Session;
	readonly fetchPage: FetchPage;
	/** Puts text on the clipboard (OSC 52 in the real terminal). */
	readonly copy: (text: string) => void;
	readonly refreshMs?: number | undefined;
	/** Clock, injectable for tests. */
	readonly clock?: () => number;
	/** The page cache (explorerCache() unless given, e.g. seeded with the first page). */
	readonly cache?: PageCache;
	/** Draws prefetched neighbour pages off-screen while idle (components/prerender.tsx); none if null. */
	readonly idle?: IdleRunner | null;
};

/** What the list screen shows now, for drawing a neighbour page as it would be drawn. */
export type ListView = {
	readonly list: ListState;
	readonly showing: boolean;
	readonly columns: number;
	readonly rows: number;
	readonly bodyHeight: number;
	readonly theme: Theme;
	readonly slowNow: number;
};

/**
 * A prefetched page, drawn off-screen as the list would draw it after `n` or `p` (the first row
 * selected, the clock at the page's arrival): the page flip then finds its rows built.
 */
export const prerenderNeighbour = (view: ListView, query: SyncQuery, cached: CachedPage): string | undefined => {
	const {list, columns, rows, bodyHeight, theme} = view;
	const key = queryKey(query);
	const isNeighbour = neighbourQueries(queryOf(list), undefined).some((neighbour) => queryKey(neighbour) === key);
	if (!view.showing || list.editor.kind !== 'none' || !isNeighbour || cached.page.syncs.length === 0) return undefined;
	return prerender(
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={columns}>
				<SyncTable
					syncs={cached.page.syncs}
					selected={0}
					expanded={list.expanded}
					width={columns}
					height={tableHeightFor(bodyHeight, false)}
					now={Math.max(view.slowNow, cached.at)}
				/>
			</Box>
		</ThemeContext.Provider>,
		columns,
		rows,
	);
};

// 1,500 syncs keep the shown page and both neighbours at 500 a page (each 500-row page costs
// some 6 MB of heap), and up to 12 pages at screen-sized pages.
export const explorerCache = (): PageCache => new PageCache(12, 1500);

export const App = ({config, session, fetchPage, copy, refreshMs, clock = Date.now, cache: givenCache, idle = explorerIdle}: AppProps) => {
	const {exit} = useApp();
	const theme = themeFor(config.color);
	const {columns, rows} = useTerminalSize();
	const tooSmall = columns < minColumns || rows < minRows;
	const bodyHeight = bodyHeightFor(rows);
	const visibleRows = visibleRowsFor(rows);
	const [nav, navigate] = useReducer(navigationReducer, initialNavigation);
	const [list, dispatch] = useReducer(listReducer, undefined, () => firstListState(config, rows));
	useEffect(() => {
		if (!tooSmall) dispatch({type: 'fitLimit', visibleRows});
	}, [visibleRows, tooSmall]);
	const [cache] = useState(() => givenCache ?? explorerCache());
	const query = queryOf(list);
	const view = useRef<ListView | undefined>(undefined);
	const onPrefetched = useCallback((neighbour: SyncQuery, cached: CachedPage) => {
		idle?.whenIdle(() => {
			if (view.current) prerenderNeighbour(view.current, neighbour, cached);
		});
	}, [idle]);
	const data = useSyncPage(fetchPage, query, {cache, refreshMs, now: clock, onPrefetched: idle ? onPrefetched : undefined});
	// A new page clamps the selection (or leaves a page past the end) during render, not in an
	// effect, so that it lands in the same frame as the page instead of a commit of its own.
	const [loadedPage, setLoadedPage] = useState<DecodedPage | undefined>(undefined);
	if (data.page !== loadedPage) {
		setLoadedPage(data.page);
		if (data.page) dispatch({type: 'loaded', rows: data.page.syncs.length, total: data.page.totalCount});
	}
	// Relative times in the table and the detail screen move on a slow clock (the footer has its own
	// second tick), and jump forward when a page arrives so that no sync looks as if it starts later.
	const slowNow = useNow(30_000, clock);
	const now = Math.max(slowNow, data.updatedAt ?? 0);
	const [flash, showFlash] = useFlash();
	const [helpScroll, setHelpScroll] = useState(0);
	const [healthRefreshes, setHealthRefreshes] = useState(0);
	const route = currentRoute(nav);
	view.current = {list, showing: route.kind === 'list' && !nav.help && !tooSmall, columns, rows, bodyHeight, theme, slowNow};
	const typing = list.editor.kind !== 'none' && route.kind === 'list';

	const copyText = useCallback(
		(text: string, what: string) => {
			copy(text);
			showFlash(`copied ${what} to the clipboard (OSC 52)`, 'success');
		},
		[copy, showFlash],
	);
	const copySyncId = useCallback(
		(sync: SyncRecord) => {
			if (sync.rootfi_id === undefined) showFlash('this sync has no id to copy', 'warning');
			else copyText(String(sync.rootfi_id), `sync id ${sync.rootfi_id}`);
		},
		[copyText, showFlash],
	);

	useKeymap(
		['global'],
		{
			'app.quit': () => exit(),
			'app.help': () => {
				setHelpScroll(0);
				navigate({type: 'toggleHelp'});
			},
			'app.refresh': () => {
				if (route.kind === 'health') setHealthRefreshes((count) => count + 1);
				else data.refresh();
			},
			'copy.requestId': () => {
				if (data.lastRequestId) copyText(data.lastRequestId, `request_id ${data.lastRequestId}`);
				else showFlash('no request_id yet', 'warning');
			},
		},
		{typing},
	);
	useKeymap(
		['help'],
		{
			'help.close': () => navigate({type: 'closeHelp'}),
			'help.down': () => setHelpScroll((value) => value + 1),
			'help.up': () => setHelpScroll((value) => Math.max(0, value - 1)),
		},
		{isActive: nav.help && !tooSmall},
	);
	// The health screen is another task's; its way back is the same key as the detail screen's.
	useKeymap(['detail'], {'nav.back': () => navigate({type: 'back', from: 'health'})}, {isActive: route.kind === 'health' && !nav.help});

	if (tooSmall) {
		return (
			<ThemeContext.Provider value={theme}>
				<TooSmall columns={columns} rows={rows} />
			</ThemeContext.Provider>
		);
	}

	const screenActive = !nav.help;
	let body;
	if (nav.help) {
		body = <HelpOverlay width={columns} height={bodyHeight} scroll={helpScroll} />;
	} else if (route.kind === 'detail') {
		const latest = data.page?.syncs.find((sync) => sync.rootfi_id !== undefined && sync.rootfi_id === route.sync.rootfi_id);
		body = (
			<SyncDetailScreen
				sync={latest ?? route.sync}
				requestId={latest ? data.page?.requestId : route.requestId}
				width={columns}
				height={bodyHeight}
				now={now}
				active={screenActive}
				onBack={() => navigate({type: 'back', from: 'detail'})}
				onCopySyncId={copySyncId}
			/>
		);
	} else if (route.kind === 'health') {
		body = (
			<HealthScreen
				session={session}
				companyId={route.companyId}
				config={config}
				width={columns}
				height={bodyHeight}
				onBack={() => navigate({type: 'back', from: 'health'})}
				refreshCount={healthRefreshes}
			/>
		);
	} else {
		body = (
			<SyncListScreen
				list={list}
				data={data}
				width={columns}
				height={bodyHeight}
				now={now}
				active={screenActive}
				dispatch={dispatch}
				onOpenDetail={(sync) => navigate({type: 'push', route: {kind: 'detail', sync, requestId: data.page?.requestId}})}
				onOpenHealth={(companyId) => navigate({type: 'push', route: {kind: 'health', companyId}})}
				onCopySyncId={copySyncId}
				onFlash={(text) => showFlash(text, 'warning')}
			/>
		);
	}

	const scopes: Scope[] = nav.help
		? ['help', 'global']
		: route.kind === 'list'
			? typing
				? ['filter']
				: ['list', 'global']
			: ['detail', 'global'];

	let status: Line;
	if (flash) status = [{text: flash.text, tone: theme.status[flash.tone]}];
	else if (data.error) {
		status = [
			{text: data.page ? '✖ stale: ' : '✖ ', tone: theme.status.error},
			{text: data.error.message, tone: theme.status.error},
			// A timeout or a refused connection has no response, so no request_id to quote.
			{
				text: `${data.error.requestId ? ` · request_id ${formatText(data.error.requestId)}` : ''} · r retry`,
				tone: theme.text.muted,
			},
		];
	} else if (data.lastRequestId) status = [{text: `request_id ${formatText(data.lastRequestId)}`, tone: theme.text.muted}];
	else status = [];

	const waitingFor = data.loading
		? data.pageQuery && (data.pageQuery.offset ?? 0) !== list.offset
			? `loading page ${pageNumber(list.offset, list.limit)}`
			: 'loading'
		: undefined;
	const auto = refreshMs ? ` · auto ${formatDuration(refreshMs)}` : '';

	return (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={columns} height={rows - 1}>
				<TitleBar breadcrumbs={breadcrumbs(nav)} source={session.label} demo={session.demo} width={columns} />
				<Box height={bodyHeight} overflowY="hidden">
					{body}
				</Box>
				<Footer
					status={status}
					busy={waitingFor}
					updatedAt={data.updatedAt}
					suffix={auto}
					hints={footerHints(scopes, route.kind === 'health' && !nav.help ? ['detail.copySyncId'] : [])}
					width={columns}
					clock={clock}
				/>
			</Box>
		</ThemeContext.Provider>
	);
};
