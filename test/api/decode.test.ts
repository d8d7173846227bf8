import {describe, expect, it} from 'vitest';
import {decodeSyncPage} from '../../source/api/decode.js';
import {ApiError} from '../../source/api/errors.js';

const context = {status: 200, requestIdHeader: 'hdr-1'};
const envelope = (page: unknown, requestId: unknown = 'req-1') =>
	JSON.stringify({data: page, request_id: requestId, request_timestamp: 't0', response_timestamp: 't1'});

describe('decodeSyncPage', () => {
	it('keeps a well-formed page as sent', () => {
		const page = decodeSyncPage(
			envelope({
				data: [
					{
						rootfi_id: 7,
						rootfi_company_id: 101,
						integration_type: 'BRAND_NEW_PLATFORM',
						end_time: null,
						data_models: [{sync_id: 'abc', data_model: 'NEW_MODEL', status: 'PAUSED', total_count: 3}],
					},
				],
				total_count: 40,
				sync_status: 'IDLE',
				connection_status: 'HEALTHY',
			}),
			context,
		);
		expect(page.totalCount).toBe(40);
		expect(page.requestId).toBe('req-1');
		expect(page.anomalies).toEqual([]);
		const [sync] = page.syncs;
		expect(sync?.integration_type).toBe('BRAND_NEW_PLATFORM');
		expect(sync?.end_time).toBeNull();
		expect(sync?.data_models[0]).toEqual({sync_id: 'abc', data_model: 'NEW_MODEL', status: 'PAUSED', total_count: 3});
		expect(sync?.dropped).toEqual([]);
	});

	it('drops fields of the wrong type and says which', () => {
		const page = decodeSyncPage(
			envelope({
				data: [{rootfi_id: '7', rootfi_company_id: 101, failed_count: 1.5, data_models: [{status: 5}, 'x']}],
				total_count: 1,
			}),
			context,
		);
		const [sync] = page.syncs;
		expect(sync?.rootfi_id).toBeUndefined();
		expect(sync?.dropped).toEqual(['rootfi_id', 'failed_count', 'data_models[0].status', 'data_models[1]']);
		expect(sync?.data_models).toHaveLength(1);
	});

	it('treats absent data_models as none and notes a total_count below the rows', () => {
		const page = decodeSyncPage(envelope({data: [{rootfi_id: 1}, {rootfi_id: 2}], total_count: 1}), context);
		expect(page.syncs.map((s) => s.data_models)).toEqual([[], []]);
		expect(page.anomalies).toEqual(['total_count 1 is below the 2 rows sent']);
	});

	it('notes a missing total_count instead of inventing one', () => {
		const page = decodeSyncPage(envelope({data: []}), context);
		expect(page.totalCount).toBeUndefined();
		expect(page.anomalies).toContain('total_count missing or invalid');
	});

	it.each([
		['', /empty body/],
		['<html>oops</html>', /not valid JSON/],
		['{"data": []}', /no data.data list/],
		['null', /no data.data list/],
	])('rejects %j as a bad response', (body, reason) => {
		let caught: unknown;
		try {
			decodeSyncPage(body, context);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ApiError);
		expect((caught as ApiError).kind).toBe('bad_response');
		expect((caught as ApiError).message).toMatch(reason);
		expect((caught as ApiError).requestId).toBe('hdr-1');
	});
});
