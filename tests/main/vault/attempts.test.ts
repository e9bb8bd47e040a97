import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_DELAY_SECONDS,
  assertMayAttempt,
  delaySeconds,
  readAttempts,
  recordFailure,
  resetAttempts,
} from '../../../src/main/services/vault/attempts';
import { failureOf, tempDir } from '../workspace/helpers';

const T0 = Date.parse('2026-03-01T10:00:00Z');

describe('failed-attempt throttle', () => {
  let file: string;
  beforeEach(() => {
    vi.stubEnv('CODEDESK_LOG', 'silent');
    file = path.join(tempDir(), 'attempts.json');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('allows three free failures, then waits 2^(n-3) s, capped at 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8]);
    expect(delaySeconds(11)).toBe(256);
    expect(delaySeconds(12)).toBe(MAX_DELAY_SECONDS);
    expect(delaySeconds(40)).toBe(300);
  });

  it('refuses a try inside the wait with retryAfterSeconds, and allows it after', () => {
    for (let i = 0; i < 3; i++) {
      assertMayAttempt(file, T0);
      recordFailure(file, T0);
    }
    const failure = failureOf(() => assertMayAttempt(file, T0 + 400));
    expect(failure.code).toBe('TOO_MANY_ATTEMPTS');
    expect(failure.detail).toEqual({ retryAfterSeconds: 1 });
    expect(() => assertMayAttempt(file, T0 + 1000)).not.toThrow();

    recordFailure(file, T0 + 1000); // 4 failures: 2 s
    expect(failureOf(() => assertMayAttempt(file, T0 + 1000)).detail).toEqual({ retryAfterSeconds: 2 });
    expect(() => assertMayAttempt(file, T0 + 3000)).not.toThrow();
  });

  it('persists the counter on disk (a restart does not reset it)', () => {
    recordFailure(file, T0);
    recordFailure(file, T0 + 5);
    expect(readAttempts(file)).toEqual({ failures: 2, lastFailureMs: T0 + 5 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ failures: 2 });
  });

  it('counts the wait from now when the clock went back, instead of locking out until it catches up', () => {
    for (let i = 0; i < 5; i++) recordFailure(file, T0); // 5 failures: 4 s
    const earlier = T0 - 3_600_000;
    expect(failureOf(() => assertMayAttempt(file, earlier)).detail).toEqual({ retryAfterSeconds: 4 });
    expect(() => assertMayAttempt(file, earlier + 4000)).not.toThrow();
  });

  it('starts over from an unreadable counter file', () => {
    fs.writeFileSync(file, '{not json');
    expect(readAttempts(file)).toEqual({ failures: 0, lastFailureMs: null });
    fs.writeFileSync(file, JSON.stringify({ failures: -3 }));
    expect(readAttempts(file).failures).toBe(0);
    expect(recordFailure(file, T0).failures).toBe(1);
  });

  it('forgets everything after a success', () => {
    for (let i = 0; i < 4; i++) recordFailure(file, T0);
    resetAttempts(file);
    expect(fs.existsSync(file)).toBe(false);
    expect(() => assertMayAttempt(file, T0)).not.toThrow();
    resetAttempts(file); // idempotent
  });
});
