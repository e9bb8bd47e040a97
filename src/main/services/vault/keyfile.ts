/**
 * The keyfile format: who the profile is, the workspace key wrapped twice (once under the
 * passphrase, once under the recovery key) and the unlock-throttle record. It never holds
 * the key, the passphrase or the recovery key. Each wrap records its KDF and parameters so
 * they can be raised later without a format change.
 *
 * Version 2 adds the throttle record and binds the role: a wrap with `aad: 2` is sealed with
 * the profile id AND role as authenticated data, so an edited role makes it fail to open.
 * A version 1 file (no record, wraps bound to the profile id only) still opens; it is
 * written back as version 2 on its first write, and its passphrase wrap is resealed with
 * `aad: 2` on the next successful unlock. Its recovery wrap keeps `aad: 1` until the next
 * recovery or passphrase change (resealing it needs the recovery key); the workspace's own
 * record of the role (users/workspace-identity.ts) covers that gap.
 */
import { z } from 'zod';
import { ROLES, type ProfileSummary, type Role } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { RECOVERY_HKDF_INFO } from './kdf';

const KEYFILE_FORMAT = 'codedesk-keyfile';
const KEYFILE_VERSION = 2;

export const KEYFILE_DAMAGED = 'This profile’s key file is damaged or unreadable.';
export const KEYFILE_ALTERED =
  'This profile’s key file was altered: its role is not the one it was made with. Restore the profile folder from a backup.';

const b64 = z.base64().min(1);
const sealed = { cipher: z.literal('aes-256-gcm'), iv: b64, tag: b64, ciphertext: b64 };
const scryptParams = z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() }).strict();
const recoveryParams = z.object({ info: z.literal(RECOVERY_HKDF_INFO) }).strict();

/** 1: sealed with the profile id; 2: with the profile id and role. */
const aad = z.union([z.literal(1), z.literal(2)]);

function wrapSchemas<S extends z.ZodRawShape>(extra: S) {
  return {
    passphrase: z.object({ kdf: z.literal('scrypt'), kdfParams: scryptParams, salt: b64, ...extra, ...sealed }).strict(),
    recovery: z.object({ kdf: z.literal('hkdf-sha256'), kdfParams: recoveryParams, salt: b64, ...extra, ...sealed }).strict(),
  };
}

const identity = {
  format: z.literal(KEYFILE_FORMAT),
  profileId: z.string().min(1).max(64),
  displayName: z.string().min(1).max(80),
  role: z.enum(ROLES),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
};

const v1Schema = z
  .object({ ...identity, version: z.literal(1), wraps: z.object(wrapSchemas({})).strict() })
  .strict();

const v2Schema = z
  .object({
    ...identity,
    version: z.literal(2),
    wraps: z.object(wrapSchemas({ aad })).strict(),
    // Checked by throttle.ts, not here: a damaged record must throttle, not lock the user out.
    throttle: z.unknown().optional(),
  })
  .strict();

type V2 = z.infer<typeof v2Schema>;
export type PassphraseWrap = V2['wraps']['passphrase'];
export type RecoveryWrap = V2['wraps']['recovery'];
export type WrapKind = keyof V2['wraps'];

/** A keyfile as read: always in version 2's shape; `version` says what the file was. */
export interface Keyfile {
  version: 1 | 2;
  profileId: string;
  displayName: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
  wraps: { passphrase: PassphraseWrap; recovery: RecoveryWrap };
  /** The throttle record as stored, unchecked (absent from a version 1 file). */
  throttle: unknown;
}

export function parseKeyfile(text: string): Keyfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppFailure('INTERNAL', KEYFILE_DAMAGED);
  }
  const v2 = v2Schema.safeParse(raw);
  if (v2.success) {
    const { format: _format, throttle, ...rest } = v2.data;
    return { ...rest, throttle };
  }
  const v1 = v1Schema.safeParse(raw);
  if (!v1.success) throw new AppFailure('INTERNAL', KEYFILE_DAMAGED);
  const { format: _format, wraps, ...rest } = v1.data;
  return {
    ...rest,
    wraps: { passphrase: { ...wraps.passphrase, aad: 1 }, recovery: { ...wraps.recovery, aad: 1 } },
    throttle: undefined,
  };
}

/** Version 2 text with the given (already sealed) throttle record. */
export function serializeKeyfile(keyfile: Keyfile, throttle: unknown): string {
  const { version: _version, throttle: _old, ...rest } = keyfile;
  return `${JSON.stringify({ format: KEYFILE_FORMAT, version: KEYFILE_VERSION, ...rest, throttle }, null, 2)}\n`;
}

export function profileSummaryOf(keyfile: Keyfile): ProfileSummary {
  return {
    id: keyfile.profileId,
    displayName: keyfile.displayName,
    role: keyfile.role,
    createdAt: keyfile.createdAt,
  };
}

/** Authenticated data for a wrap: a wrap copied to another profile, slot or role will not open. */
export function wrapAad(version: 1 | 2, profileId: string, role: Role, kind: WrapKind): Buffer {
  const text = version === 1 ? `${KEYFILE_FORMAT} v1|${profileId}|${kind}` : `${KEYFILE_FORMAT} v2|${profileId}|${role}|${kind}`;
  return Buffer.from(text, 'utf8');
}
