/** One imported ICD-10-PCS XML file: its pcs_source row, replaced whole on re-import. */
import type { ContentDb } from '../../content-db';
import { fiscalYearPeriod } from '../../source-files';

export type PcsSourceKind = 'tables' | 'index' | 'definitions';

export interface PcsRelease {
  id: number;
  label: string;
  replaced: boolean;
}

/**
 * Deletes the release of this kind and year (its rows cascade) and inserts the new one with
 * item_count 0; call finishRelease once the rows are written. Run inside the importer's
 * transaction, so a failure puts the old release back.
 */
export function startRelease(
  db: ContentDb,
  kind: PcsSourceKind,
  fiscalYear: number,
  file: string,
  sha256: string,
): PcsRelease {
  const removed = db.prepare('DELETE FROM pcs_source WHERE kind = ? AND fiscal_year = ?').run(kind, fiscalYear);
  const period = fiscalYearPeriod(fiscalYear);
  const label = `FY${fiscalYear}`;
  const inserted = db
    .prepare(
      `INSERT INTO pcs_source (kind, fiscal_year, label, effective_from, effective_to, file, sha256, item_count, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    )
    .run(kind, fiscalYear, label, period.from, period.to, file, sha256, new Date().toISOString());
  return { id: Number(inserted.lastInsertRowid), label, replaced: removed.changes > 0 };
}

export function finishRelease(db: ContentDb, release: PcsRelease, itemCount: number): void {
  db.prepare('UPDATE pcs_source SET item_count = ? WHERE id = ?').run(itemCount, release.id);
}
