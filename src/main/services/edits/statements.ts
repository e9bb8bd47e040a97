/** The edits' prepared statements and per-file lookups, made once per content database. */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ContentDb } from '../codesets/content-db';

function prepare(db: ContentDb) {
  return {
    fileInForce: db.prepare(
      `SELECT * FROM edit_file WHERE kind = ? AND variant = ? AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)
       ORDER BY effective_from DESC LIMIT 1`,
    ),
    newestFile: db.prepare('SELECT * FROM edit_file WHERE kind = ? AND variant = ? ORDER BY effective_from DESC LIMIT 1'),
    releaseParts: db.prepare('SELECT * FROM edit_file WHERE kind = ? AND variant = ? AND effective_from = ? ORDER BY part'),
    poaExempt: db.prepare('SELECT line FROM poa_exempt WHERE file_id = ? AND code = ?'),
    mceEdits: db.prepare('SELECT edit, part, title, active, line FROM mce_edit WHERE file_id = ?'),
    mceCodes: db.prepare('SELECT edit, part, grp, code, line FROM mce_code WHERE file_id = ?'),
    mue: db.prepare('SELECT value, mai, mai_label, line FROM mue WHERE file_id = ? AND code = ?'),
    aoc: db.prepare(
      `SELECT primary_code, edit_type, line FROM aoc WHERE file_id = ? AND addon = ?
       AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)`,
    ),
    // Pairs among the claim's own codes (a JSON array): index seeks only, in one statement.
    ptpPairs: db.prepare(
      `SELECT col1, col2, modifier, rationale, line FROM ptp WHERE file_id = ?
       AND col1 IN (SELECT value FROM json_each(?)) AND col2 IN (SELECT value FROM json_each(?))
       AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)`,
    ),
    codesLike: db.prepare('SELECT code FROM codes WHERE version_id = ? AND code >= ? AND code < ? LIMIT 50'),
  };
}

export type EditStatements = ReturnType<typeof prepare>;

const cache = new WeakMap<Database.Database, EditStatements>();

export function editStatements(db: ContentDb): EditStatements {
  let s = cache.get(db);
  if (!s) {
    s = prepare(db);
    cache.set(db, s);
  }
  return s;
}
