/** Importing PCS fixtures into a temp content database, and "nothing changed" snapshots. */
import path from 'node:path';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../helpers/import-fixtures';
import type { ImportSummary } from '../../../src/shared/contract';
import { tempDir, writeFile } from '../codesets/helpers';

export { failureOf, failureOfAsync, tempContentDb, tempDir, writeFile } from '../codesets/helpers';

/** Writes `text` as `name` in a fresh temp folder and imports that one file. */
export async function importText(db: ContentDb, name: string, text: string | Buffer): Promise<ImportSummary> {
  const file = path.join(tempDir(), name);
  writeFile(path.dirname(file), name, text as string);
  return await importCodeFiles(db, [file]);
}

const PCS_TABLES = [
  'pcs_source',
  'pcs_table',
  'pcs_axis',
  'pcs_value',
  'pcs_definition',
  'pcs_device_aggregation',
  'pcs_index_term',
  'entry_source',
  'entry_point',
];

/** Every row of the PCS area (and the entry points), for "a failure changed nothing". */
export function pcsSnapshot(db: ContentDb): Record<string, unknown[]> {
  return Object.fromEntries(PCS_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all()]));
}

export function count(db: ContentDb, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
