/**
 * Applies the numbered migrations a workspace has not seen yet. Each one runs in its own
 * transaction together with its user_version bump, so a failure leaves the workspace at the
 * previous version with nothing half-applied.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../../../shared/result';
import { MIGRATIONS, type Migration } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The newest version the given migrations reach. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new AppFailure('INTERNAL', 'Workspace migrations are not numbered 1, 2, 3 ….');
  });
}

/** CONFLICT when the workspace is newer than these migrations: never run old code on it. */
export function assertNotNewer(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  if (current > latestVersion(migrations)) {
    throw new AppFailure('CONFLICT', 'This workspace was made by a newer version of CodeDesk. Update CodeDesk to open it.', {
      version: current,
      supported: latestVersion(migrations),
    });
  }
}

/** Returns the versions it applied (empty when already current). */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertWellFormed(migrations);
  assertNotNewer(db, migrations);
  const current = schemaVersion(db);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      // Integer from our own table, not user input; PRAGMA cannot take a bound parameter.
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
