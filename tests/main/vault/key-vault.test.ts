import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT } from '../../../src/main/services/vault/kdf';
import {
  createVault,
  rewrapPassphrase,
  rewrapVault,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
} from '../../../src/main/services/vault/key-vault';
import { parseKeyfile, serializeKeyfile, type Keyfile } from '../../../src/main/services/vault/keyfile';
import { readKeyfile, writeKeyfile } from '../../../src/main/services/vault/keyfile-store';
import { NO_FAILURES, sealThrottle } from '../../../src/main/services/vault/throttle';
import { CHEAP_SCRYPT, asyncFailureOf, failureOf, tempDir } from '../workspace/helpers';

const identity = { profileId: 'a1b2c3d4e5f60718', displayName: 'Dana Coder', role: 'coder' as const, createdAt: '2026-03-01T10:00:00.000Z' };
const PASS = 'correct horse battery staple';

function make() {
  return createVault(identity, PASS, { scrypt: CHEAP_SCRYPT });
}

describe('keyfile contents', () => {
  it('records identity, format, KDF name, parameters, salt, iv, tag and ciphertext for both wraps', async () => {
    const { keyfile } = await make();
    expect(JSON.parse(serializeKeyfile(keyfile, sealThrottle(keyfile, NO_FAILURES)))).toMatchObject({ format: 'codedesk-keyfile', version: 2, ...identity });
    expect(keyfile.wraps.passphrase).toMatchObject({ kdf: 'scrypt', kdfParams: CHEAP_SCRYPT, cipher: 'aes-256-gcm', aad: 2 });
    expect(keyfile.wraps.recovery).toMatchObject({ kdf: 'hkdf-sha256', cipher: 'aes-256-gcm', aad: 2 });
    for (const wrap of Object.values(keyfile.wraps)) {
      expect(Buffer.from(wrap.salt, 'base64')).toHaveLength(16);
      expect(Buffer.from(wrap.iv, 'base64')).toHaveLength(12);
      expect(Buffer.from(wrap.tag, 'base64')).toHaveLength(16);
      expect(Buffer.from(wrap.ciphertext, 'base64')).toHaveLength(32);
    }
  });

  it('never holds the key, the passphrase or the recovery key', async () => {
    const { keyfile, key, recoveryKey } = await make();
    const text = JSON.stringify(keyfile);
    for (const secret of [key.toString('hex'), key.toString('base64'), PASS, recoveryKey, recoveryKey.replace(/-/g, '')]) {
      expect(text).not.toContain(secret);
    }
  });

  it('round-trips through disk in two copies, and a damaged or missing file gives a clear error', async () => {
    const dir = tempDir();
    const paths = { keys: path.join(dir, 'keys.json'), keysBackup: path.join(dir, 'keys.backup.json') };
    const { keyfile } = await make();
    writeKeyfile(paths, keyfile, NO_FAILURES);
    expect(fs.readFileSync(paths.keysBackup)).toEqual(fs.readFileSync(paths.keys));
    const read = readKeyfile(paths, identity.profileId);
    expect({ ...read, throttle: undefined }).toEqual(keyfile);
    expect(failureOf(() => parseKeyfile('{"format":'))).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/key file is damaged/) });
    expect(failureOf(() => parseKeyfile(JSON.stringify({ ...keyfile, wraps: {} }))).code).toBe('INTERNAL');
    expect(failureOf(() => readKeyfile({ keys: path.join(dir, 'a.json'), keysBackup: path.join(dir, 'b.json') }, identity.profileId)).code).toBe('NOT_FOUND');
  });
});

