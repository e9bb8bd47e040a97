/**
 * The failed-unlock throttle. Three free tries, then each further try waits 2^(n-3) s
 * (n = failures so far), capped at 5 minutes. A try inside the wait is refused before the
 * passphrase is derived.
 *
 * The record lives in the keyfile itself (both copies), with an HMAC keyed from the
 * passphrase wrap (HKDF over its salt, iv, tag and ciphertext), so it belongs to this
 * profile's current wrap. Once a file has a record (every version 2 file), a missing,
 * damaged or mismatched record is read as the longest wait: editing or deleting it never
 * resets the count. A try is counted as a failure BEFORE the passphrase is derived, under
 * the profile lock (profile-lock.ts), so parallel processes and a kill mid-try both count.
 *
 * What this does NOT stop: the HMAC key comes from material in the same file, so someone
 * who reads this source and can write the folder can forge a "no failures" record, or put
 * back an older copy of the whole folder. Anyone who can read keys.json can also skip the
 * app and guess offline at scrypt's cost (230-340 ms of CPU and 64 MiB per guess per core,
 * 250,000-375,000 guesses a day per core; `npm run bench -- unlockCost`), with no throttle at
 * all, on as many cores as they have. The throttle slows guessing through the app (the lock
 * screen, the CLI, the browser host); against a copied file the defence is the KDF cost
 * times the passphrase floor (10^10 estimated guesses: 70-110 core-years; see
 * shared/passphrase-strength.ts).
 */
import crypto from 'node:crypto';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';
import type { Keyfile } from './keyfile';

const FREE_ATTEMPTS = 3;
export const MAX_DELAY_SECONDS = 300;
/** The fewest failures that wait the longest: what an untrustworthy record counts as. */
export const FAIL_CLOSED_FAILURES = FREE_ATTEMPTS + Math.ceil(Math.log2(MAX_DELAY_SECONDS));

export interface ThrottleState {
  failures: number;
  /** Epoch ms of the last failure, null when there is none. */
  lastFailureMs: number | null;
}

export const NO_FAILURES: ThrottleState = Object.freeze({ failures: 0, lastFailureMs: null });

const MAC_INFO = 'codedesk unlock-throttle v1';

/** Seconds to wait before the next try after `failures` consecutive failures. */
export function delaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

function macOf(keyfile: Keyfile, state: ThrottleState): string {
  const wrap = keyfile.wraps.passphrase;
  const material = Buffer.concat([wrap.salt, wrap.iv, wrap.tag, wrap.ciphertext].map((b64) => Buffer.from(b64, 'base64')));
  const macKey = Buffer.from(crypto.hkdfSync('sha256', material, Buffer.from(keyfile.profileId, 'utf8'), MAC_INFO, 32));
  return crypto
    .createHmac('sha256', macKey)
    .update(`${keyfile.profileId}|${state.failures}|${state.lastFailureMs ?? ''}`)
    .digest('base64');
}

/** The record to store beside `keyfile`'s wraps for `state`. */
export function sealThrottle(keyfile: Keyfile, state: ThrottleState): { failures: number; lastFailureMs: number | null; mac: string } {
  return { failures: state.failures, lastFailureMs: state.lastFailureMs, mac: macOf(keyfile, state) };
}

/** The state the keyfile's record proves, or null when it proves nothing (missing, damaged, altered). */
export function readThrottle(keyfile: Keyfile): ThrottleState | null {
  if (keyfile.version === 1 && keyfile.throttle === undefined) return NO_FAILURES; // made before records existed
  const record = keyfile.throttle as { failures?: unknown; lastFailureMs?: unknown; mac?: unknown } | null | undefined;
  if (typeof record !== 'object' || record === null) return null;
  const { failures, lastFailureMs, mac } = record;
  if (typeof failures !== 'number' || !Number.isSafeInteger(failures) || failures < 0) return null;
  if (lastFailureMs !== null && (typeof lastFailureMs !== 'number' || !Number.isSafeInteger(lastFailureMs))) return null;
  if (typeof mac !== 'string') return null;
  const state = { failures, lastFailureMs };
  const expected = Buffer.from(macOf(keyfile, state));
  const given = Buffer.from(mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? state : null;
}

/**
 * The state a try at `now` is judged by, and whether it must be stored before judging: an
 * untrustworthy record reads as the longest wait from now (logged once, then stored), and
 * a clock that went back counts the wait from now rather than refusing until it catches up.
 */
export function throttleAt(keyfile: Keyfile, now: number): { state: ThrottleState; changed: boolean } {
  const stored = readThrottle(keyfile);
  if (stored === null) {
    log.warn('vault.throttle_record_untrusted');
    return { state: { failures: FAIL_CLOSED_FAILURES, lastFailureMs: now }, changed: true };
  }
  if (stored.lastFailureMs !== null && now < stored.lastFailureMs) return { state: { ...stored, lastFailureMs: now }, changed: true };
  return { state: stored, changed: false };
}

/** Throws TOO_MANY_ATTEMPTS {retryAfterSeconds} when a try at `now` must wait. */
export function assertMayAttempt(state: ThrottleState, now: number): void {
  if (state.lastFailureMs === null) return;
  const waitMs = state.lastFailureMs + delaySeconds(state.failures) * 1000 - now;
  if (waitMs > 0) {
    throw new AppFailure('TOO_MANY_ATTEMPTS', 'Too many wrong passphrases.', {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}
