/**
 * The one way to write: `transaction(db, fn)` runs fn inside BEGIN IMMEDIATE (the write lock
 * is taken before the first read, so two connections cannot interleave a read-modify-write)
 * and commits when fn returns. Nested calls join the outer transaction. Hooks registered
 * for a connection run after its outermost commit — the audit trail seals its head there.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export type CommitHook = () => void;

const hooks = new WeakMap<Database.Database, CommitHook[]>();

export function onCommit(db: Database.Database, hook: CommitHook): () => void {
  const list = hooks.get(db) ?? [];
  list.push(hook);
  hooks.set(db, list);
  return () => {
    const i = list.indexOf(hook);
    if (i >= 0) list.splice(i, 1);
  };
}

export function transaction<T>(db: Database.Database, fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn)(); // a savepoint inside the caller's transaction
  const result = db.transaction(fn).immediate();
  for (const hook of hooks.get(db) ?? []) hook();
  return result;
}
