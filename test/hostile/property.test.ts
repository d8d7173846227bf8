// Random and hostile data through the decoder and the presenters: nothing throws into the UI, and
// no control character reaches the terminal.
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {decodeSyncPage} from '../../source/api/decode.js';
import {ApiError} from '../../source/api/errors.js';
import {sanitizeText} from '../../source/api/text.js';
import {renderListText} from '../../source/commands/list-text.js';
import {safeJson} from '../../source/commands/json.js';
import {resolveConfig} from '../../source/config.js';
import {syncColumns} from '../../source/sync-columns.js';
import {fitColumns, renderRow} from '../../source/table.js';

// eslint-disable-next-line no-control-regex
const terminalControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const hostileString = fc.oneof(
	fc.string({unit: 'binary'}),
	fc.constantFrom(
		'\u001b]52;c;cm0gLXJmIH4=\u0007',
		'\u001b[2J\u001b[H',
		'\u009b31m',
		'\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\',
		'\u202eKCATTA',
		'ＱＵＩＣＫＢＯＯＫＳ',
		'e\u0301\u0301\u0301',
		'🙂🙂🙂',
		'\r\nINJECTED',
	),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(undefined), fc.constant(null), fc.anything());
const integer = fc.oneof(fc.integer({min: -1000, max: 1_000_000}), fc.double());
const time = fc.oneof(
	fc.date({min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true}).map((d) => d.toISOString()),
	hostileString,
);

const dataModel = fc.record(
	{
		sync_id: maybe(hostileString),
		data_model: maybe(hostileString),
		status: maybe(fc.oneof(fc.constantFrom('SUCCESS', 'FAILED', 'RUNNING', 'CREATED'), hostileString)),
		total_count: maybe(integer),
		failed_count: maybe(integer),
		start_time: maybe(time),
		end_time: maybe(time),
	},
	{requiredKeys: []},
);

const sync = fc.record(
	{
		rootfi_id: maybe(integer),
		rootfi_company_id: maybe(integer),
		integration_type: maybe(hostileString),
		config_mode: maybe(hostileString),
		sync_type: maybe(hostileString),
		full_sync: maybe(fc.boolean()),
		start_time: maybe(time),
		end_time: maybe(time),
		success_count: maybe(integer),
		failed_count: maybe(integer),
		running_count: maybe(integer),
		data_models: maybe(fc.array(fc.oneof(dataModel, fc.anything()), {maxLength: 5})),
	},
	{requiredKeys: []},
);

const envelope = fc.record({
	data: fc.record(
		{
			data: fc.array(fc.oneof(sync, fc.anything()), {maxLength: 8}),
			total_count: maybe(integer),
			sync_status: maybe(hostileString),
			connection_status: maybe(hostileString),
		},
		{requiredKeys: ['data']},
	),
	request_id: maybe(hostileString),
});

const config = resolveConfig({demo: true, company: '102'}, {}, {demoWhenNoKey: false});
const now = Date.parse('2026-12-03T12:00:00Z');

describe('hostile data', () => {
	it('sanitizeText leaves no control character, whatever the input', () => {
		fc.assert(
			fc.property(hostileString, (text) => {
				expect(sanitizeText(text)).not.toMatch(terminalControl);
				expect(sanitizeText(text)).not.toMatch(/[\n\r\t]/);
			}),
		);
	});

	it('decoding any JSON either gives a page or a bad_response ApiError, never another throw', () => {
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), envelope), (value) => {
				try {
					decodeSyncPage(JSON.stringify(value) ?? '', {status: 200});
				} catch (error) {
					expect(error).toBeInstanceOf(ApiError);
					expect((error as ApiError).kind).toBe('bad_response');
					expect((error as ApiError).describe()).not.toMatch(terminalControl);
				}
			}),
		);
	});

	it('decoding arbitrary bytes never throws anything but a bad response', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), (body) => {
				try {
					decodeSyncPage(body, {status: 200});
				} catch (error) {
					expect((error as ApiError).kind).toBe('bad_response');
				}
			}),
		);
	});

	it('table rows from hostile syncs are clean and exactly as wide as the columns', () => {
		fc.assert(
			fc.property(envelope, fc.integer({min: 20, max: 220}), (value, width) => {
				const page = decodeSyncPage(JSON.stringify(value), {status: 200});
				const columns = fitColumns(syncColumns(now), width);
				const expected = columns.reduce((sum, c) => sum + c.fitted, 0) + columns.length - 1;
				for (const row of page.syncs) {
					const line = renderRow(columns, row);
					expect(line).not.toMatch(terminalControl);
					expect(stringWidth(line)).toBe(expected);
				}
			}),
		);
	});

	it('list output, as text and as JSON, carries no control sequence', () => {
		fc.assert(
			fc.property(envelope, (value) => {
				const page = decodeSyncPage(JSON.stringify(value), {status: 200});
				expect(renderListText(page, config, {columns: 100, now})).not.toMatch(terminalControl);
				const json = safeJson(page);
				expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
				expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(page)));
			}),
		);
	});
});
