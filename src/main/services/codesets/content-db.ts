/**
 * Opens the content database: official code sets, versioned by date. Not PHI, so it is a
 * plain (unencrypted) SQLite file, kept apart from the encrypted workspace.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../../../shared/result';
import {
  CONTENT_APPLICATION_ID,
  CONTENT_MIGRATIONS,
  LATEST_CONTENT_VERSION,
  type ContentMigration,
} from './content-migrations';

import type { ContentDb } from '../db/handles';

export type { ContentDb };

const WAL_SIZE_LIMIT = 4 * 1024 * 1024;
const NOT_CONTENT = 'This file is not a CodeDesk code-set database.';

/** Opens (creating if needed) and migrates the content database at `path` (':memory:' works). */
export function openContentDb(path: string): ContentDb {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new AppFailure('BAD_INPUT', 'The code-set database could not be opened.', { reason: errorName(cause) });
  }
  try {
    // The first read fails here on a file that is not SQLite (or is encrypted).
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== CONTENT_APPLICATION_ID && !(appId === 0 && version === 0 && isEmpty(db))) {
      throw new AppFailure('BAD_INPUT', NOT_CONTENT);
    }
    db.pragma('journal_mode = WAL');
    // Durability is explicit: never rely on the build's default.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A large import grows the WAL to hundreds of MB; after each checkpoint it shrinks back to this.
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    migrateContentDb(db);
    return db as ContentDb;
  } catch (cause) {
    db.close();
    if (cause instanceof AppFailure) throw cause;
    throw new AppFailure('BAD_INPUT', NOT_CONTENT, { reason: errorName(cause) });
  }
}

export function closeContentDb(db: ContentDb): void {
  if (!db.open) return;
  // Lets SQLite refresh its planner statistics; cheap when nothing changed.
  db.pragma('optimize');
  db.close();
}

/** Applies the migrations the file has not seen; returns the versions applied. */
export function migrateContentDb(
  db: Database.Database,
  migrations: readonly ContentMigration[] = CONTENT_MIGRATIONS,
): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new AppFailure('INTERNAL', 'Content migrations are not numbered 1, 2, 3 ….');
  });
  const latest = migrations === CONTENT_MIGRATIONS ? LATEST_CONTENT_VERSION : migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    const message = 'This code-set database was made by a newer version of CodeDesk. Update CodeDesk to open it.';
    throw new AppFailure('CONFLICT', message, { version: current, supported: latest });
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      // Integers from our own table; PRAGMA cannot take a bound parameter.
      db.pragma(`application_id = ${CONTENT_APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}

function isEmpty(db: Database.Database): boolean {
  const row = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  return row.n === 0;
}

function errorName(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return cause instanceof Error ? cause.name : 'unknown';
}
