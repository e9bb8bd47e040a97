/**
 * The keyfile (`keys.json`): who the profile is and the workspace key wrapped twice, once
 * under the passphrase and once under the recovery key. It never holds the key, the
 * passphrase or the recovery key. Each wrap records its KDF and parameters so they can be
 * raised later without a format change.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { ROLES, type ProfileSummary } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { writeFileAtomic } from './atomic-write';
import { RECOVERY_HKDF_INFO } from './kdf';

export const KEYFILE_FORMAT = 'codedesk-keyfile';
export const KEYFILE_VERSION = 1;

const b64 = z.base64().min(1);
const sealed = { cipher: z.literal('aes-256-gcm'), iv: b64, tag: b64, ciphertext: b64 };

const passphraseWrapSchema = z
  .object({
    kdf: z.literal('scrypt'),
    kdfParams: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() }).strict(),
    salt: b64,
    ...sealed,
  })
  .strict();

const recoveryWrapSchema = z
  .object({
    kdf: z.literal('hkdf-sha256'),
    kdfParams: z.object({ info: z.literal(RECOVERY_HKDF_INFO) }).strict(),
    salt: b64,
    ...sealed,
  })
  .strict();

const keyfileSchema = z
  .object({
    format: z.literal(KEYFILE_FORMAT),
    version: z.literal(KEYFILE_VERSION),
    profileId: z.string().min(1).max(64),
    displayName: z.string().min(1).max(80),
    role: z.enum(ROLES),
    createdAt: z.string().min(1),
    updatedAt: z.string().min(1),
    wraps: z.object({ passphrase: passphraseWrapSchema, recovery: recoveryWrapSchema }).strict(),
  })
  .strict();

export type Keyfile = z.infer<typeof keyfileSchema>;
export type PassphraseWrap = Keyfile['wraps']['passphrase'];
export type RecoveryWrap = Keyfile['wraps']['recovery'];
export type WrapKind = keyof Keyfile['wraps'];

const DAMAGED = 'This profile’s key file is damaged or unreadable.';

export function parseKeyfile(text: string): Keyfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppFailure('INTERNAL', DAMAGED);
  }
  const parsed = keyfileSchema.safeParse(raw);
  if (!parsed.success) throw new AppFailure('INTERNAL', DAMAGED);
  return parsed.data;
}

/** NOT_FOUND when the file is absent; INTERNAL when it is there but not a keyfile. */
export function readKeyfile(file: string): Keyfile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppFailure('NOT_FOUND', 'No such profile.');
    throw error;
  }
  return parseKeyfile(text);
}

export function writeKeyfile(file: string, keyfile: Keyfile): void {
  writeFileAtomic(file, `${JSON.stringify(keyfile, null, 2)}\n`);
}

export function profileSummaryOf(keyfile: Keyfile): ProfileSummary {
  return {
    id: keyfile.profileId,
    displayName: keyfile.displayName,
    role: keyfile.role,
    createdAt: keyfile.createdAt,
  };
}

/** Authenticated data for a wrap: a wrap copied to another profile or slot will not open. */
export function wrapAad(profileId: string, kind: WrapKind): Buffer {
  return Buffer.from(`${KEYFILE_FORMAT} v${KEYFILE_VERSION}|${profileId}|${kind}`, 'utf8');
}
