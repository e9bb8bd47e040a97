/**
 * SQLite's own failures, in words a coder can act on. A full disk rolls the transaction
 * back, so "not saved" is the truth; a damaged page means the file needs a backup.
 */
import { AppFailure, ErrorCode } from '../../../shared/result';

export const DISK_FULL_MESSAGE = 'Disk full: your last change was not saved. Free some disk space and try again.';
export const DAMAGED_MESSAGE =
  'The workspace is damaged and cannot be used safely. Restore it from a backup (codedesk workspace restore FILE).';

function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The AppFailure an SQLite error stands for, or null when it is not one we can name. */
export function describeSqliteError(error: unknown): AppFailure | null {
  const code = sqliteCode(error);
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR_WRITE') || code === 'SQLITE_IOERR_FSYNC') {
    return new AppFailure(ErrorCode.DiskFull, DISK_FULL_MESSAGE);
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return new AppFailure(ErrorCode.WorkspaceDamaged, DAMAGED_MESSAGE);
  }
  return null;
}