describe('unwrapping', () => {
  it('gives back the same 32-byte key for the right passphrase and null for a wrong one', async () => {
    const { keyfile, key } = await make();
    const opened = await unwrapWithPassphrase(keyfile, PASS);
    expect(opened?.equals(key)).toBe(true);
    expect(await unwrapWithPassphrase(keyfile, 'correct horse battery stapler')).toBeNull();
  });

  it('opens with the recovery key, typed loosely, and not with another one', async () => {
    const { keyfile, key, recoveryKey } = await make();
    expect(unwrapWithRecoveryKey(keyfile, recoveryKey.toLowerCase().replace(/-/g, ' '))?.equals(key)).toBe(true);
    const other = (await make()).recoveryKey;
    expect(unwrapWithRecoveryKey(keyfile, other)).toBeNull();
    expect(failureOf(() => unwrapWithRecoveryKey(keyfile, 'not a key')).code).toBe('BAD_INPUT');
  });

  it('refuses a wrap moved to another profile id or with altered bytes', async () => {
    const { keyfile } = await make();
    const moved: Keyfile = { ...keyfile, profileId: 'ffffffffffffffff' };
    expect(await unwrapWithPassphrase(moved, PASS)).toBeNull();
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    const p = keyfile.wraps.passphrase;
    for (const altered of [{ ...p, ciphertext: flip(p.ciphertext) }, { ...p, tag: flip(p.tag) }, { ...p, iv: flip(p.iv) }, { ...p, salt: flip(p.salt) }]) {
      expect(await unwrapWithPassphrase({ ...keyfile, wraps: { ...keyfile.wraps, passphrase: altered } }, PASS)).toBeNull();
    }
  });
});

describe('the role is bound to both wraps', () => {
  it('a keyfile naming another role: the right secret says “altered”, a wrong one just does not open', async () => {
    const { keyfile, recoveryKey } = await make();
    const promoted: Keyfile = { ...keyfile, role: 'supervisor' };
    expect(await asyncFailureOf(unwrapWithPassphrase(promoted, PASS))).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/key file was altered/) });
    expect(failureOf(() => unwrapWithRecoveryKey(promoted, recoveryKey))).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/key file was altered/) });
    expect(await unwrapWithPassphrase(promoted, 'correct horse battery stapler')).toBeNull();
  });
});

describe('rewrapping', () => {
  it('keeps the same key under a new passphrase and a new recovery key; the old ones stop working', async () => {
    const { keyfile, key, recoveryKey } = await make();
    const next = await rewrapVault(keyfile, key, 'a brand new passphrase', '2026-03-02T00:00:00.000Z', { scrypt: CHEAP_SCRYPT });
    expect(next.recoveryKey).not.toBe(recoveryKey);
    expect(next.keyfile.updatedAt).toBe('2026-03-02T00:00:00.000Z');
    expect(next.keyfile.createdAt).toBe(identity.createdAt);
    expect((await unwrapWithPassphrase(next.keyfile, 'a brand new passphrase'))?.equals(key)).toBe(true);
    expect(await unwrapWithPassphrase(next.keyfile, PASS)).toBeNull();
    expect(unwrapWithRecoveryKey(next.keyfile, recoveryKey)).toBeNull();
    expect(unwrapWithRecoveryKey(next.keyfile, next.recoveryKey)?.equals(key)).toBe(true);
  });

  it('can redo only the passphrase wrap with stronger parameters, keeping the recovery wrap', async () => {
    const { keyfile, key, recoveryKey } = await make();
    const stronger = { N: 2 ** 11, r: 8, p: 1 };
    const next = await rewrapPassphrase(keyfile, key, PASS, '2026-03-02T00:00:00.000Z', stronger);
    expect(next.wraps.passphrase.kdfParams).toEqual(stronger);
    expect(next.wraps.recovery).toEqual(keyfile.wraps.recovery);
    expect((await unwrapWithPassphrase(next, PASS))?.equals(key)).toBe(true);
    expect(unwrapWithRecoveryKey(next, recoveryKey)?.equals(key)).toBe(true);
  });
});

describe('production parameters', () => {
  it('creates and opens a vault with the default scrypt settings recorded in the keyfile', async () => {
    const { keyfile, key } = await createVault(identity, PASS);
    expect(keyfile.wraps.passphrase.kdfParams).toEqual(DEFAULT_SCRYPT);
    expect((await unwrapWithPassphrase(keyfile, PASS))?.equals(key)).toBe(true);
  });
});
