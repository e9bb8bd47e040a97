/**
 * The SQL and row shapes of the hot content reads (version choice, code rows, word search),
 * read through the one statement cache (services/db).
 */
import type { CodeSystem } from '../../../shared/domain';
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

/** content_version's columns as VersionRow reads them. */
export const VERSION_COLUMNS = `id, system, label, effective_from, effective_to, source, is_demo, code_count, imported_at,
  ${verifiedSql('content_version.sha256')} AS verified`;
const CODE_COLUMNS = 'c.id, c.code, c.display_code, c.billable, c.long_title';

export const LIST_VERSIONS_SQL = `SELECT ${VERSION_COLUMNS} FROM content_version ORDER BY system, is_demo, effective_from DESC`;
export const NEWEST_VERSION_SQL = `SELECT ${VERSION_COLUMNS} FROM content_version WHERE system = ? AND is_demo = 0
  ORDER BY effective_from DESC LIMIT 1`;
export const VERSION_IN_FORCE_SQL = `SELECT ${VERSION_COLUMNS} FROM content_version
  WHERE system = ? AND is_demo = 0 AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)
  ORDER BY effective_from DESC LIMIT 1`;
export const DEMO_VERSION_SQL = `SELECT ${VERSION_COLUMNS} FROM content_version WHERE system = ? AND is_demo = 1 LIMIT 1`;
export const CODE_EXACT_SQL = `SELECT ${CODE_COLUMNS} FROM codes c WHERE c.version_id = ? AND c.code = ?`;
/** Whole indexed words of a version that start with a typed prefix. */
export const TERMS_WITH_PREFIX_SQL = 'SELECT term FROM search_terms WHERE version_id = ? AND term >= ? AND term < ? LIMIT ?';

/**
 * Word search in one version's full-text table. FTS5 returns matches in rowid order, which
 * is the static rank order, so LIMIT stops the scan early instead of ranking every match.
 * A replaced version's table is dropped and made again under the same name; SQLite
 * re-prepares a cached statement by itself when the schema changes.
 */
export function wordMatchSql(versionId: number): string {
  const fts = ftsTable(versionId);
  return `SELECT ${CODE_COLUMNS} FROM ${fts} JOIN codes c ON c.id = ${fts}.rowid
    WHERE ${fts} MATCH ? ORDER BY ${fts}.rowid LIMIT ?`;
}
