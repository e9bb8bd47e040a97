/** Messages between the import worker and its caller; failures cross as plain data. */
import type { ImportSummary } from '../../../../shared/contract';
import { AppFailure, type ErrorCode } from '../../../../shared/result';
import { describeSqliteError } from '../../db/errors';
import type { ImportProgress } from '../import';

export interface WireFailure {
  code: ErrorCode;
  message: string;
  detail?: AppFailure['detail'];
}

export type ImportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; failure: WireFailure };

/** Expected failures (and a full disk or damaged page, named) keep their code, message and detail; anything else becomes a plain INTERNAL. */
export function toWire(error: unknown): WireFailure {
  const failure = error instanceof AppFailure ? error : describeSqliteError(error);
  if (failure) return { code: failure.code, message: failure.message, detail: failure.detail };
  return { code: 'INTERNAL', message: 'The import stopped because of an internal error.' };
}

export function fromWire(failure: WireFailure): AppFailure {
  return new AppFailure(failure.code, failure.message, failure.detail);
}
