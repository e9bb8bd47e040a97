/**
 * After an import fails: its transaction is rolled back, but the content database's WAL still
 * holds every page the import wrote (hundreds of MB for a large file), so it is checkpointed
 * and truncated; and SQLite's own failures are named (a full disk says so).
 */
import { describeSqliteError } from '../../db/errors';
import type { ContentDb } from '../content-db';

export function afterFailedImport(db: ContentDb, error: unknown): unknown {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Best effort: the failure being reported is the import's, not this one's.
  }
  return describeSqliteError(error) ?? error;
}
