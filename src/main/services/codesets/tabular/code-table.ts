/**
 * Reads from the codes table of one content version for the tree views: a code's row, its
 * header rows above it and its immediate children (the next existing level below it).
 */
import type { ContentDb } from '../content-db';

export interface CodeTableRow {
  code: string;
  display_code: string;
  billable: 0 | 1;
  long_title: string;
}

const COLUMNS = 'code, display_code, billable, long_title';

function prepareAll(db: ContentDb) {
  return {
    exact: db.prepare(`SELECT ${COLUMNS} FROM codes WHERE version_id = ? AND code = ?`),
    // Every code below a prefix, in the file's (tabular) order.
    below: db.prepare(`SELECT ${COLUMNS} FROM codes WHERE version_id = ? AND code > ? AND code < ? ORDER BY seq`),
  };
}

const cache = new WeakMap<ContentDb, ReturnType<typeof prepareAll>>();

function statements(db: ContentDb): ReturnType<typeof prepareAll> {
  let s = cache.get(db);
  if (!s) {
    s = prepareAll(db);
    cache.set(db, s);
  }
  return s;
}

export function codeRow(db: ContentDb, versionId: number, code: string): CodeTableRow | null {
  return (statements(db).exact.get(versionId, code) as CodeTableRow | undefined) ?? null;
}

/** The rows of the code's proper prefixes (3 characters and up) that the version has, top first. */
export function headerRows(db: ContentDb, versionId: number, code: string): CodeTableRow[] {
  const rows: CodeTableRow[] = [];
  for (let n = 3; n < code.length; n++) {
    const row = codeRow(db, versionId, code.slice(0, n));
    if (row) rows.push(row);
  }
  return rows;
}

/** Codes directly below `code`: those with no other code of the version between them and it. */
export function childRows(db: ContentDb, versionId: number, code: string): CodeTableRow[] {
  // Codes are [0-9A-Z]: '~' sorts after all of them, so [code, code~) is the prefix range.
  const below = statements(db).below.all(versionId, code, `${code}~`) as CodeTableRow[];
  const present = new Set(below.map((r) => r.code));
  return below.filter((r) => {
    for (let n = r.code.length - 1; n > code.length; n--) if (present.has(r.code.slice(0, n))) return false;
    return true;
  });
}
