/**
 * Backups of the encrypted workspace. VACUUM INTO writes a consistent copy under the same
 * key (this SQLite build refuses the online-backup API from an encrypted source to an
 * unkeyed target, and the copy is never plaintext either way). The copy is written beside
 * its destination, synced, then checked by attaching it under the same key: every page
 * readable, the same workspace, the same audit head. Only then does it take its name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceDb } from '../db/handles';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { trailHead } from '../audit/binding';
import { row } from '../db/rows';
import { fsyncDir } from '../vault/atomic-write';

export interface BackupSummary {
  path: string;
  bytes: number;
  /** The audit entry the backup ends with (its own `workspace.backup` entry). */
  headSeq: number;
}

const ATTACHED = 'backup_check';

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The copy at `file` is this workspace, readable throughout, ending at `head`. */
function checkCopy(db: WorkspaceDb, file: string): void {
  const expected = trailHead(db);
  const profile = row<{ value: string }>(db, "SELECT value FROM workspace_meta WHERE key = 'profile_id'")?.value ?? null;
  // ATTACH without KEY takes the main database's key and cipher: the copy must open under it.
  db.prepare(`ATTACH DATABASE ? AS ${ATTACHED}`).run(file);
  try {
    const check = db.pragma(`${ATTACHED}.quick_check`, { simple: true });
    const copyHead = db.prepare(`SELECT seq, hash FROM ${ATTACHED}.audit_log ORDER BY seq DESC LIMIT 1`).get() as
      | { seq: number; hash: string }
      | undefined;
    const copyProfile = db.prepare(`SELECT value FROM ${ATTACHED}.workspace_meta WHERE key = 'profile_id'`).pluck().get() ?? null;
    if (check !== 'ok' || copyHead?.seq !== expected.seq || copyHead.hash !== expected.hash || copyProfile !== profile) {
      throw new AppFailure(ErrorCode.Internal, 'The backup did not read back as written; it was not kept.');
    }
  } finally {
    db.exec(`DETACH DATABASE ${ATTACHED}`);
  }
}

/** Writes a verified encrypted copy of the open workspace to `target` (which must not exist). */
export function backupWorkspace(db: WorkspaceDb, target: string): BackupSummary {
  const out = path.resolve(target);
  if (fs.existsSync(out)) throw new AppFailure(ErrorCode.Conflict, 'A file with that name already exists; choose another name.');
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new AppFailure(ErrorCode.NotFound, 'The folder for the backup does not exist.');
  const partial = path.join(dir, `.${path.basename(out)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    checkCopy(db, partial);
    fs.renameSync(partial, out);
    fsyncDir(dir);
    return { path: out, bytes: fs.statSync(out).size, headSeq: trailHead(db).seq };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
