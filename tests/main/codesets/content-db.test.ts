import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import {
  closeContentDb,
  migrateContentDb,
  openContentDb,
} from '../../../src/main/services/codesets/content-db';
import {
  CONTENT_APPLICATION_ID,
  CONTENT_MIGRATIONS,
  LATEST_CONTENT_VERSION,
} from '../../../src/main/services/codesets/content-migrations';
import { failureOf, tempContentDb, tempDir } from './helpers';

describe('openContentDb', () => {
  it('creates a plain SQLite file in WAL mode with synchronous=FULL, marked as a content database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'content.db');
    const db = openContentDb(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(CONTENT_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_CONTENT_VERSION);
    closeContentDb(db);
    // Unencrypted: code sets are not PHI.
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });

  it('reopens an existing database without re-running migrations and keeps its data', () => {
    const file = path.join(tempDir(), 'content.db');
    const first = openContentDb(file);
    first
      .prepare(
        `INSERT INTO content_version (system, label, effective_from, source, sha256, is_demo, code_count, imported_at)
         VALUES ('icd10cm', 'FY2026', '2025-10-01', 's', 'h', 0, 0, 'now')`,
      )
      .run();
    closeContentDb(first);
    const again = openContentDb(file);
    expect(migrateContentDb(again)).toEqual([]);
    expect(again.prepare('SELECT count(*) AS n FROM content_version').get()).toEqual({ n: 1 });
    closeContentDb(again);
  });

  it('refuses a file made by a newer CodeDesk, without changing it', () => {
    const file = path.join(tempDir(), 'content.db');
    const db = openContentDb(file);
    db.pragma('user_version = 99');
    closeContentDb(db);
    const failure = failureOf(() => openContentDb(file));
    expect(failure.code).toBe('CONFLICT');
    expect(failure.message).toMatch(/newer version of CodeDesk/);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(99);
    raw.close();
  });

  it('refuses a file that is not SQLite, and leaves it as it was', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'this is not a database at all, just some text '.repeat(50));
    const before = fs.readFileSync(file);
    const failure = failureOf(() => openContentDb(file));
    expect(failure.code).toBe('BAD_INPUT');
    expect(failure.message).toBe('This file is not a CodeDesk code-set database.');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another application's SQLite database instead of adding tables to it", () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    other.close();
    expect(failureOf(() => openContentDb(file)).code).toBe('BAD_INPUT');
    const check = new Database(file);
    const tables = check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
    check.close();
    expect(tables).toEqual([{ name: 'things' }]);
  });

  it('opens an in-memory database (for tools and tests)', () => {
    const db = openContentDb(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_CONTENT_VERSION);
    closeContentDb(db);
  });

  it('closeContentDb closes the connection and may be called twice', () => {
    const db = openContentDb(path.join(tempDir(), 'content.db'));
    closeContentDb(db);
    expect(db.open).toBe(false);
    expect(() => closeContentDb(db)).not.toThrow();
  });
});

describe('content migrations', () => {
  it('are numbered 1, 2, 3 … and refused otherwise', () => {
    CONTENT_MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    const db = new Database(':memory:');
    const failure = failureOf(() => migrateContentDb(db, [{ version: 2, name: 'gap', sql: 'SELECT 1' }]));
    expect(failure.code).toBe('INTERNAL');
    db.close();
  });

  it('a failing migration leaves the database at the previous version with nothing half-applied', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x INTEGER); CREATE TABLE oops (' },
    ];
    expect(() => migrateContentDb(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it('migration 1 creates versions, codes and search terms with their constraints', () => {
    const db = tempContentDb();
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(['codes', 'content_version', 'search_terms']));
    const insertVersion = db.prepare(
      `INSERT INTO content_version (system, label, effective_from, source, sha256, is_demo, code_count, imported_at)
       VALUES (?, 'FY2026', '2025-10-01', 's', 'h', 0, 0, 'now')`,
    );
    insertVersion.run('icd10cm');
    // One version per system, demo flag and start date; unknown systems are refused.
    expect(() => insertVersion.run('icd10cm')).toThrow(/UNIQUE/);
    expect(() => insertVersion.run('icd9')).toThrow(/CHECK/);
    const insertCode = db.prepare(
      `INSERT INTO codes (id, version_id, code, display_code, billable, short_title, long_title, seq)
       VALUES (?, ?, 'A000', 'A00.0', 1, 's', 'l', 1)`,
    );
    insertCode.run(10_000_000, 1);
    expect(() => insertCode.run(10_000_001, 1)).toThrow(/UNIQUE/);
    expect(() => insertCode.run(20_000_000, 2)).toThrow(/FOREIGN KEY/);
    const insertTerm = db.prepare('INSERT INTO search_terms (version_id, term) VALUES (?, ?)');
    insertTerm.run(1, 'cholera');
    expect(() => insertTerm.run(1, 'cholera')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insertTerm.run(2, 'cholera')).toThrow(/FOREIGN KEY/);
  });
});
