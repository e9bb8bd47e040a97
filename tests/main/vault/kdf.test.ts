import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  deriveRecoveryKey,
  derivePassphraseKey,
  isValidScryptParams,
  isWeakerThan,
  scryptMemory,
} from '../../../src/main/services/vault/kdf';
import { CHEAP_SCRYPT } from '../workspace/helpers';

describe('passphrase KDF (scrypt)', () => {
  it('uses memory-hard production parameters: N=2^16, r=8, p=1 (64 MiB)', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 65536, r: 8, p: 1 });
    expect(scryptMemory(DEFAULT_SCRYPT)).toBeGreaterThanOrEqual(64 * 1024 * 1024);
  });

  it('derives with the production parameters (above Node’s default maxmem) and matches scrypt itself', async () => {
    const salt = crypto.randomBytes(16);
    const key = await derivePassphraseKey('correct horse battery', salt, DEFAULT_SCRYPT);
    const reference = crypto.scryptSync('correct horse battery', salt, 32, { ...DEFAULT_SCRYPT, maxmem: 80 * 1024 * 1024 });
    expect(key.equals(reference)).toBe(true);
  });

  it('depends on the salt and the passphrase', async () => {
    const salt = crypto.randomBytes(16);
    const a = await derivePassphraseKey('correct horse battery', salt, CHEAP_SCRYPT);
    const b = await derivePassphraseKey('correct horse battery', crypto.randomBytes(16), CHEAP_SCRYPT);
    const c = await derivePassphraseKey('correct horse batterY', salt, CHEAP_SCRYPT);
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(c)).toBe(false);
  });

  it('treats composed and decomposed accents as the same passphrase (NFC)', async () => {
    const salt = crypto.randomBytes(16);
    const composed = await derivePassphraseKey('caf\u00e9 au lait 42', salt, CHEAP_SCRYPT);
    const decomposed = await derivePassphraseKey('cafe\u0301 au lait 42', salt, CHEAP_SCRYPT);
    expect(composed.equals(decomposed)).toBe(true);
  });

  it('refuses parameters from a doctored keyfile instead of exhausting memory', async () => {
    expect(isValidScryptParams({ N: 2 ** 30, r: 8, p: 1 })).toBe(false);
    expect(isValidScryptParams({ N: 3000, r: 8, p: 1 })).toBe(false);
    expect(isValidScryptParams({ N: 2 ** 16, r: 0, p: 1 })).toBe(false);
    expect(isValidScryptParams({ N: 2 ** 20, r: 32, p: 16 })).toBe(false);
    expect(isValidScryptParams(DEFAULT_SCRYPT)).toBe(true);
    await expect(derivePassphraseKey('x', Buffer.alloc(16), { N: 2 ** 30, r: 8, p: 1 })).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('knows when stored parameters are weaker than wanted', () => {
    expect(isWeakerThan(CHEAP_SCRYPT, DEFAULT_SCRYPT)).toBe(true);
    expect(isWeakerThan(DEFAULT_SCRYPT, DEFAULT_SCRYPT)).toBe(false);
    expect(isWeakerThan({ N: 2 ** 17, r: 8, p: 1 }, DEFAULT_SCRYPT)).toBe(false);
  });
});

describe('recovery KDF (HKDF-SHA256)', () => {
  it('is deterministic per salt and 32 bytes long', () => {
    const salt = crypto.randomBytes(16);
    const a = deriveRecoveryKey('ABCDEFGHIJKLMNOPQRSTUVWXYZ2345', salt);
    expect(a).toHaveLength(32);
    expect(a.equals(deriveRecoveryKey('ABCDEFGHIJKLMNOPQRSTUVWXYZ2345', salt))).toBe(true);
    expect(a.equals(deriveRecoveryKey('ABCDEFGHIJKLMNOPQRSTUVWXYZ2346', salt))).toBe(false);
  });
});
