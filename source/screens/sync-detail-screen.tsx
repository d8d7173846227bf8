// One sync in full: a summary, the per-model timeline, the data-model breakdown, and every field
// (ids, timestamps, sync_from, the response's request_id). Scrolls when taller than the screen.
import type {SyncRecord} from '../api/decode.js';
import {breakdownLines} from '../components/breakdown.js';
import {ScrolledLines, useLineScroll} from '../components/scrolled-lines.js';
import type {Line} from '../components/line.js';
import {timelineLines} from '../components/timeline.js';
import {
	formatCount,
	formatJob,
	formatRelative,
	formatSpan,
	formatText,
	formatTimestamp,
	overallLabel,
	overallStatus,
	labelText,
} from '../format.js';
import {useKeymap} from '../keys/use-keymap.js';
import {fitCell} from '../table.js';
import {useTheme, type Theme} from '../theme.js';

type Field = readonly [string, string];

export const syncFields = (sync: SyncRecord, requestId: string | undefined, now: number): Field[] => [
	['rootfi_id', formatText(sync.rootfi_id)],
	['company', formatText(sync.rootfi_company_id)],
	['organisation', formatText(sync.rootfi_organisation_id)],
	['integration', formatText(sync.integration_type)],
	['rootfi_integ.', formatText(sync.rootfi_integration_type)],
	['config_mode', formatText(sync.config_mode)],
	['sync_type', formatText(sync.sync_type)],
	['full_sync', sync.full_sync === undefined ? '—' : sync.full_sync ? 'true (full)' : 'false (incremental)'],
	['start_time', formatTimestamp(sync.start_time)],
	['end_time', sync.end_time === null ? 'null (running)' : formatTimestamp(sync.end_time)],
	['duration', formatSpan(sync, now)],
	['sync_from', sync.sync_from === null ? 'null (from the beginning)' : formatTimestamp(sync.sync_from)],
	['created_at', formatTimestamp(sync.rootfi_created_at)],
	['updated_at', formatTimestamp(sync.rootfi_updated_at)],
	['success_count', formatCount(sync.success_count)],
	['failed_count', formatCount(sync.failed_count)],
	['running_count', formatCount(sync.running_count)],
	['created_count', formatCount(sync.created_count)],
	['request_id', formatText(requestId)],
];

const fieldLine = (field: Field, width: number, theme: Theme): Line => [
	{text: fitCell(field[0], 14) + ' ', tone: theme.text.muted},
	{text: fitCell(field[1], Math.max(1, width - 15))},
];

/** Every line of the detail screen, before scrolling. */
export const detailLines = (sync: SyncRecord, requestId: string | undefined, width: number, now: number, theme: Theme): Line[] => {
	const label = overallLabel[overallStatus(sync)];
	const failed = sync.data_models.filter((model) => model.status === 'FAILED').map((model) => formatText(model.data_model));
	const lines: Line[] = [
		[
			{text: labelText(label), tone: theme.status[label.tone]},
			{text: `  sync ${formatText(sync.rootfi_id)} · company ${formatText(sync.rootfi_company_id)} · ${formatText(sync.integration_type ?? sync.rootfi_integration_type)} · ${formatJob(sync)}`},
		],
		[
			{
				text: `started ${formatRelative(sync.start_time, now)} (${formatTimestamp(sync.start_time)}) · ${formatSpan(sync, now)} · ${sync.data_models.length} data models`,
				tone: theme.text.muted,
			},
		],
	];
	if (failed.length > 0) lines.push([{text: `✖ failed: ${failed.join(', ')}`, tone: theme.status.error}]);
	lines.push([{text: ' '}], [{text: 'Timeline', tone: theme.text.title}]);
	lines.push(...timelineLines(sync, width, now, theme));
	lines.push([{text: ' '}], [{text: 'Data models', tone: theme.text.title}]);
	lines.push(...breakdownLines(sync, width, now, theme));
	lines.push([{text: ' '}], [{text: 'Fields', tone: theme.text.title}]);
	const fields = syncFields(sync, requestId, now);
	const twoColumns = width >= 76;
	const half = Math.floor((width - 2) / 2);
	const wide = fields.filter(([name]) => name === 'request_id');
	const narrow = fields.filter(([name]) => name !== 'request_id');
	if (twoColumns) {
		const perColumn = Math.ceil(narrow.length / 2);
		for (let index = 0; index < perColumn; index++) {
			const left = narrow[index];
			const right = narrow[index + perColumn];
			if (!left) continue;
			lines.push([...fieldLine(left, half, theme), {text: '  '}, ...(right ? fieldLine(right, half, theme) : [])]);
		}
	} else {
		for (const field of narrow) lines.push(fieldLine(field, width, theme));
	}
	for (const field of wide) lines.push(fieldLine(field, width, theme));
	if (sync.dropped.length > 0) {
		lines.push([{text: `! fields sent with a wrong type (shown as —): ${sync.dropped.join(', ')}`, tone: theme.status.warning}]);
	}
	return lines;
};

type Props = {
	readonly sync: SyncRecord;
	readonly requestId: string | undefined;
	readonly width: number;
	readonly height: number;
	readonly now: number;
	readonly active: boolean;
	readonly onBack: () => void;
	readonly onCopySyncId: (sync: SyncRecord) => void;
};

export const SyncDetailScreen = ({sync, requestId, width, height, now, active, onBack, onCopySyncId}: Props) => {
	const theme = useTheme();
	const lines = detailLines(sync, requestId, width, now, theme);
	const scroll = useLineScroll(lines.length, height);
	useKeymap(
		['detail'],
		{
			'detail.down': scroll.down,
			'detail.up': scroll.up,
			'detail.copySyncId': () => onCopySyncId(sync),
			'nav.back': onBack,
		},
		{isActive: active},
	);
	return <ScrolledLines lines={lines} scroll={scroll} width={width} height={height} />;
};
