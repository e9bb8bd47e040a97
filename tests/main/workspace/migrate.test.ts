import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrate, schemaVersion } from '../../../src/main/services/workspace/migrate';
import { MIGRATIONS, type Migration } from '../../../src/main/services/workspace/migrations';
import { closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { failureOf, randomKey, tempDir } from './helpers';

const schemaOf = (db: ReturnType<typeof openWorkspace>) =>
  db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();

describe('migration runner', () => {
  it('shipped migrations are numbered 1, 2, 3 … with a name and SQL each', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.length).toBeGreaterThan(0);
      expect(m.sql.trim().length).toBeGreaterThan(0);
    });
    expect(latestVersion()).toBe(MIGRATIONS.length);
  });

  it('is idempotent on reopen: nothing re-applied, schema unchanged', () => {
    const file = path.join(tempDir(), 'w.db');
    const key = randomKey();
    const first = openWorkspace(file, key, { create: true });
    const schema = schemaOf(first);
    closeWorkspace(first);
    const again = openWorkspace(file, key);
    expect(migrate(again)).toEqual([]);
    expect(schemaOf(again)).toEqual(schema);
    expect(schemaVersion(again)).toBe(latestVersion());
    closeWorkspace(again);
  });

  it('applies only the new migrations to an older workspace', () => {
    const file = path.join(tempDir(), 'w.db');
    const key = randomKey();
    const extra: Migration = { version: MIGRATIONS.length + 1, name: 'extra', sql: 'CREATE TABLE extra (a INTEGER) STRICT;' };
    closeWorkspace(openWorkspace(file, key, { create: true }));
    const db = openWorkspace(file, key, { migrations: [...MIGRATIONS, extra] });
    expect(schemaVersion(db)).toBe(extra.version);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe('extra');
    expect(migrate(db, [...MIGRATIONS, extra])).toEqual([]);
    closeWorkspace(db);
  });

  it('a failing migration leaves nothing half-applied and the version where it was', () => {
    const file = path.join(tempDir(), 'w.db');
    const key = randomKey();
    closeWorkspace(openWorkspace(file, key, { create: true }));
    const bad: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'bad',
      sql: 'CREATE TABLE half (a); INSERT INTO settings VALUES (1, 2, 3);',
    };
    expect(() => openWorkspace(file, key, { migrations: [...MIGRATIONS, bad] })).toThrow();
    const db = openWorkspace(file, key);
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    closeWorkspace(db);
  });

  it('refuses a migration list with gaps', () => {
    const file = path.join(tempDir(), 'w.db');
    const db = openWorkspace(file, randomKey(), { create: true });
    const gappy: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 2, name: 'gap', sql: 'SELECT 1;' }];
    expect(failureOf(() => migrate(db, gappy)).code).toBe('INTERNAL');
    closeWorkspace(db);
  });
});
