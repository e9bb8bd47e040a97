/**
 * Prepared statements for the hot read paths (search as you type, lookup, version choice),
 * prepared once per database connection.
 */
import type { CodeSystem } from '../../../shared/domain';
import type { ContentDb } from './content-db';
import { verifiedSql } from './importers/source-file-record';
import { ftsTable } from './version-store';

export interface VersionRow {
  id: number;
  system: CodeSystem;
  label: string;
  effective_from: string;
  effective_to: string | null;
  source: string;
  is_demo: 0 | 1;
  verified: 0 | 1;
  code_count: number;
  imported_at: string;
}

export interface CodeRowDb {
  id: number;
  code: string;
  display_code: string;
  billable: 0 | 1;
  long_title: string;
}

/** content_version's columns as VersionRow reads them (search/versions-in-force.ts keeps a copy without `verified`). */
export const VERSION_COLUMNS = `id, system, label, effective_from, effective_to, source, is_demo, code_count, imported_at,
  ${verifiedSql('content_version.sha256')} AS verified`;
const CODE_COLUMNS = 'c.id, c.code, c.display_code, c.billable, c.long_title';

function prepareAll(db: ContentDb) {
  return {
    listVersions: db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM content_version ORDER BY system, is_demo, effective_from DESC`,
    ),
    newestVersion: db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM content_version WHERE system = ? AND is_demo = 0
       ORDER BY effective_from DESC LIMIT 1`,
    ),
    versionInForce: db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM content_version
       WHERE system = ? AND is_demo = 0 AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)
       ORDER BY effective_from DESC LIMIT 1`,
    ),
    demoVersion: db.prepare(`SELECT ${VERSION_COLUMNS} FROM content_version WHERE system = ? AND is_demo = 1 LIMIT 1`),
    /** Code-prefix search in code order; the exact code, if present, sorts first. */
    codePrefix: db.prepare(
      `SELECT ${CODE_COLUMNS} FROM codes c WHERE c.version_id = ? AND c.code >= ? AND c.code < ? ORDER BY c.code LIMIT ?`,
    ),
    codeExact: db.prepare(`SELECT ${CODE_COLUMNS} FROM codes c WHERE c.version_id = ? AND c.code = ?`),
    /** Whole indexed words of a version that start with a typed prefix. */
    termsWithPrefix: db.prepare('SELECT term FROM search_terms WHERE version_id = ? AND term >= ? AND term < ? LIMIT ?'),
  };
}

/**
 * Word search in one version's full-text table. FTS5 returns matches in rowid order, which
 * is the static rank order, so LIMIT stops the scan early instead of ranking every match.
 */
function prepareWordMatch(db: ContentDb, versionId: number) {
  const fts = ftsTable(versionId);
  return db.prepare(
    `SELECT ${CODE_COLUMNS} FROM ${fts} JOIN codes c ON c.id = ${fts}.rowid
     WHERE ${fts} MATCH ? ORDER BY ${fts}.rowid LIMIT ?`,
  );
}

export type ContentStatements = ReturnType<typeof prepareAll> & {
  wordMatch(versionId: number): ReturnType<typeof prepareWordMatch>;
};

const cache = new WeakMap<ContentDb, ContentStatements>();

export function statementsFor(db: ContentDb): ContentStatements {
  let statements = cache.get(db);
  if (!statements) {
    const byVersion = new Map<number, ReturnType<typeof prepareWordMatch>>();
    statements = {
      ...prepareAll(db),
      // A replaced version's table is dropped and made again under the same name; SQLite
      // re-prepares the statement by itself when the schema changes.
      wordMatch(versionId: number) {
        let statement = byVersion.get(versionId);
        if (!statement) {
          statement = prepareWordMatch(db, versionId);
          byVersion.set(versionId, statement);
        }
        return statement;
      },
    };
    cache.set(db, statements);
  }
  return statements;
}
