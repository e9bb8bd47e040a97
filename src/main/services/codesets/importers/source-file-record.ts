/**
 * Records an imported file's verdict (source_file, keyed by SHA-256). Written after the
 * file's importer commits: a stop in between leaves the file shown as unverified, never a
 * file wrongly shown as verified.
 */
import type { SourceFileInfo } from '../../../../shared/contract';
import { rows, run } from '../../db/rows';
import type { ContentDb } from '../content-db';
import type { ReleaseCheck } from './verify-release';

export function recordSourceFile(db: ContentDb, kind: string, file: string, check: ReleaseCheck): void {
  run(
    db,
    `INSERT OR REPLACE INTO source_file (sha256, kind, file, bytes, verified, release, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    check.facts.sha256,
    kind,
    file,
    check.facts.bytes,
    check.release ? 1 : 0,
    check.release?.release ?? null,
    new Date().toISOString(),
  );
}

/** SQL for "this row's file was verified", given the row's sha256 column. */
export const verifiedSql = (sha256Column: string): string =>
  `EXISTS (SELECT 1 FROM source_file f WHERE f.sha256 = ${sha256Column} AND f.verified = 1)`;

/** Every imported file with the release it matched, newest first (for the Code sets screen). */
export function listSourceFiles(db: ContentDb): SourceFileInfo[] {
  return rows<{ file: string; kind: string; release: string | null; imported_at: string }>(
    db,
    'SELECT file, kind, release, imported_at FROM source_file ORDER BY imported_at DESC, file',
  ).map((r) => ({ file: r.file, kind: r.kind, release: r.release, importedAt: r.imported_at }));
}
