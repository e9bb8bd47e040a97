/**
 * Making, opening and rewrapping the workspace key. Pure in-memory operations on a Keyfile;
 * users/profiles.ts decides when to read and write it. Changing the passphrase rewraps the
 * same key, so the database never needs a rekey. New wraps bind the profile id and role.
 */
import crypto from 'node:crypto';
import { ROLES, type Role } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import {
  DEFAULT_SCRYPT,
  KEY_BYTES,
  RECOVERY_HKDF_INFO,
  SALT_BYTES,
  deriveRecoveryKey,
  derivePassphraseKey,
  type ScryptParams,
} from './kdf';
import { KEYFILE_ALTERED, wrapAad, type Keyfile, type PassphraseWrap, type RecoveryWrap, type WrapKind } from './keyfile';
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

type Owner = Pick<Keyfile, 'profileId' | 'role'>;

async function wrapUnderPassphrase(key: Buffer, passphrase: string, owner: Owner, params: ScryptParams): Promise<PassphraseWrap> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const wrappingKey = await derivePassphraseKey(passphrase, salt, params);
  try {
    const sealed = sealKey(key, wrappingKey, wrapAad(2, owner.profileId, owner.role, 'passphrase'));
    return { kdf: 'scrypt', kdfParams: { N: params.N, r: params.r, p: params.p }, salt: salt.toString('base64'), aad: 2, ...sealed };
  } finally {
    wrappingKey.fill(0);
  }
}

function wrapUnderRecoveryKey(key: Buffer, recoveryKey: string, owner: Owner): RecoveryWrap {
  const salt = crypto.randomBytes(SALT_BYTES);
  const wrappingKey = deriveRecoveryKey(canonicalRecoveryKey(recoveryKey), salt);
  try {
    const sealed = sealKey(key, wrappingKey, wrapAad(2, owner.profileId, owner.role, 'recovery'));
    return { kdf: 'hkdf-sha256', kdfParams: { info: RECOVERY_HKDF_INFO }, salt: salt.toString('base64'), aad: 2, ...sealed };
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
    version: 2,
    ...identity,
    updatedAt: identity.createdAt,
    wraps: {
      passphrase: await wrapUnderPassphrase(key, passphrase, identity, options.scrypt ?? DEFAULT_SCRYPT),
      recovery: wrapUnderRecoveryKey(key, recoveryKey, identity),
    },
    throttle: undefined,
  };
  return { keyfile, key, recoveryKey };
}

/**
 * Opens a wrap. When it does not open under the role the file names but does under another,
 * the right secret was given and the role was edited: KEYFILE_ALTERED, never that role.
 */
function openWrap(keyfile: Keyfile, kind: WrapKind, wrappingKey: Buffer): Buffer | null {
  const wrap = keyfile.wraps[kind];
  const key = openSealedKey(wrap, wrappingKey, wrapAad(wrap.aad, keyfile.profileId, keyfile.role, kind));
  if (key || wrap.aad === 1) return key;
  for (const role of ROLES) {
    const other = role === keyfile.role ? null : openSealedKey(wrap, wrappingKey, wrapAad(2, keyfile.profileId, role, kind));
    if (other) {
      other.fill(0);
      throw new AppFailure('INTERNAL', KEYFILE_ALTERED);
    }
  }
  return null;
}

/** The workspace key, or null for a wrong passphrase. */
export async function unwrapWithPassphrase(keyfile: Keyfile, passphrase: string): Promise<Buffer | null> {
  const wrap = keyfile.wraps.passphrase;
  const wrappingKey = await derivePassphraseKey(passphrase, Buffer.from(wrap.salt, 'base64'), wrap.kdfParams);
  try {
    return openWrap(keyfile, 'passphrase', wrappingKey);
  } finally {
    wrappingKey.fill(0);
  }
}

/** The workspace key, or null for a wrong recovery key; BAD_INPUT if it is not shaped like one. */
export function unwrapWithRecoveryKey(keyfile: Keyfile, recoveryKey: string): Buffer | null {
  const canonical = canonicalRecoveryKey(recoveryKey);
  const wrappingKey = deriveRecoveryKey(canonical, Buffer.from(keyfile.wraps.recovery.salt, 'base64'));
  try {
    return openWrap(keyfile, 'recovery', wrappingKey);
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
  const passphrase = await wrapUnderPassphrase(key, newPassphrase, keyfile, options.scrypt ?? DEFAULT_SCRYPT);
  return {
    keyfile: { ...keyfile, updatedAt, wraps: { passphrase, recovery: wrapUnderRecoveryKey(key, recoveryKey, keyfile) } },
    recoveryKey,
  };
}

/** Same key and recovery wrap; only the passphrase wrap is redone (to raise KDF cost or bind the role). */
export async function rewrapPassphrase(
  keyfile: Keyfile,
  key: Buffer,
  passphrase: string,
  updatedAt: string,
  params: ScryptParams,
): Promise<Keyfile> {
  const wrap = await wrapUnderPassphrase(key, passphrase, keyfile, params);
  return { ...keyfile, updatedAt, wraps: { ...keyfile.wraps, passphrase: wrap } };
}
