// The plain-text table of `rootfi-tui list`. Loaded only for text output: measuring cell widths
// pulls in Unicode width tables that a `--json` run should not pay for at start-up.
import type {DecodedPage} from '../api/decode.js';
import type {Config} from '../config.js';
import {connectionLabel, formatText} from '../format.js';
import {syncColumns} from '../sync-columns.js';
import {fitColumns, renderHeader, renderRow} from '../table.js';

export type TextOptions = {
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

export const renderListText = (page: DecodedPage, config: Config, {columns, now = Date.now()}: TextOptions): string => {
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

