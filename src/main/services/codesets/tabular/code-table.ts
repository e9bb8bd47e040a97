/**
 * Reads from the codes table of one content version for the tree views: a code's row, its
 * header rows above it and its immediate children (the next existing level below it).
 */
import { row, rows } from '../../db/rows';
import type { ContentDb } from '../content-db';

export interface CodeTableRow {
  code: string;
  display_code: string;
  billable: 0 | 1;
  long_title: string;
}

const COLUMNS = 'code, display_code, billable, long_title';

const EXACT = `SELECT ${COLUMNS} FROM codes WHERE version_id = ? AND code = ?`;
// Every code below a prefix, in the file's (tabular) order.
const BELOW = `SELECT ${COLUMNS} FROM codes WHERE version_id = ? AND code > ? AND code < ? ORDER BY seq`;

export function codeRow(db: ContentDb, versionId: number, code: string): CodeTableRow | null {
  return row<CodeTableRow>(db, EXACT, versionId, code) ?? null;
}

/** The rows of the code's proper prefixes (3 characters and up) that the version has, top first. */
export function headerRows(db: ContentDb, versionId: number, code: string): CodeTableRow[] {
  const headers: CodeTableRow[] = [];
  for (let n = 3; n < code.length; n++) {
    const header = codeRow(db, versionId, code.slice(0, n));
    if (header) headers.push(header);
  }
  return headers;
}

/** Codes directly below `code`: those with no other code of the version between them and it. */
export function childRows(db: ContentDb, versionId: number, code: string): CodeTableRow[] {
  // Codes are [0-9A-Z]: '~' sorts after all of them, so [code, code~) is the prefix range.
  const below = rows<CodeTableRow>(db, BELOW, versionId, code, `${code}~`);
  const present = new Set(below.map((r) => r.code));
  return below.filter((r) => {
    for (let n = r.code.length - 1; n > code.length; n--) if (present.has(r.code.slice(0, n))) return false;
    return true;
  });
}
