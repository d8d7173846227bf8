// The sync list's columns, shared by `rootfi-tui list` and the explorer's table.
import type {SyncRecord} from './api/decode.js';
import {
	formatCount,
	formatJob,
	formatRelative,
	formatSpan,
	formatText,
	overallLabel,
	overallStatus,
	labelText,
} from './format.js';
import type {Column} from './table.js';

export const syncColumns = (now: number): Array<Column<SyncRecord>> => [
	{id: 'id', title: 'ID', width: 8, priority: 0, align: 'right', cell: (s) => formatText(s.rootfi_id)},
	{id: 'company', title: 'COMPANY', width: 7, priority: 2, align: 'right', cell: (s) => formatText(s.rootfi_company_id)},
	{
		id: 'integration',
		title: 'INTEGRATION',
		width: 16,
		minWidth: 10,
		priority: 5,
		cell: (s) => formatText(s.integration_type ?? s.rootfi_integration_type),
	},
	{id: 'job', title: 'JOB', width: 17, minWidth: 11, priority: 4, cell: formatJob},
	{id: 'started', title: 'STARTED', width: 8, priority: 3, cell: (s) => formatRelative(s.start_time, now)},
	{id: 'duration', title: 'DURATION', width: 11, minWidth: 8, priority: 6, cell: (s) => formatSpan(s, now)},
	{
		id: 'counts',
		title: 'OK/FAIL/RUN',
		width: 11,
		priority: 7,
		align: 'right',
		cell: (s) => [s.success_count, s.failed_count, s.running_count].map(formatCount).join('/'),
	},
	{
		id: 'status',
		title: 'STATUS',
		width: 10,
		minWidth: 9,
		priority: 1,
		cell: (s) => labelText(overallLabel[overallStatus(s)]),
	},
];
