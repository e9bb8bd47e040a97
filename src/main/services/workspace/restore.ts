/**
 * Putting a backup in place of a profile's workspace, while it is locked. The backup is
 * copied beside the workspace and opened there under the profile's key: it must be this
 * profile's, readable throughout, with a chain that verifies from the profile's creation.
 * Its trail then gets a `workspace.restore` entry saying how many sealed entries the restore
 * gives up, the seal moves to that entry, and the copy takes the workspace's name. The
 * replaced file is kept beside it (encrypted), never deleted by the restore.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { bindAuditChain, reanchor, trailHead, unbindAuditChain } from '../audit/binding';
import { appendAudit } from '../audit/trail';
import { verifyAudit } from '../audit/verify';
import { value } from '../db/rows';
import { fsyncDir } from '../vault/atomic-write';
import { closeWorkspace, openWorkspace } from './open';

export interface RestoreTarget {
  workspace: string;
  seal: string;
  profileId: string;
  deviceId: string;
}

export interface RestoreSummary {
  headSeq: number;
  /** Entries that were sealed in the replaced workspace and are not in the backup. */
  entriesGivenUp: number;
  replacedFile: string | null;
}

const NOT_THIS_PROFILE = 'This backup is not a workspace of this profile, or it is damaged.';

function openBackupCopy(from: string, staged: string, key: Buffer) {
  fs.rmSync(staged, { force: true });
  try {
    fs.copyFileSync(from, staged);
  } catch {
    throw new AppFailure(ErrorCode.NotFound, 'The backup file cannot be read.');
  }
  try {
    return openWorkspace(staged, key);
  } catch (error) {
    fs.rmSync(staged, { force: true });
    if (error instanceof AppFailure && (error.code === ErrorCode.NotAWorkspace || error.code === ErrorCode.WorkspaceDamaged)) {
      throw new AppFailure(ErrorCode.BadInput, NOT_THIS_PROFILE);
    }
    throw error;
  }
}

function moveAside(file: string, stamp: string): string | null {
  if (!fs.existsSync(file)) return null;
  const aside = path.join(path.dirname(file), `workspace.replaced-${stamp}.db`);
  fs.renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

export function restoreWorkspace(target: RestoreTarget, from: string, key: Buffer, now: Date): RestoreSummary {
  const staged = `${target.workspace}.restoring`;
  const db = openBackupCopy(path.resolve(from), staged, key);
  let summary: RestoreSummary;
  try {
    if (value<string>(db, "SELECT value FROM workspace_meta WHERE key = 'profile_id'") !== target.profileId) {
      throw new AppFailure(ErrorCode.BadInput, NOT_THIS_PROFILE);
    }
    bindAuditChain(db, key, target.seal);
    const report = verifyAudit(db);
    if (report.problems.some((p) => !['truncated', 'rewritten', 'unsealed'].includes(p.kind))) {
      throw new AppFailure(ErrorCode.BadInput, 'The backup’s audit trail does not verify; it was not restored.');
    }
    const backupSeq = trailHead(db).seq;
    summary = reanchor(db, (finding) => {
      const sealedSeq = finding?.sealedSeq ?? null;
      const entriesGivenUp = sealedSeq === null ? 0 : Math.max(0, sealedSeq - backupSeq);
      appendAudit(
        db,
        { userId: target.profileId, deviceId: target.deviceId, action: 'workspace.restore', detail: { backupSeq, sealedSeq, entriesGivenUp } },
        now,
      );
      return { headSeq: trailHead(db).seq, entriesGivenUp, replacedFile: null };
    });
  } catch (error) {
    unbindAuditChain(db);
    closeWorkspace(db);
    fs.rmSync(staged, { force: true });
    throw error;
  }
  unbindAuditChain(db);
  closeWorkspace(db);
  const replacedFile = moveAside(target.workspace, now.toISOString().replace(/[:.]/g, '-'));
  fs.renameSync(staged, target.workspace);
  fsyncDir(path.dirname(target.workspace));
  return { ...summary, replacedFile: replacedFile ? path.basename(replacedFile) : null };
}
