/**
 * Crash-safe small-file writes: a reader sees the old file or the new one, never half of
 * either. Temp file in the same folder, fsync, rename over the target, fsync the folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; there the rename is already journalled by NTFS.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeTemp(target: string, data: string, mode: number): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    fs.writeFileSync(fd, data, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return temp;
}

/** Replaces `target` with `data` atomically. */
export function writeFileAtomic(target: string, data: string, mode = 0o600): void {
  const temp = writeTemp(target, data, mode);
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(target));
}

/**
 * Creates `target` with `data` only if it does not exist yet (hard link fails on an existing
 * name), so two processes racing to create it agree on one content. Returns false if it existed.
 */
export function createFileOnce(target: string, data: string, mode = 0o600): boolean {
  const temp = writeTemp(target, data, mode);
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  fsyncDir(path.dirname(target));
  return true;
}
