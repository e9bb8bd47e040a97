/**
 * One WordIndex per version and database connection, built on the version's first search
 * and rebuilt when the version's row says its codes changed (a re-import keeps the id but
 * writes a new import time and count), so no importer has to know about it.
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { ROWID_SPAN } from '../version-store';
import { WordIndex, type IndexColumns } from './word-index';

interface Built {
  importedAt: string;
  codeCount: number;
  index: WordIndex;
}

const built = new WeakMap<ContentDb, Map<number, Built>>();

/** Compared field by field: this runs several times per keystroke, and a key string per call adds up. */
function isFresh(built: Built | undefined, version: ContentVersion): built is Built {
  return built !== undefined && built.importedAt === version.importedAt && built.codeCount === version.codeCount;
}

/** The version's word index, built now if it is missing or stale. */
export function wordIndexOf(db: ContentDb, version: ContentVersion): WordIndex {
  let byVersion = built.get(db);
  if (!byVersion) {
    byVersion = new Map();
    built.set(db, byVersion);
  }
  const current = byVersion.get(version.id);
  if (isFresh(current, version)) return current.index;
  // Drop the stale index first: two copies of a large version need not live at once.
  byVersion.delete(version.id);
  const index = new WordIndex(columnsOf(db, version.id));
  byVersion.set(version.id, { importedAt: version.importedAt, codeCount: version.codeCount, index });
  return index;
}

/** True when the version's index is built and current (for tests and the bench's cold figure). */
export function hasFreshWordIndex(db: ContentDb, version: ContentVersion): boolean {
  return isFresh(built.get(db)?.get(version.id), version);
}

/**
 * Puts an index built beside the current one (index-swap.ts) in its place, in one step: a search
 * sees the old index or the new, never neither. Ignored when the version changed again since.
 */
export function installWordIndex(db: ContentDb, version: ContentVersion, index: WordIndex): void {
  let byVersion = built.get(db);
  if (!byVersion) {
    byVersion = new Map();
    built.set(db, byVersion);
  }
  byVersion.set(version.id, { importedAt: version.importedAt, codeCount: version.codeCount, index });
}

/** True when this connection has built any word index (it serves searches, not only imports). */
export function servesSearches(db: ContentDb): boolean {
  return (built.get(db)?.size ?? 0) > 0;
}

/** The version's codes in id order (its static rank order), read column-wise as raw rows. */
export function columnsOf(db: ContentDb, versionId: number): IndexColumns {
  const rows = db
    .prepare(
      `SELECT id, code, display_code, billable, long_title, short_title FROM codes
       WHERE id >= ? AND id < ? AND version_id = ? ORDER BY id`,
    )
    .raw()
    // A version's ids are one rowid span: read in table order, no index lookup and no sort.
    .all(versionId * ROWID_SPAN, (versionId + 1) * ROWID_SPAN, versionId) as [number, string, string, 0 | 1, string, string][];
  const columns: IndexColumns = {
    ids: new Float64Array(rows.length),
    codes: new Array<string>(rows.length),
    displayCodes: new Array<string>(rows.length),
    billable: new Uint8Array(rows.length),
    longTitles: new Array<string>(rows.length),
    shortTitles: new Array<string>(rows.length),
    codeOrder: codeOrderOf(db, versionId),
  };
  rows.forEach(([id, code, display, billable, longTitle, shortTitle], i) => {
    columns.ids[i] = id;
    columns.codes[i] = code;
    columns.displayCodes[i] = display;
    columns.billable[i] = billable;
    columns.longTitles[i] = longTitle;
    (columns.shortTitles as string[])[i] = shortTitle;
  });
  return columns;
}

/** Ordinals (id minus the version's first id) in code order, read along the (version_id, code) index. */
function codeOrderOf(db: ContentDb, versionId: number): Int32Array {
  const ids = db.prepare('SELECT id FROM codes WHERE version_id = ? ORDER BY code').pluck().all(versionId) as number[];
  const base = versionId * ROWID_SPAN;
  return Int32Array.from(ids, (id) => id - base);
}
