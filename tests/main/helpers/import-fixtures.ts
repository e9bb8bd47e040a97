/**
 * Imports test fixtures: small synthetic files written under official names (so that the
 * importers take their year and kind from the name). They are no official release, so they
 * are checked against no manifest and imported as unverified; the release checks themselves
 * are tested with the real files (tests/integration/codesets/official-releases.test.ts).
 */
import { importCodeFiles as importWithChecks, type ImportProgress } from '../../../src/main/services/codesets/import';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import type { ImportSummary } from '../../../src/shared/contract';

export type { ImportProgress };

export const FIXTURE_IMPORT = { allowUnverified: true, releases: [] } as const;

export function importCodeFiles(db: ContentDb, paths: readonly string[], onProgress?: (p: ImportProgress) => void): Promise<ImportSummary> {
  return importWithChecks(db, paths, onProgress, FIXTURE_IMPORT);
}
