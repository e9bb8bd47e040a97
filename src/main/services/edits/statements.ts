/**
 * The edits' SQL, read through the one statement cache (services/db). Lookups for a claim's codes
 * take the codes as one JSON array (json_each), so each family costs one statement, not one
 * per line.
 */

const CODES = 'IN (SELECT value FROM json_each(?))';
const PTP_ROWS_JSON = 'json_group_array(json_array(col1, col2, effective_from, effective_to, modifier, line, rationale))';

/** The SQL of the edits' reads, through the one statement cache (services/db); `value` ones return one column. */
export const EDIT_SQL = {
  /** Changes whenever an edit file is imported, replaced or removed (ids are AUTOINCREMENT). */
  editFileStamp: "SELECT coalesce(max(id), 0) || '/' || count(*) FROM edit_file",
  /** Every column of every code-set version: any import or replacement changes it. */
  contentVersionFingerprint: `SELECT group_concat(id || '|' || system || '|' || is_demo || '|' || effective_from || '|' || coalesce(effective_to, '') || '|' ||
       label || '|' || source || '|' || sha256 || '|' || code_count || '|' || imported_at, char(10)) FROM content_version`,
  // The last ? of each is is_demo: official files first, the demo subset only where none is imported.
  fileInForce: `SELECT * FROM edit_file WHERE kind = ? AND variant = ? AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?) AND is_demo = ?
     ORDER BY effective_from DESC LIMIT 1`,
  newestFile: 'SELECT * FROM edit_file WHERE kind = ? AND variant = ? AND is_demo = ? ORDER BY effective_from DESC LIMIT 1',
  releaseParts: 'SELECT * FROM edit_file WHERE kind = ? AND variant = ? AND effective_from = ? AND is_demo = ? ORDER BY part',
  poaExempt: `SELECT code, line FROM poa_exempt WHERE file_id = ? AND code ${CODES}`,
  mceEdits: 'SELECT edit, part, title, active, line FROM mce_edit WHERE file_id = ?',
  mceCodes: 'SELECT edit, part, grp, code, line FROM mce_code WHERE file_id = ?',
  mue: `SELECT code, value, mai, mai_label, line FROM mue WHERE file_id = ? AND code ${CODES}`,
  // Every dated row, in primary-key order within each add-on (findings cite the first primary).
  aoc: `SELECT addon, primary_code, edit_type, effective_from, effective_to, line FROM aoc WHERE file_id = ? AND addon ${CODES}
     ORDER BY addon, primary_code, effective_from`,
  // Column-1 codes of the list that the file has any pair for: one seek each.
  ptpFirsts: `SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM ptp WHERE file_id = ? AND col1 = value)`,
  // Every dated row of the pairs col1 x col2 (index seeks only); indicator 9 never applies.
  // One JSON array of [col1, col2, from, to, modifier, line, rationale] (see ptp-pairs.ts).
  ptpPairs: `SELECT ${PTP_ROWS_JSON} FROM ptp
       WHERE file_id = ? AND col1 ${CODES} AND col2 ${CODES} AND modifier <> 9`,
  // The same rows for a list of pairs, each "col1 col2" (codes hold no blanks).
  ptpPairList: `SELECT ${PTP_ROWS_JSON} FROM json_each(?) p
       JOIN ptp ON ptp.file_id = ? AND ptp.col1 = substr(p.value, 1, instr(p.value, ' ') - 1) AND ptp.col2 = substr(p.value, instr(p.value, ' ') + 1)
       WHERE modifier <> 9`,
  codes: `SELECT code, display_code, billable FROM codes WHERE version_id = ? AND code ${CODES}`,
  codesLike: 'SELECT code FROM codes WHERE version_id = ? AND code >= ? AND code < ? LIMIT 50',
} as const;

/** A claim's distinct codes as the JSON array the statements above take. */
export function codeList(codes: Iterable<string>): string {
  return JSON.stringify([...new Set(codes)]);
}
