/**
 * Failed-unlock throttle, persisted beside the keys (`attempts.json`) so restarting the app
 * does not reset it. Three free tries, then each further try waits 2^(n-3) s (n = failures
 * so far), capped at 5 minutes. A try inside the wait is refused before the passphrase is
 * even derived. This slows guessing at the lock screen; it is no defence against someone
 * who copies the keyfile, which is what scrypt is for.
 */
import fs from 'node:fs';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';
import { writeFileAtomic } from './atomic-write';

export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 300;

export interface AttemptState {
  failures: number;
  /** Epoch ms of the last failure, null when there is none. */
  lastFailureMs: number | null;
}

const NONE: AttemptState = { failures: 0, lastFailureMs: null };

/** Seconds to wait before the next try after `failures` consecutive failures. */
export function delaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

export function readAttempts(file: string): AttemptState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NONE;
    throw error;
  }
  try {
    const raw = JSON.parse(text) as { failures?: unknown; lastFailureMs?: unknown };
    const failures = raw.failures;
    const last = raw.lastFailureMs;
    if (typeof failures === 'number' && Number.isInteger(failures) && failures >= 0) {
      if (failures === 0) return NONE;
      if (typeof last === 'number' && Number.isFinite(last)) return { failures, lastFailureMs: last };
    }
  } catch {
    // fall through: an unreadable counter starts over; it guards nothing a file editor could not undo.
  }
  log.warn('vault.attempts_unreadable');
  return NONE;
}

function writeAttempts(file: string, state: AttemptState): void {
  writeFileAtomic(file, `${JSON.stringify({ version: 1, ...state })}\n`);
}

/** Throws TOO_MANY_ATTEMPTS {retryAfterSeconds} when a try now must wait. */
export function assertMayAttempt(file: string, now: number): void {
  const state = readAttempts(file);
  const delayMs = delaySeconds(state.failures) * 1000;
  if (delayMs === 0 || state.lastFailureMs === null) return;
  let waitMs = state.lastFailureMs + delayMs - now;
  if (now < state.lastFailureMs) {
    // The clock went back: count the wait from now rather than refuse until the clock catches up.
    writeAttempts(file, { failures: state.failures, lastFailureMs: now });
    waitMs = delayMs;
  }
  if (waitMs > 0) {
    throw new AppFailure('TOO_MANY_ATTEMPTS', 'Too many wrong passphrases. Wait before trying again.', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}

export function recordFailure(file: string, now: number): AttemptState {
  const state = { failures: readAttempts(file).failures + 1, lastFailureMs: now };
  writeAttempts(file, state);
  return state;
}

/** After a success: no file means no failures. */
export function resetAttempts(file: string): void {
  fs.rmSync(file, { force: true });
}
