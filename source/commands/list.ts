// `rootfi-tui list`: one page of syncs, as a plain table or as JSON for scripts.
import type {DecodedPage, SyncRecord} from '../api/decode.js';
import {listSyncs} from '../api/syncs.js';
import type {Config} from '../config.js';
import {connectionLabel, formatText} from '../format.js';
import type {Session} from '../session.js';
import {syncColumns} from '../sync-columns.js';
import {fitColumns, renderHeader, renderRow} from '../table.js';
import {safeJson} from './json.js';

export type Output = {
	readonly write: (text: string) => void;
	readonly columns: number;
	readonly now?: number;
};

const pageLine = (page: DecodedPage, config: Config): string => {
	const {limit, offset} = config.query;
	const total = page.totalCount;
	const first = page.syncs.length === 0 ? offset : offset + 1;
	const last = offset + page.syncs.length;
	const pages = total === undefined ? '?' : Math.max(1, Math.ceil(total / limit));
	const pageNumber = Math.floor(offset / limit) + 1;
	return `syncs ${first}-${last} of ${formatText(total)} · page ${pageNumber} of ${pages}`;
};

export const renderListText = (page: DecodedPage, config: Config, {columns, now = Date.now()}: Output): string => {
	const lines: string[] = [];
	const filters = [
		config.query.company_id === undefined ? undefined : `company ${config.query.company_id}`,
		config.query.job_type,
	].filter(Boolean);
	const connection = connectionLabel(page.connectionStatus);
	const status = [
		pageLine(page, config),
		filters.length > 0 ? `filters: ${filters.join(', ')}` : undefined,
		config.query.company_id === undefined
			? undefined
			: `connection ${connection.symbol} ${connection.word} · sync ${formatText(page.syncStatus)}`,
	].filter(Boolean);
	lines.push(status.join(' · '));
	if (page.syncs.length === 0) {
		lines.push(filters.length > 0 ? `No syncs match ${filters.join(', ')}.` : 'No syncs.');
	} else {
		const fitted = fitColumns(syncColumns(now), columns);
		lines.push(renderHeader(fitted));
		for (const sync of page.syncs) lines.push(renderRow(fitted, sync));
	}
	for (const anomaly of page.anomalies) lines.push(`! ${anomaly}`);
	lines.push(`request_id ${formatText(page.requestId)}`);
	return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
};

const syncForJson = ({dropped, ...sync}: SyncRecord) => (dropped.length > 0 ? {...sync, dropped_fields: dropped} : sync);

/** The JSON shape scripts rely on: the API's names, one page. */
export const listJson = (page: DecodedPage, config: Config) => ({
	total_count: page.totalCount ?? null,
	limit: config.query.limit,
	offset: config.query.offset,
	company_id: config.query.company_id ?? null,
	job_type: config.query.job_type ?? null,
	sync_status: page.syncStatus ?? null,
	connection_status: page.connectionStatus ?? null,
	request_id: page.requestId ?? null,
	anomalies: page.anomalies,
	data: page.syncs.map(syncForJson),
});

export const runList = async (config: Config, session: Session, output: Output): Promise<void> => {
	const page = await listSyncs(session.client, config.query, {timeoutMs: config.timeoutMs});
	output.write(config.json ? `${safeJson(listJson(page, config))}\n` : renderListText(page, config, output));
};
