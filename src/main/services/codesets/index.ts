/** The code-set service: content database, importers, versions, search and lookup. */
export { openContentDb, closeContentDb, migrateContentDb, type ContentDb } from './content-db';
export { importCodeFiles, type ImportProgress } from './import';
export { loadDemoCodes, DEMO_LABEL, DEMO_EFFECTIVE_FROM } from './demo-codes';
export { listVersions, versionFor, requireVersion, fiscalYearOf } from './versions';
export { searchCodes, versionsToSearch, type SearchInput } from './search';
export { lookupCodes, type LookedUpCode } from './lookup';
export { normaliseCode, displayCode, hasCodeShape, SYSTEM_LABELS } from './code-format';
export { fiscalYearFromName, fiscalYearPeriod } from './source-files';
