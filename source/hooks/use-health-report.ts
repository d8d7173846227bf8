// One company's health for the explorer: loading / ready / error, computed by the same gather and
// assess code as `rootfi-tui health --company ID`. A new company (or unmounting) cancels the check.
import {useEffect, useState} from 'react';
import {ApiError, isApiError} from '../api/errors.js';
import {checkCompany} from '../health/check.js';
import type {PageReader} from '../health/gather.js';
import type {HealthSettings} from '../health/options.js';
import type {HealthReport} from '../health/verdict.js';

export type HealthState =
	| {readonly status: 'loading'}
	| {readonly status: 'ready'; readonly report: HealthReport}
	| {readonly status: 'error'; readonly error: ApiError};

const asApiError = (error: unknown): ApiError =>
	isApiError(error) ? error : new ApiError('bad_response', error instanceof Error ? error.message : String(error));

export const useHealthReport = (
	read: PageReader,
	companyId: number,
	settings: HealthSettings,
	clock: () => number = Date.now,
	refreshCount = 0,
): HealthState => {
	const [state, setState] = useState<HealthState>({status: 'loading'});
	useEffect(() => {
		const controller = new AbortController();
		setState({status: 'loading'});
		checkCompany(companyId, {read, settings, now: clock(), signal: controller.signal}).then(
			(report) => {
				if (!controller.signal.aborted) setState({status: 'ready', report});
			},
			(error: unknown) => {
				if (!controller.signal.aborted) setState({status: 'error', error: asApiError(error)});
			},
		);
		return () => controller.abort();
		// The reader and settings are fixed for a session; the company (or a refresh) is what changes.
	}, [companyId, refreshCount]);
	return state;
};
