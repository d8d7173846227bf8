import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fitHints} from '../../source/components/footer.js';
import {fitLine, lineText} from '../../source/components/line.js';
import {scrollStart, tableLines} from '../../source/components/sync-table.js';
import {barCells, timelineLines} from '../../source/components/timeline.js';
import {detailLines} from '../../source/screens/sync-detail-screen.js';
import {noColorTheme} from '../../source/theme.js';
import {dataset, failedInvoices, fixedNow, makeSync} from './fixtures.js';

describe('table lines', () => {
	it('never exceed the width, whatever the width and the data (no row wraps)', () => {
		const syncs = dataset(12);
		fc.assert(
			fc.property(fc.integer({min: 20, max: 220}), fc.integer({min: 0, max: 11}), (width, selected) => {
				const lines = tableLines(syncs, selected, [syncs[selected]?.rootfi_id ?? 0], width, fixedNow, noColorTheme);
				for (const {line} of lines) expect(stringWidth(lineText(fitLine(line, width)))).toBeLessThanOrEqual(width);
				for (const {line} of lines) expect(stringWidth(lineText(line))).toBeLessThanOrEqual(width);
			}),
		);
	});

	it('keeps the selected row and its breakdown in view', () => {
		const syncs = dataset(20);
		const lines = tableLines(syncs, 15, [syncs[15]?.rootfi_id ?? 0], 80, fixedNow, noColorTheme);
		const start = scrollStart(lines, 15, 10, 0);
		const shown = lines.slice(start, start + 10);
		expect(shown.some((line) => line.selected)).toBe(true);
		expect(shown.filter((line) => line.row === 15)).toHaveLength(4);
	});
});

describe('timeline', () => {
	it('puts bars on a shared axis', () => {
		expect(barCells(0, 50, 0, 100, 10)).toEqual({from: 0, to: 5});
		expect(barCells(50, 50, 0, 100, 10)).toEqual({from: 5, to: 6});
		expect(barCells(90, 100, 0, 100, 10)).toEqual({from: 9, to: 10});
	});

	it('marks the failed model with its own fill and symbol, and names the slowest', () => {
		const lines = timelineLines(failedInvoices(makeSync(42, 102)), 80, fixedNow, noColorTheme).map(lineText);
		const invoices = lines.find((line) => line.includes('INVOICES')) ?? '';
		expect(invoices).toMatch(/^✖ INVOICES/);
		expect(invoices).toContain('▓');
		expect(invoices).toContain('slowest');
		expect(lines.find((line) => line.includes('ACCOUNTS'))).toContain('█');
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	});

	it('says so when no model has usable times', () => {
		const sync = makeSync(1, 101, {data_models: [{data_model: 'ITEMS', status: 'CREATED', start_time: null, end_time: null}]});
		expect(lineText(timelineLines(sync, 80, fixedNow, noColorTheme)[0] ?? [])).toContain('no timing data');
	});
});

describe('detail lines', () => {
	it('show every field of the sync and the response request_id', () => {
		const text = detailLines(makeSync(42, 102), 'req-77', 80, fixedNow, noColorTheme).map(lineText).join('\n');
		for (const field of ['rootfi_id', 'company', 'organisation', 'integration', 'config_mode', 'sync_type', 'full_sync', 'start_time', 'end_time', 'sync_from', 'created_at', 'updated_at', 'success_count', 'failed_count', 'running_count', 'created_count']) {
			expect(text).toContain(field);
		}
		expect(text).toContain('request_id     req-77');
	});
});

describe('footer hints', () => {
	it('keep "? help" whatever the width', () => {
		const hints = [
			{key: 'j/k', hint: 'move'},
			{key: 'n', hint: 'page'},
			{key: '?', hint: 'help'},
		];
		expect(fitHints(hints, 12).map((hint) => hint.key)).toEqual(['?']);
		expect(fitHints(hints, 80).map((hint) => hint.key)).toEqual(['j/k', 'n', '?']);
	});
});
