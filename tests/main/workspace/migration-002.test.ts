/** Migration 2: indexes so sorting the queue by status or priority alone never sorts the table. */
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { MIGRATIONS } from '../../../src/main/services/workspace/migrations';
import { randomKey, tempDir } from './helpers';

let db: Database.Database | null = null;
afterEach(() => {
  if (db) closeWorkspace(db);
  db = null;
});

const plan = (d: Database.Database, sql: string): string =>
  (d.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 2', () => {
  it('upgrades a version-1 workspace in place and lets status / priority sorts use an index', () => {
    const file = path.join(tempDir(), 'w.db');
    const key = randomKey();
    closeWorkspace(openWorkspace(file, Buffer.from(key), { create: true, migrations: MIGRATIONS.slice(0, 1) }));
    db = openWorkspace(file, Buffer.from(key), { migrations: MIGRATIONS.slice(0, 2) });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const byStatus = plan(db, 'SELECT rowid FROM charts ORDER BY status ASC, id ASC LIMIT 100');
    expect(byStatus).toMatch(/INDEX charts_status_id/);
    expect(byStatus).not.toMatch(/TEMP B-TREE/);
    const byPriority = plan(db, 'SELECT rowid FROM charts ORDER BY priority DESC, id DESC LIMIT 100');
    expect(byPriority).toMatch(/INDEX charts_priority_id/);
    expect(byPriority).not.toMatch(/TEMP B-TREE/);
  });
});
