/**
 * Writes one content version: its row, its codes, its full-text table and its search terms
 * (the only writer of those, so they stay in step). Replacing a version keeps its id.
 */
import type { CodeSystem } from '../../../shared/domain';
import type { ContentDb } from './content-db';
import { displayCode } from './code-format';

export interface CodeRow {
  /** Normalised: upper case, no dot. */
  code: string;
  billable: boolean;
  shortTitle: string;
  longTitle: string;
  /** Position in the source (tabular order). */
  seq: number;
}

export interface VersionMeta {
  system: CodeSystem;
  label: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  sha256: string;
  isDemo: boolean;
}

/** Code ids of a version are version_id * ROWID_SPAN + rank. */
export const ROWID_SPAN = 10_000_000;
const PROGRESS_EVERY = 5000;

/** The version's own full-text table. Version ids are integers from our table, safe in SQL text. */
export function ftsTable(versionId: number): string {
  if (!Number.isSafeInteger(versionId) || versionId < 1) throw new RangeError('bad version id');
  return `codes_fts_${versionId}`;
}

/**
 * Search order within a version: billable codes first, then shorter titles (a short title
 * that contains the words searched for is mostly those words), then code.
 */
export function staticRankOrder(rows: readonly CodeRow[]): CodeRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.billable) - Number(a.billable) ||
      a.longTitle.length - b.longTitle.length ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * Inserts or replaces the version (system, demo flag, start date) with `rows`, in one
 * transaction (a savepoint when the caller already holds one). `onProgress` gets the number
 * of rows written so far, every few thousand rows and at the end.
 */
export function writeVersion(
  db: ContentDb,
  meta: VersionMeta,
  rows: readonly CodeRow[],
  onProgress?: (written: number) => void,
): { versionId: number; replaced: boolean } {
  if (rows.length >= ROWID_SPAN) throw new RangeError('too many codes for one version');
  return db.transaction(() => {
    const existing = db
      .prepare('SELECT id FROM content_version WHERE system = ? AND is_demo = ? AND effective_from = ?')
      .get(meta.system, meta.isDemo ? 1 : 0, meta.effectiveFrom) as { id: number } | undefined;
    const values = [meta.label, meta.effectiveTo, meta.source, meta.sha256, rows.length, new Date().toISOString()];
    let versionId: number;
    if (existing) {
      versionId = existing.id;
      deleteContent(db, versionId);
      db.prepare(
        `UPDATE content_version SET label = ?, effective_to = ?, source = ?, sha256 = ?, code_count = ?, imported_at = ?
         WHERE id = ?`,
      ).run(...values, versionId);
    } else {
      const info = db
        .prepare(
          `INSERT INTO content_version
             (system, is_demo, effective_from, label, effective_to, source, sha256, code_count, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(meta.system, meta.isDemo ? 1 : 0, meta.effectiveFrom, ...values);
      versionId = Number(info.lastInsertRowid);
    }
    insertContent(db, meta.system, versionId, rows, onProgress);
    return { versionId, replaced: existing !== undefined };
  })();
}

function insertContent(
  db: ContentDb,
  system: CodeSystem,
  versionId: number,
  rows: readonly CodeRow[],
  onProgress?: (written: number) => void,
): void {
  const fts = ftsTable(versionId);
  // Contentless: titles live in `codes`; the index only has to find rowids.
  db.exec(
    `CREATE VIRTUAL TABLE ${fts} USING fts5(short_title, long_title, content = '', prefix = '1 2 3 4',
       tokenize = 'unicode61 remove_diacritics 2')`,
  );
  const insertCode = db.prepare(
    `INSERT INTO codes (id, version_id, code, display_code, billable, short_title, long_title, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertText = db.prepare(`INSERT INTO ${fts} (rowid, short_title, long_title) VALUES (?, ?, ?)`);
  const base = versionId * ROWID_SPAN;
  // Ascending rowids keep the FTS5 segments append-only, which makes the bulk load fast.
  staticRankOrder(rows).forEach((row, rank) => {
    const id = base + rank;
    const display = displayCode(system, row.code);
    insertCode.run(id, versionId, row.code, display, row.billable ? 1 : 0, row.shortTitle, row.longTitle, row.seq);
    insertText.run(id, row.shortTitle, row.longTitle);
    const written = rank + 1;
    if (onProgress && (written % PROGRESS_EVERY === 0 || written === rows.length)) onProgress(written);
  });
  db.exec(`CREATE VIRTUAL TABLE temp.terms_${versionId} USING fts5vocab(main, ${fts}, 'row')`);
  db.prepare(`INSERT INTO search_terms (version_id, term) SELECT ?, term FROM temp.terms_${versionId}`).run(versionId);
  db.exec(`DROP TABLE temp.terms_${versionId}`);
}

function deleteContent(db: ContentDb, versionId: number): void {
  db.exec(`DROP TABLE IF EXISTS ${ftsTable(versionId)}`);
  db.prepare('DELETE FROM search_terms WHERE version_id = ?').run(versionId);
  db.prepare('DELETE FROM codes WHERE version_id = ?').run(versionId);
}
