/**
 * Writing an export: the bytes go to a hidden temp file beside the target (synced), and take
 * the target's name only when the caller says so — after the export is on the audit trail —
 * with a hard link, which fails rather than overwrite a file that appeared meanwhile. So a
 * reader never finds half a file under the target's name, and an existing file is never replaced.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure, ErrorCode } from '../../../../shared/result';
import { fsyncDir } from '../../vault/atomic-write';

/** The target must be a full path to a new file in an existing folder. */
export function checkTarget(target: string): string {
  if (!path.isAbsolute(target)) throw new AppFailure(ErrorCode.BadInput, 'Give the export file’s full path.');
  const out = path.resolve(target);
  if (fs.existsSync(out)) throw new AppFailure(ErrorCode.Conflict, 'A file with that name already exists; choose another name.');
  if (!fs.existsSync(path.dirname(out))) throw new AppFailure(ErrorCode.NotFound, 'The folder for the export does not exist.');
  return out;
}

/** A folder that refuses the file gets a reason the person can act on, not an internal error. */
const WRITE_REFUSALS: Readonly<Record<string, string>> = {
  EACCES: 'CodeDesk may not write in that folder (permission denied); choose another folder. Nothing was written.',
  EPERM: 'CodeDesk may not write in that folder (permission denied); choose another folder. Nothing was written.',
  EROFS: 'That folder is on a read-only disk; choose another folder. Nothing was written.',
  ENOTDIR: 'Part of that path is a file, not a folder; choose a folder. Nothing was written.',
  ENOSPC: 'The disk for that folder is full; free some space or choose another folder. Nothing was written.',
};

function writeRefusal(error: unknown): unknown {
  const reason = WRITE_REFUSALS[(error as NodeJS.ErrnoException).code ?? ''];
  return reason ? new AppFailure(ErrorCode.BadInput, reason) : error;
}

export function writeTemp(target: string, bytes: Buffer): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
  } catch (error) {
    throw writeRefusal(error);
  }
  try {
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw writeRefusal(error);
  }
  fs.closeSync(fd);
  return temp;
}

/** Gives the temp file the target's name (never over an existing file) and removes the temp name. */
export function publish(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppFailure(ErrorCode.Conflict, 'A file with that name appeared while exporting; choose another name.');
    }
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  fsyncDir(path.dirname(target));
}

export const discard = (temp: string | null): void => {
  if (temp) fs.rmSync(temp, { force: true });
};
