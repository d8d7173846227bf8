// `rootfi-tui list`: one page of syncs, as a plain table or as JSON for scripts.
import type {DecodedPage, SyncRecord} from '../api/decode.js';
import {listSyncs} from '../api/syncs.js';
import type {Config} from '../config.js';
import type {Session} from '../session.js';
import {safeJson} from './json.js';

export type Output = {
	readonly write: (text: string) => void;
	readonly columns: number;
	readonly now?: number;
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
	if (config.json) {
		output.write(`${safeJson(listJson(page, config))}\n`);
		return;
	}
	const {renderListText} = await import('./list-text.js');
	output.write(renderListText(page, config, output));
};
