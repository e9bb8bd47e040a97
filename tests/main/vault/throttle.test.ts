import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVault } from '../../../src/main/services/vault/key-vault';
import type { Keyfile } from '../../../src/main/services/vault/keyfile';
import {
  FAIL_CLOSED_FAILURES,
  MAX_DELAY_SECONDS,
  NO_FAILURES,
  assertMayAttempt,
  delaySeconds,
  readThrottle,
  sealThrottle,
  throttleAt,
} from '../../../src/main/services/vault/throttle';
import { CHEAP_SCRYPT, failureOf } from '../workspace/helpers';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const PASS = 'correct horse battery staple';

async function vault(profileId = 'a1b2c3d4e5f60718'): Promise<Keyfile> {
  const identity = { profileId, displayName: 'Dana Coder', role: 'coder' as const, createdAt: '2026-03-01T10:00:00.000Z' };
  return (await createVault(identity, PASS, { scrypt: CHEAP_SCRYPT })).keyfile;
}

const withRecord = (keyfile: Keyfile, record: unknown): Keyfile => ({ ...keyfile, throttle: record });

describe('unlock throttle', () => {
  beforeEach(() => vi.stubEnv('CODEDESK_LOG', 'silent'));
  afterEach(() => vi.unstubAllEnvs());

  it('allows three free failures, then waits 2^(n-3) s, capped at 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delaySeconds(11)).toBe(256);
    expect(delaySeconds(12)).toBe(MAX_DELAY_SECONDS);
    expect(delaySeconds(40)).toBe(300);
    expect(delaySeconds(FAIL_CLOSED_FAILURES)).toBe(MAX_DELAY_SECONDS);
    expect(delaySeconds(FAIL_CLOSED_FAILURES - 1)).toBeLessThan(MAX_DELAY_SECONDS);
  });

  it('refuses a try inside the wait with retryAfterSeconds, and allows it after', () => {
    const state = { failures: 4, lastFailureMs: T0 };
    expect(failureOf(() => assertMayAttempt(state, T0 + 500))).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      // The screens add "Try again in N seconds." from the detail (renderer/lib/errors.ts): the message does not say it twice.
      message: 'Too many wrong passphrases.',
      detail: { retryAfterSeconds: 2 },
    });
    expect(() => assertMayAttempt(state, T0 + 2000)).not.toThrow();
    expect(() => assertMayAttempt(NO_FAILURES, T0)).not.toThrow();
  });

  it('reads back the record it sealed for these wraps', async () => {
    const keyfile = await vault();
    const state = { failures: 5, lastFailureMs: T0 };
    expect(readThrottle(withRecord(keyfile, sealThrottle(keyfile, state)))).toEqual(state);
    expect(throttleAt(withRecord(keyfile, sealThrottle(keyfile, state)), T0 + 1)).toEqual({ state, changed: false });
  });

  it('trusts no record that is missing, damaged, edited, or sealed for other wraps', async () => {
    const keyfile = await vault();
    const sealed = sealThrottle(keyfile, { failures: 5, lastFailureMs: T0 });
    const other = await vault(); // same profile id, another wrap (e.g. before a passphrase change)
    const untrusted = [
      undefined,
      null,
      'five',
      { ...sealed, failures: 0 },
      { ...sealed, lastFailureMs: null },
      { ...sealed, mac: 'AAAA' },
      { failures: 0, lastFailureMs: null },
      { ...sealed, failures: -1 },
      sealThrottle(other, { failures: 0, lastFailureMs: null }),
    ];
    for (const record of untrusted) {
      expect(readThrottle(withRecord(keyfile, record)), JSON.stringify(record)).toBeNull();
      expect(throttleAt(withRecord(keyfile, record), T0)).toEqual({ state: { failures: FAIL_CLOSED_FAILURES, lastFailureMs: T0 }, changed: true });
    }
  });

  it('counts nothing for a version 1 file, which had no record yet', async () => {
    const keyfile = await vault();
    expect(readThrottle({ ...keyfile, version: 1, throttle: undefined })).toEqual(NO_FAILURES);
  });

  it('counts the wait from now when the clock went back, instead of locking out until it catches up', async () => {
    const keyfile = await vault();
    const record = sealThrottle(keyfile, { failures: 5, lastFailureMs: T0 }); // 4 s
    const earlier = T0 - 3_600_000;
    const { state, changed } = throttleAt(withRecord(keyfile, record), earlier);
    expect(changed).toBe(true);
    expect(failureOf(() => assertMayAttempt(state, earlier)).detail).toEqual({ retryAfterSeconds: 4 });
    expect(() => assertMayAttempt(state, earlier + 4000)).not.toThrow();
  });
});
