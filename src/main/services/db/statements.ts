/**
 * The one prepared-statement cache: each SQL text is prepared once per connection and kept
 * as long as the connection lives. Services ask for a statement by its text instead of
 * keeping a prepare-once object of their own.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export type Statement = Database.Statement<unknown[], unknown>;

interface Cache {
  rows: Map<string, Statement>;
  /** Statements that return their first column only (`.pluck()` is a mode, so they are kept apart). */
  values: Map<string, Statement>;
}

const caches = new WeakMap<Database.Database, Cache>();

function cacheOf(db: Database.Database): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { rows: new Map(), values: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

export function statement(db: Database.Database, sql: string): Statement {
  const { rows } = cacheOf(db);
  let stmt = rows.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    rows.set(sql, stmt);
  }
  return stmt;
}

/** The same SQL prepared to return its first column only. */
export function valueStatement(db: Database.Database, sql: string): Statement {
  const { values } = cacheOf(db);
  let stmt = values.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql).pluck(true);
    values.set(sql, stmt);
  }
  return stmt;
}
