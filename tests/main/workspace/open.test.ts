import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../../src/main/services/workspace/migrate';
import { WORKSPACE_MARKER, closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { failureOf, randomKey, snapshot, tempDir } from './helpers';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const NOT_A_WORKSPACE = 'This file is not a CodeDesk workspace or the key does not match.';
const SECRET_TEXT = 'PLAINTEXT-MARKER-7f3a91 Patient presents with chest pain';

function newWorkspace() {
  const dir = tempDir();
  const file = path.join(dir, 'workspace.db');
  const key = randomKey();
  const db = openWorkspace(file, key, { create: true });
  return { dir, file, key, db };
}

/** Writes a chart whose text we can look for in the raw bytes. */
function insertChart(db: Database.Database): void {
  db.prepare(
    `INSERT INTO charts (id, patient_name, patient_age, patient_sex, setting, admit_date, discharge_date, payer, priority, due_date, assignee, updated_at)
     VALUES ('C1', ?, 50, 'F', 'inpatient', '2026-01-01', '2026-01-03', 'Medicare', 1, '2026-01-10', 'me', '2026-01-01')`,
  ).run(SECRET_TEXT);
}

describe('openWorkspace: encryption at rest', () => {
  it('writes no SQLite header and no plaintext, in the file or in its -wal', () => {
    const { file, db } = newWorkspace();
    insertChart(db);
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    expect(wal.includes(SQLITE_HEADER)).toBe(false);
    expect(wal.includes(Buffer.from('PLAINTEXT-MARKER-7f3a91'))).toBe(false);
    closeWorkspace(db);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    expect(bytes.includes(SQLITE_HEADER)).toBe(false);
    expect(bytes.includes(Buffer.from('PLAINTEXT-MARKER-7f3a91'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
  });

  it('uses the SQLCipher v4 scheme and reads back what it wrote with the same key', () => {
    const { file, key, db } = newWorkspace();
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    insertChart(db);
    closeWorkspace(db);
    const again = openWorkspace(file, key);
    expect(again.prepare('SELECT patient_name FROM charts').pluck().get()).toBe(SECRET_TEXT);
    closeWorkspace(again);
  });

  it('sets WAL, synchronous=FULL, foreign keys and in-memory temp storage, and writes the marker', () => {
    const { db } = newWorkspace();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare("SELECT value FROM workspace_meta WHERE key = 'format'").pluck().get()).toBe(WORKSPACE_MARKER);
    closeWorkspace(db);
  });

  it('does not change the caller’s key buffer', () => {
    const key = randomKey();
    const copy = Buffer.from(key);
    closeWorkspace(openWorkspace(path.join(tempDir(), 'w.db'), key, { create: true }));
    expect(key.equals(copy)).toBe(true);
  });
});

describe('openWorkspace: refusing what is not ours, touching nothing', () => {
  it('a wrong key fails cleanly and leaves the folder byte-identical', () => {
    const { dir, file, db } = newWorkspace();
    insertChart(db);
    closeWorkspace(db);
    const before = snapshot(dir);
    const failure = failureOf(() => openWorkspace(file, randomKey()));
    expect(failure).toMatchObject({ code: 'NOT_A_WORKSPACE', message: NOT_A_WORKSPACE });
    expect(snapshot(dir)).toEqual(before);
  });

  it('a wrong key on a workspace with a live -wal leaves the file and the -wal byte-identical', () => {
    const { dir, file, key, db } = newWorkspace();
    insertChart(db); // db stays open: the -wal holds data
    // The -shm is SQLite's volatile wal-index (page numbers and read marks, no page content):
    // any reader, even one with the wrong key, takes a read mark in it.
    const durable = () => [...snapshot(dir)].filter(([name]) => !name.endsWith('-shm'));
    const before = durable();
    expect(before.map(([name]) => name)).toEqual(['workspace.db', 'workspace.db-wal']);
    expect(failureOf(() => openWorkspace(file, randomKey())).code).toBe('NOT_A_WORKSPACE');
    expect(durable()).toEqual(before);
    closeWorkspace(db);
    closeWorkspace(openWorkspace(file, key));
  });

  it('random bytes → NOT_A_WORKSPACE, file unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'random.db');
    fs.writeFileSync(file, crypto.randomBytes(16384));
    const before = snapshot(dir);
    expect(failureOf(() => openWorkspace(file, randomKey()))).toMatchObject({ code: 'NOT_A_WORKSPACE', message: NOT_A_WORKSPACE });
    expect(snapshot(dir)).toEqual(before);
  });

  it('a corrupted workspace (first page overwritten) → NOT_A_WORKSPACE', () => {
    const { file, key, db } = newWorkspace();
    closeWorkspace(db);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, crypto.randomBytes(512), 0, 512, 0);
    fs.closeSync(fd);
    expect(failureOf(() => openWorkspace(file, key)).code).toBe('NOT_A_WORKSPACE');
  });

  it('a plain, unencrypted SQLite file → NOT_A_WORKSPACE, file unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'plain.db');
    const plain = new Database(file);
    plain.exec("CREATE TABLE workspace_meta (key TEXT, value TEXT); INSERT INTO workspace_meta VALUES ('format', 'codedesk-workspace');");
    plain.close();
    expect(fs.readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
    const before = snapshot(dir);
    expect(failureOf(() => openWorkspace(file, randomKey())).code).toBe('NOT_A_WORKSPACE');
    expect(snapshot(dir)).toEqual(before);
  });

  it('an encrypted database under the right key but without our marker → NOT_A_WORKSPACE, unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'other.db');
    const key = randomKey();
    const other = new Database(file);
    other.pragma("cipher = 'sqlcipher'");
    other.pragma('legacy = 4');
    other.pragma(`key = "x'${key.toString('hex')}'"`);
    other.exec("CREATE TABLE workspace_meta (key TEXT, value TEXT); INSERT INTO workspace_meta VALUES ('format', 'something-else');");
    other.close();
    const before = snapshot(dir);
    expect(failureOf(() => openWorkspace(file, key)).code).toBe('NOT_A_WORKSPACE');
    expect(snapshot(dir)).toEqual(before);
  });

  it('an empty file → NOT_A_WORKSPACE and stays empty', () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.db');
    fs.writeFileSync(file, '');
    expect(failureOf(() => openWorkspace(file, randomKey())).code).toBe('NOT_A_WORKSPACE');
    expect(fs.readdirSync(dir)).toEqual(['empty.db']);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a workspace from a newer CodeDesk → CONFLICT, unchanged', () => {
    const { dir, file, key, db } = newWorkspace();
    db.pragma(`user_version = ${latestVersion() + 1}`);
    closeWorkspace(db);
    const before = snapshot(dir);
    expect(failureOf(() => openWorkspace(file, key))).toMatchObject({ code: 'CONFLICT', detail: { version: latestVersion() + 1 } });
    expect(snapshot(dir)).toEqual(before);
  });

  it('missing file → NOT_FOUND; create over an existing file → CONFLICT; wrong key length → INTERNAL', () => {
    const { dir, file, key, db } = newWorkspace();
    closeWorkspace(db);
    expect(failureOf(() => openWorkspace(path.join(dir, 'absent.db'), key)).code).toBe('NOT_FOUND');
    expect(fs.existsSync(path.join(dir, 'absent.db'))).toBe(false);
    const before = snapshot(dir);
    expect(failureOf(() => openWorkspace(file, key, { create: true })).code).toBe('CONFLICT');
    expect(failureOf(() => openWorkspace(file, key.subarray(0, 16))).code).toBe('INTERNAL');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a failed create leaves no file behind', () => {
    const dir = tempDir();
    const broken = [{ version: 1, name: 'broken', sql: 'CREATE TABLE t (a); SELECT * FROM no_such_table;' }];
    expect(() => openWorkspace(path.join(dir, 'w.db'), randomKey(), { create: true, migrations: broken })).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('closeWorkspace', () => {
  it('folds the WAL into the file, removes the -wal, and can be called twice', () => {
    const { dir, db } = newWorkspace();
    insertChart(db);
    closeWorkspace(db);
    closeWorkspace(db);
    expect(db.open).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['workspace.db']);
  });
});
