/** Package files on disk: bounded reads, crash-safe writes (temp file, fsync, rename). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import { fsyncDir } from '../vault/atomic-write';

/** Far above a 40-chart package with PDFs; a larger file is not one we made. */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export function readPackageFile(file: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppFailure('NOT_FOUND', 'The package file cannot be read: check the path.');
  }
  if (size > MAX_PACKAGE_BYTES) throw new AppFailure('PACKAGE_REFUSED', 'This file is too large to be a CodeDesk package.');
  return fs.readFileSync(file);
}

export function writePackageFile(file: string, bytes: Buffer): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new AppFailure('NOT_FOUND', 'The folder for the package file does not exist.');
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
    fsyncDir(dir);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (error instanceof AppFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new AppFailure('DISK_FULL', 'Disk full: the package file was not written.');
    throw new AppFailure('BAD_INPUT', 'The package file cannot be written there.');
  }
}
