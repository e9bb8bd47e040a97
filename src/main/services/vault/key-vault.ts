/**
 * Making, opening and rewrapping the workspace key. Pure in-memory operations on a Keyfile;
 * users/profiles.ts decides when to read and write it. Changing the passphrase rewraps the
 * same key, so the database never needs a rekey.
 */
import crypto from 'node:crypto';
import type { Role } from '../../../shared/domain';
import {
  DEFAULT_SCRYPT,
  KEY_BYTES,
  RECOVERY_HKDF_INFO,
  SALT_BYTES,
  deriveRecoveryKey,
  derivePassphraseKey,
  type ScryptParams,
} from './kdf';
import { KEYFILE_FORMAT, KEYFILE_VERSION, wrapAad, type Keyfile, type PassphraseWrap, type RecoveryWrap } from './keyfile';
import { canonicalRecoveryKey, generateRecoveryKey } from './recovery-key';
import { openSealedKey, sealKey } from './seal';

export interface VaultOptions {
  /** scrypt cost; defaults to DEFAULT_SCRYPT. Tests pass cheaper ones. */
  scrypt?: ScryptParams;
}

export interface ProfileIdentity {
  profileId: string;
  displayName: string;
  role: Role;
  createdAt: string;
}

async function wrapUnderPassphrase(
  key: Buffer,
  passphrase: string,
  profileId: string,
  params: ScryptParams,
): Promise<PassphraseWrap> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const wrappingKey = await derivePassphraseKey(passphrase, salt, params);
  try {
    const sealed = sealKey(key, wrappingKey, wrapAad(profileId, 'passphrase'));
    return { kdf: 'scrypt', kdfParams: { N: params.N, r: params.r, p: params.p }, salt: salt.toString('base64'), ...sealed };
  } finally {
    wrappingKey.fill(0);
  }
}

function wrapUnderRecoveryKey(key: Buffer, recoveryKey: string, profileId: string): RecoveryWrap {
  const salt = crypto.randomBytes(SALT_BYTES);
  const wrappingKey = deriveRecoveryKey(canonicalRecoveryKey(recoveryKey), salt);
  try {
    const sealed = sealKey(key, wrappingKey, wrapAad(profileId, 'recovery'));
    return { kdf: 'hkdf-sha256', kdfParams: { info: RECOVERY_HKDF_INFO }, salt: salt.toString('base64'), ...sealed };
  } finally {
    wrappingKey.fill(0);
  }
}

/** A new random workspace key, its keyfile, and the recovery key to show once. */
export async function createVault(
  identity: ProfileIdentity,
  passphrase: string,
  options: VaultOptions = {},
): Promise<{ keyfile: Keyfile; key: Buffer; recoveryKey: string }> {
  const key = crypto.randomBytes(KEY_BYTES);
  const recoveryKey = generateRecoveryKey();
  const keyfile: Keyfile = {
    format: KEYFILE_FORMAT,
    version: KEYFILE_VERSION,
    ...identity,
    updatedAt: identity.createdAt,
    wraps: {
      passphrase: await wrapUnderPassphrase(key, passphrase, identity.profileId, options.scrypt ?? DEFAULT_SCRYPT),
      recovery: wrapUnderRecoveryKey(key, recoveryKey, identity.profileId),
    },
  };
  return { keyfile, key, recoveryKey };
}

/** The workspace key, or null for a wrong passphrase. */
export async function unwrapWithPassphrase(keyfile: Keyfile, passphrase: string): Promise<Buffer | null> {
  const wrap = keyfile.wraps.passphrase;
  const wrappingKey = await derivePassphraseKey(passphrase, Buffer.from(wrap.salt, 'base64'), wrap.kdfParams);
  try {
    return openSealedKey(wrap, wrappingKey, wrapAad(keyfile.profileId, 'passphrase'));
  } finally {
    wrappingKey.fill(0);
  }
}

/** The workspace key, or null for a wrong recovery key; BAD_INPUT if it is not shaped like one. */
export function unwrapWithRecoveryKey(keyfile: Keyfile, recoveryKey: string): Buffer | null {
  const canonical = canonicalRecoveryKey(recoveryKey);
  const wrap = keyfile.wraps.recovery;
  const wrappingKey = deriveRecoveryKey(canonical, Buffer.from(wrap.salt, 'base64'));
  try {
    return openSealedKey(wrap, wrappingKey, wrapAad(keyfile.profileId, 'recovery'));
  } finally {
    wrappingKey.fill(0);
  }
}

/** Same key under a new passphrase and a new recovery key (the old recovery key stops working). */
export async function rewrapVault(
  keyfile: Keyfile,
  key: Buffer,
  newPassphrase: string,
  updatedAt: string,
  options: VaultOptions = {},
): Promise<{ keyfile: Keyfile; recoveryKey: string }> {
  const recoveryKey = generateRecoveryKey();
  const passphrase = await wrapUnderPassphrase(key, newPassphrase, keyfile.profileId, options.scrypt ?? DEFAULT_SCRYPT);
  return {
    keyfile: { ...keyfile, updatedAt, wraps: { passphrase, recovery: wrapUnderRecoveryKey(key, recoveryKey, keyfile.profileId) } },
    recoveryKey,
  };
}

/** Same key and recovery wrap; only the passphrase wrap is redone (used to raise KDF cost). */
export async function rewrapPassphrase(
  keyfile: Keyfile,
  key: Buffer,
  passphrase: string,
  updatedAt: string,
  params: ScryptParams,
): Promise<Keyfile> {
  const wrap = await wrapUnderPassphrase(key, passphrase, keyfile.profileId, params);
  return { ...keyfile, updatedAt, wraps: { ...keyfile.wraps, passphrase: wrap } };
}
