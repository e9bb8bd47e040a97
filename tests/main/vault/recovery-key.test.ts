import { describe, expect, it } from 'vitest';
import { RECOVERY_KEY_BITS, canonicalRecoveryKey, generateRecoveryKey } from '../../../src/main/services/vault/recovery-key';
import { failureOf } from '../workspace/helpers';

describe('recovery keys', () => {
  it('are 6 groups of 5 base32 characters with at least 128 bits of entropy', () => {
    const key = generateRecoveryKey();
    expect(key).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){5}$/);
    expect(RECOVERY_KEY_BITS).toBeGreaterThanOrEqual(128);
  });

  it('do not repeat and use the whole alphabet', () => {
    const keys = Array.from({ length: 500 }, generateRecoveryKey);
    expect(new Set(keys).size).toBe(500);
    const chars = new Set(keys.join('').replace(/-/g, ''));
    expect(chars.size).toBe(32);
  });

  it('forgive case, spaces, dashes and the lookalike digits 0, 1, 8', () => {
    expect(canonicalRecoveryKey('abcde-fghij klmno-pqrst-uvwxy-z2345')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ2345');
    expect(canonicalRecoveryKey('0000011111888882222233333 44444')).toBe('OOOOOIIIIIBBBBB222223333344444');
  });

  it('refuse anything else with a plain BAD_INPUT', () => {
    for (const bad of ['', 'ABCDE-FGHIJ', 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2349', 'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-A', 'ABCDE!FGHIJ-KLMNO-PQRST-UVWXY-Z2345']) {
      const failure = failureOf(() => canonicalRecoveryKey(bad));
      expect(failure.code).toBe('BAD_INPUT');
      expect(failure.message).toMatch(/6 groups of 5/);
    }
  });
});
