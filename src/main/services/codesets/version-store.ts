/**
 * Writes one content version: its row, its codes, its full-text table and its search terms
 * (the only writer of those, so they stay in step). Replacing a version keeps its id.
 *
 * Rows arrive as an iterable (a parser may yield them as it reads) and go straight into a
 * temp staging table, so memory does not grow with the file: SQLite ranks them by their keys
 * alone, and the codes and full-text tables are filled from SQL in rank (id) order.
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

/** Gets the rows staged so far, every few thousand rows, and once more (`finished`) after the last. */
export type WriteProgress = (written: number, finished: boolean) => void;

/** Code ids of a version are version_id * ROWID_SPAN + rank. */
export const ROWID_SPAN = 10_000_000;
const PROGRESS_EVERY = 5000;
/** Rows per staging INSERT, of STAGE_COLUMNS values each (400 bound values, far below SQLite's limit). */
const STAGE_BATCH = 50;
const STAGE_COLUMNS = 8;
/**
 * Page cache of the temp schema while a version is written (KiB): staging pages beyond it go
 * to SQLite's temp file instead of staying in memory. The connection's own size comes back after.
 */
const STAGING_CACHE_KIB = 4000;

/** The version's own full-text table. Version ids are integers from our table, safe in SQL text. */
export function ftsTable(versionId: number): string {
  if (!Number.isSafeInteger(versionId) || versionId < 1) throw new RangeError('bad version id');
  return `codes_fts_${versionId}`;
}

/**
 * Inserts or replaces the version (system, demo flag, start date) with `rows`, in one
 * transaction (a savepoint when the caller already holds one). `rows` may be a generator
 * that parses a file as it is read: whatever it throws, even after its last row, rolls
 * everything back.
 */
export function writeVersion(
  db: ContentDb,
  meta: VersionMeta,
  rows: Iterable<CodeRow>,
  onProgress?: WriteProgress,
): { versionId: number; replaced: boolean; codes: number } {
  const cacheBefore = db.pragma('temp.cache_size', { simple: true }) as number;
  db.pragma(`temp.cache_size = -${STAGING_CACHE_KIB}`);
  try {
    return writeInTransaction(db, meta, rows, onProgress);
  } finally {
    db.pragma(`temp.cache_size = ${Number(cacheBefore)}`);
  }
}

function writeInTransaction(
  db: ContentDb,
  meta: VersionMeta,
  rows: Iterable<CodeRow>,
  onProgress?: WriteProgress,
): { versionId: number; replaced: boolean; codes: number } {
  return db.transaction(() => {
    const count = stageRows(db, meta.system, rows, onProgress);
    const existing = db
      .prepare('SELECT id FROM content_version WHERE system = ? AND is_demo = ? AND effective_from = ?')
      .get(meta.system, meta.isDemo ? 1 : 0, meta.effectiveFrom) as { id: number } | undefined;
    const values = [meta.label, meta.effectiveTo, meta.source, meta.sha256, count, new Date().toISOString()];
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
    insertContent(db, versionId);
    return { versionId, replaced: existing !== undefined, codes: count };
  })();
}

/**
 * Search order within a version, which the ids follow: billable codes first, then shorter
 * titles (a short title that contains the words searched for is mostly those words), then
 * code, then arrival. It is the order of a stable JS sort on those keys (version-store.test.ts
 * proves it for generated rows): title_units
 * is the JS length (UTF-16 units; SQLite's length() counts characters), code_key the code in
 * UTF-16BE, whose bytewise order is JS's code-unit order (SQLite compares text as UTF-8,
 * which differs above U+FFFF), and the staging rowid (arrival order) keeps the sort stable.
 */
const RANK_ORDER = 'billable DESC, title_units, code_key, rowid';

