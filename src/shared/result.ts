/**
 * Result values: every API handler returns one of these instead of throwing, so that
 * every host (IPC, HTTP, CLI) reports failures the same way. Messages never carry PHI.
 */
export const ErrorCode = {
  BadInput: 'BAD_INPUT',
  NotFound: 'NOT_FOUND',
  Locked: 'LOCKED',
  Forbidden: 'FORBIDDEN',
  WrongPassphrase: 'WRONG_PASSPHRASE',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  NotAWorkspace: 'NOT_A_WORKSPACE',
  Conflict: 'CONFLICT',
  ImportFailed: 'IMPORT_FAILED',
  NoCodeSet: 'NO_CODE_SET',
  /** The disk (or the database's size limit) is full: the change was rolled back, not saved. */
  DiskFull: 'DISK_FULL',
  /** The workspace file failed its integrity check: restore it from a backup. */
  WorkspaceDamaged: 'WORKSPACE_DAMAGED',
  /** The audit trail does not match its seal (cut short, rolled back or rewritten). */
  AuditBroken: 'AUDIT_BROKEN',
  /** A work or result package that is damaged, not for this profile, expired, replayed or from an unknown sender: nothing applied. */
  PackageRefused: 'PACKAGE_REFUSED',
  /** The team hub: no valid credentials (wrong password; a device token unknown, expired or revoked). */
  Unauthorized: 'UNAUTHORIZED',
  /** The team hub or its database cannot be reached just now: nothing was changed. */
  Unavailable: 'UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface AppError {
  code: ErrorCode;
  /** Plain-language, PHI-free. */
  message: string;
  /** Optional PHI-free structured detail (e.g. file, line, retry-after seconds). */
  detail?: Record<string, string | number | boolean>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (
  code: ErrorCode,
  message: string,
  detail?: AppError['detail'],
): { ok: false; error: AppError } => ({ ok: false, error: detail ? { code, message, detail } : { code, message } });

/** Thrown inside services; api.ts turns it into a Result. Message must be PHI-free. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: AppError['detail'],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
