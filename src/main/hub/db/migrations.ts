/**
 * The hub's schema: numbered, append-only migrations, applied at start. Each runs in its own
 * transaction (a migration that fails halfway leaves the schema at the version before it),
 * under an advisory lock so two hubs starting together apply each once. A database whose
 * schema is newer than this hub knows is refused rather than guessed at. Applied migrations are
 * recorded with their SHA-256: editing one after it shipped is caught at the next start.
 */
import crypto from 'node:crypto';
import { AppFailure } from '../../../shared/result';
import type { Db } from './pool';
import { HUB_MIGRATIONS, type HubMigration } from './schema';

/** Any 64-bit constant, the same in every hub: "the hub is migrating". */
const MIGRATION_LOCK = 0x636f_6465_6468_7562n;

export const sqlHash = (sql: string): string => crypto.createHash('sha256').update(sql).digest('hex');

export const HUB_SCHEMA_VERSION = HUB_MIGRATIONS.length;

export async function schemaVersion(db: Db): Promise<number> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('hub_migrations') AS t");
  if (!exists.rows[0]?.t) return 0;
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM hub_migrations');
  return r.rows[0]?.v ?? 0;
}

/** Applies what is missing; returns the versions applied now. `migrations` is for tests. */
export async function migrateHub(db: Db, migrations: readonly HubMigration[] = HUB_MIGRATIONS): Promise<number[]> {
  const client = await db.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(`CREATE TABLE IF NOT EXISTS hub_migrations (
      version integer PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = (await client.query<{ version: number; name: string; sha256: string }>('SELECT version, name, sha256 FROM hub_migrations ORDER BY version')).rows;
    const newest = done.at(-1)?.version ?? 0;
    if (newest > migrations.length) {
      throw new AppFailure('CONFLICT', `This database's hub schema is version ${newest}, newer than this hub knows (${migrations.length}): start a newer CodeDesk hub.`);
    }
    for (const d of done) {
      const m = migrations[d.version - 1];
      if (!m || sqlHash(m.sql) !== d.sha256) {
        throw new AppFailure('CONFLICT', `Hub migration ${d.version} (${d.name}) differs from the one applied to this database: migrations are append-only.`);
      }
    }
    const applied: number[] = [];
    for (const [i, m] of migrations.entries()) {
      const version = i + 1;
      if (version <= newest) continue;
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query('INSERT INTO hub_migrations(version, name, sha256) VALUES ($1, $2, $3)', [version, m.name, sqlHash(m.sql)]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (error instanceof AppFailure) throw error;
        throw new AppFailure('INTERNAL', `Hub migration ${version} (${m.name}) failed and was rolled back: the schema stays at version ${version - 1}.`);
      }
      applied.push(version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]).catch(() => undefined);
    client.release();
  }
}