/** Puts every row in temp.version_rows, in arrival order; returns the count. */
function stageRows(db: ContentDb, system: CodeSystem, rows: Iterable<CodeRow>, onProgress?: WriteProgress): number {
  db.exec('DROP TABLE IF EXISTS temp.version_rows');
  db.exec('DROP TABLE IF EXISTS temp.version_rank');
  db.exec(
    `CREATE TEMP TABLE version_rows (code TEXT NOT NULL, code_key BLOB NOT NULL, display_code TEXT NOT NULL,
       billable INTEGER NOT NULL, title_units INTEGER NOT NULL, short_title TEXT NOT NULL, long_title TEXT NOT NULL,
       seq INTEGER NOT NULL)`,
  );
  const columns = 'code, code_key, display_code, billable, title_units, short_title, long_title, seq';
  const one = '(?, ?, ?, ?, ?, ?, ?, ?)';
  const insertOne = db.prepare(`INSERT INTO temp.version_rows (${columns}) VALUES ${one}`);
  // Many rows per statement: a statement run costs far more than binding its values.
  const insertBatch = db.prepare(`INSERT INTO temp.version_rows (${columns}) VALUES ${Array<string>(STAGE_BATCH).fill(one).join(', ')}`);
  let batch: unknown[] = [];
  let count = 0;
  for (const row of rows) {
    if (count >= ROWID_SPAN - 1) throw new RangeError('too many codes for one version');
    const key = Buffer.from(row.code, 'utf16le').swap16();
    batch.push(row.code, key, displayCode(system, row.code), row.billable ? 1 : 0, row.longTitle.length, row.shortTitle, row.longTitle, row.seq);
    count += 1;
    if (count % STAGE_BATCH === 0) {
      insertBatch.run(batch);
      batch = [];
    }
    if (onProgress && count % PROGRESS_EVERY === 0) onProgress(count, false);
  }
  for (let at = 0; at < batch.length; at += STAGE_COLUMNS) insertOne.run(batch.slice(at, at + STAGE_COLUMNS));
  onProgress?.(count, true);
  return count;
}

function insertContent(db: ContentDb, versionId: number): void {
  const base = versionId * ROWID_SPAN;
  // Only the keys go through the sort (a small sorter, however long the titles); the rows are
  // then read by rank, so the codes and their ids arrive in ascending order.
  db.exec('CREATE TEMP TABLE version_rank (rank INTEGER PRIMARY KEY, staged INTEGER NOT NULL)');
  db.exec(`INSERT INTO temp.version_rank (rank, staged) SELECT row_number() OVER (ORDER BY ${RANK_ORDER}) - 1, rowid FROM temp.version_rows`);
  db.prepare(
    `INSERT INTO codes (id, version_id, code, display_code, billable, short_title, long_title, seq)
     SELECT ? + r.rank, ?, s.code, s.display_code, s.billable, s.short_title, s.long_title, s.seq
     FROM temp.version_rank r JOIN temp.version_rows s ON s.rowid = r.staged ORDER BY r.rank`,
  ).run(base, versionId);
  db.exec('DROP TABLE temp.version_rank');
  db.exec('DROP TABLE temp.version_rows');
  const fts = ftsTable(versionId);
  // Contentless: titles live in `codes`; the index only has to find rowids.
  db.exec(
    `CREATE VIRTUAL TABLE ${fts} USING fts5(short_title, long_title, content = '', prefix = '1 2 3 4',
       tokenize = 'unicode61 remove_diacritics 2')`,
  );
  // Ascending rowids (the id range is scanned in order) keep the FTS5 segments append-only, which makes the bulk load fast.
  db.prepare(
    `INSERT INTO ${fts} (rowid, short_title, long_title)
     SELECT id, short_title, long_title FROM codes WHERE id >= ? AND id < ? ORDER BY id`,
  ).run(base, base + ROWID_SPAN);
  db.exec(`CREATE VIRTUAL TABLE temp.terms_${versionId} USING fts5vocab(main, ${fts}, 'row')`);
  db.prepare(`INSERT INTO search_terms (version_id, term) SELECT ?, term FROM temp.terms_${versionId}`).run(versionId);
  db.exec(`DROP TABLE temp.terms_${versionId}`);
}

function deleteContent(db: ContentDb, versionId: number): void {
  db.exec(`DROP TABLE IF EXISTS ${ftsTable(versionId)}`);
  db.prepare('DELETE FROM search_terms WHERE version_id = ?').run(versionId);
  db.prepare('DELETE FROM codes WHERE version_id = ?').run(versionId);
}
