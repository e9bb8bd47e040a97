/**
 * Opening the encrypted workspace. SQLCipher v4 scheme (AES-256-CBC + HMAC-SHA512) keyed
 * with the raw 256-bit workspace key before any other statement. Nothing is written to a
 * file until it has proved to be our workspace under this key, so a wrong key or a foreign
 * file is left byte-identical.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { DAMAGED_MESSAGE } from '../db/errors';
import type { WorkspaceDb } from '../db/handles';
import { value } from '../db/rows';
import { assertNotNewer, migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export const WORKSPACE_MARKER_KEY = 'format';
export const WORKSPACE_MARKER = 'codedesk-workspace';

const NOT_A_WORKSPACE = 'This file is not a CodeDesk workspace or the key does not match.';
const KEY_BYTES = 32;

export interface OpenWorkspaceOptions {
  /** Make a new workspace; the file must not exist yet. Default: open an existing one. */
  create?: boolean;
  /** For tests of the migration runner; defaults to the shipped MIGRATIONS. */
  migrations?: readonly Migration[];
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function applyKey(db: Database.Database, key: Buffer): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  // A raw key (x'…') skips SQLCipher's PBKDF2: the key is already random. JS strings cannot be
  // wiped, so this hex copy lives until garbage collection; the Buffer is the caller's to zero.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** A wrong key is accepted by PRAGMA key; the first read is where it shows. */
function assertReadable(db: Database.Database): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (isNotADatabase(error)) throw new AppFailure('NOT_A_WORKSPACE', NOT_A_WORKSPACE);
    throw error;
  }
}

function hasMarker(db: Database.Database): boolean {
  if (!value(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workspace_meta'")) return false;
  return value<string>(db, 'SELECT value FROM workspace_meta WHERE key = ?', WORKSPACE_MARKER_KEY) === WORKSPACE_MARKER;
}

/**
 * A damaged page must stop the open, not surface later as a failed save. quick_check reads
 * every page (through the cipher's page HMAC), about 1 ms per MB.
 */
function assertIntact(db: Database.Database): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (error) {
    if (!isNotADatabase(error)) throw error;
    result = 'unreadable page';
  }
  if (result !== 'ok') throw new AppFailure(ErrorCode.WorkspaceDamaged, DAMAGED_MESSAGE);
}

/** Sets a pragma and reads it back: a silently ignored durability setting is a defect. */
function setAndCheck(db: Database.Database, pragma: string, value: string, expected: string | number): void {
  db.pragma(`${pragma} = ${value}`);
  const actual = db.pragma(pragma, { simple: true });
  if (actual !== expected) {
    throw new AppFailure('INTERNAL', 'The workspace database refused a required setting.', { setting: pragma });
  }
}

function configure(db: Database.Database): void {
  setAndCheck(db, 'journal_mode', 'WAL', 'wal');
  setAndCheck(db, 'synchronous', 'FULL', 2);
  setAndCheck(db, 'foreign_keys', 'ON', 1);
  // Sorts and temp tables stay in memory: SQLite's temp files are not encrypted.
  setAndCheck(db, 'temp_store', 'MEMORY', 2);
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

export function openWorkspace(file: string, key: Buffer, options: OpenWorkspaceOptions = {}): WorkspaceDb {
  if (key.length !== KEY_BYTES) throw new AppFailure('INTERNAL', 'The workspace key has the wrong length.');
  const create = options.create === true;
  const migrations = options.migrations ?? MIGRATIONS;
  const exists = fs.existsSync(file);
  if (create && exists) throw new AppFailure('CONFLICT', 'A workspace already exists at this place.');
  if (!create && !exists) throw new AppFailure('NOT_FOUND', 'The workspace file is missing.');

  const db = new Database(file, { fileMustExist: !create });
  try {
    applyKey(db, key);
    assertReadable(db);
    if (!create) {
      if (!hasMarker(db)) throw new AppFailure('NOT_A_WORKSPACE', NOT_A_WORKSPACE);
      assertNotNewer(db, migrations); // before any pragma below writes to the file
      assertIntact(db);
    }
    configure(db);
    migrate(db, migrations);
    if (create) {
      const put = db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)');
      db.transaction(() => {
        put.run(WORKSPACE_MARKER_KEY, WORKSPACE_MARKER);
        put.run('created_at', new Date().toISOString());
      })();
    }
    return db as WorkspaceDb;
  } catch (error) {
    db.close();
    if (create) removeDatabaseFiles(file);
    throw error;
  }
}

/** Folds the WAL back into the file (so no -wal lingers) and closes. Safe to call twice. */
export function closeWorkspace(db: Database.Database): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
