// Names for the generated schema types. Nothing here is hand-written: the spec is the source.
import type {components} from '../../openapi/schema.js';

type Schemas = components['schemas'];
export type Sync = Schemas['Sync'];
export type DataModelResult = Schemas['DataModelResult'];
export type SyncPage = Schemas['SyncPage'];
export type SyncListResponse = Schemas['SyncListResponse'];
export type ErrorResponse = Schemas['ErrorResponse'];
export type JobType = Schemas['JobType'];
export type KnownConnectionStatus = Schemas['KnownConnectionStatus'];
export type KnownSyncStatus = Schemas['KnownSyncStatus'];
export type KnownDataModelStatus = Schemas['KnownDataModelStatus'];
export type KnownConfigMode = Schemas['KnownConfigMode'];
export type KnownIntegrationType = Schemas['KnownIntegrationType'];
export type KnownDataModel = Schemas['KnownDataModel'];

/** The query of GET /sync, as the spec names it. */
export type SyncQuery = {
	readonly limit?: number;
	readonly offset?: number;
	readonly company_id?: number;
	readonly job_type?: JobType;
};

export {
	jobTypeValues,
	knownConnectionStatusValues,
	knownSyncStatusValues,
	knownDataModelStatusValues,
	knownConfigModeValues,
	knownIntegrationTypeValues,
	knownDataModelValues,
	knownSyncTypeValues,
} from '../../openapi/schema.js';
