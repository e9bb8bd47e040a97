/** Turns an AppError into the sentence shown to the coder (messages are PHI-free by contract). */
import { ErrorCode, err, type AppError, type Result } from '../../shared/result';

/** What a call ends with when the main process (or the browser host) could not be reached. */
export const unreachable = (): Result<never> =>
  err(ErrorCode.Internal, 'CodeDesk could not reach its local service. Restart CodeDesk and try again.');

export function describeError(error: AppError): string {
  const wait = retryAfterSeconds(error);
  return wait === null ? error.message : `${error.message} Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`;
}

/** The services report throttled unlocks with a retry-after figure in the PHI-free detail. */
export function retryAfterSeconds(error: AppError): number | null {
  const detail = error.detail;
  if (!detail) return null;
  for (const key of ['retryAfterSeconds', 'retryAfter', 'retryAfterSec']) {
    const value = detail[key];
    if (typeof value === 'number' && value > 0) return Math.ceil(value);
  }
  return null;
}
