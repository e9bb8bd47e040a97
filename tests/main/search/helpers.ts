/** A small content database (order-file fixtures) plus entry points written as importers write them. */
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../helpers/import-fixtures';
import { CM_2025, CM_2026, PCS_2026, tempContentDb, tempDir, writeOrderFile, type Row } from '../codesets/helpers';

/** Extra FY2026 rows for synonym and ranking tests. */
export const EXTRA_CM: readonly Row[] = [
  ['I48', 0, 'Atrial fibrillation and flutter'],
  ['I480', 1, 'Paroxysmal atrial fibrillation'],
  ['I4891', 1, 'Unspecified atrial fibrillation'],
  ['I4892', 1, 'Unspecified atrial flutter'],
  ['I50', 0, 'Heart failure'],
  ['I509', 1, 'Heart failure, unspecified'],
  ['I5020', 1, 'Unspecified systolic (congestive) heart failure'],
  ['J18', 0, 'Pneumonia, unspecified organism'],
  ['J189', 1, 'Pneumonia, unspecified organism'],
  ['R05', 0, 'Cough'],
  ['R051', 1, 'Acute cough'],
];

export async function searchDb(): Promise<ContentDb> {
  const db = tempContentDb();
  const dir = tempDir();
  await importCodeFiles(db, [
    writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025),
    writeOrderFile(dir, 'icd10cm_order_2026.txt', [...CM_2026, ...EXTRA_CM]),
    writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026),
  ]);
  return db;
}

export function addEntrySource(db: ContentDb, kind: string, system: string, label: string): number {
  const info = db
    .prepare('INSERT INTO entry_source (kind, system, label, file, sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(kind, system, label, `${label}.xml`, 'sha', '2026-01-01T00:00:00Z');
  return Number(info.lastInsertRowid);
}

export function addEntry(db: ContentDb, sourceId: number, term: string, code: string, path = term): void {
  db.prepare('INSERT INTO entry_point (source_id, term, code, path) VALUES (?, ?, ?, ?)').run(sourceId, term, code, path);
}
