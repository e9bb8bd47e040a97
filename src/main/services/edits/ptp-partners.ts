/**
 * Partner lists of a PTP file: for each column-1 code, every column-2 code it has a row with
 * (indicator 9 left out, any date), so a claim's check seeks only the pairs that have rows
 * instead of all of its ~400 ordered pairs (a seek each, most finding nothing).
 *
 * A list is the column-2 codes concatenated in code order: the PTP importer only takes codes of
 * 5 letters and digits (HCPCS_SHAPE), so entry i starts at 5 * i and a binary search needs no
 * separators. The table and its writer are in codesets (schema/ptp-partners.ts, importers/edit-tables/
 * ptp-partners-store.ts). Each file written also gets a marker row (col1 ''): a file without one
 * is checked pair by pair rather than read as a file without pairs.
 */
import { rows } from '../db/rows';
import type { ContentDb } from '../codesets/content-db';

const CODE_WIDTH = 5;

/** Whether a partner list holds `code` (binary search over its 5-character entries). */
export function listHolds(list: string, code: string): boolean {
  if (code.length !== CODE_WIDTH) return false;
  let low = 0;
  let high = list.length / CODE_WIDTH - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = mid * CODE_WIDTH;
    let order = 0;
    for (let i = 0; i < CODE_WIDTH && order === 0; i += 1) order = list.charCodeAt(at + i) - code.charCodeAt(i);
    if (order === 0) return true;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * The partner lists of `codes` in a file (a code without one has no rows as column 1 there),
 * or null when the file has no lists written: the caller then seeks every pair.
 */
export function partnerLists(db: ContentDb, fileId: number, codes: readonly string[]): Map<string, string> | null {
  const found = rows<{ col1: string; col2s: string }>(
    db,
    'SELECT col1, col2s FROM ptp_partners WHERE file_id = ? AND col1 IN (SELECT value FROM json_each(?))',
    fileId,
    JSON.stringify(['', ...codes]),
  );
  const lists = new Map(found.map((r) => [r.col1, r.col2s]));
  if (!lists.delete('')) return null;
  return lists;
}
