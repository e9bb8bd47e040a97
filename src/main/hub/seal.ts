/**
 * PHI at rest on the hub: every chart (documents included) and every coded state is sealed with
 * AES-256-GCM under the hub's data key before it reaches PostgreSQL, so the database server (and
 * its backups) never hold it readable. The key comes from the hub's environment, never the
 * database; the database keeps only a fingerprint, so a hub started with the wrong key stops
 * at once instead of writing rows nobody can read. Each sealed value is bound to its row id.
 */
import crypto from 'node:crypto';
import { AppFailure } from '../../shared/result';
import type { Db } from './db/pool';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  key: Buffer;
  fingerprint: string;
}

/** A key given as base64 (CODEDESK_HUB_DATA_KEY); `codedesk hub key new` makes one. */
export function dataKeyFrom(base64: string | undefined): DataKey {
  const key = Buffer.from((base64 ?? '').trim(), 'base64');
  if (key.length !== 32) throw new AppFailure('BAD_INPUT', 'The hub data key (CODEDESK_HUB_DATA_KEY) must be 32 bytes in base64: make one with codedesk hub key new.');
  return { key, fingerprint: crypto.createHash('sha256').update('codedesk hub data key').update(key).digest('hex').slice(0, 32) };
}

export const newDataKey = (): string => crypto.randomBytes(32).toString('base64');

/** The first hub to start records the key's fingerprint; later ones must bring the same key. */
export async function checkDataKey(db: Db, key: DataKey): Promise<void> {
  await db.query("INSERT INTO hub_meta(key, value) VALUES ('data_key_fingerprint', $1) ON CONFLICT (key) DO NOTHING", [key.fingerprint]);
  const kept = (await db.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'data_key_fingerprint'")).rows[0]?.value;
  if (kept !== key.fingerprint) throw new AppFailure('CONFLICT', 'This data key does not open this hub’s charts: start the hub with the key it was first started with.');
}

export function seal(key: DataKey, rowId: string, plain: Buffer): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(`${VERSION}:${rowId}`));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function unseal(key: DataKey, rowId: string, sealed: Buffer): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new AppFailure('INTERNAL', 'A sealed hub value is damaged.');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, sealed.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(`${VERSION}:${rowId}`));
  decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new AppFailure('INTERNAL', 'A sealed hub value does not open with this key (damaged, or moved to another row).');
  }
}

export const sealJson = (key: DataKey, rowId: string, value: unknown): Buffer => seal(key, rowId, Buffer.from(JSON.stringify(value), 'utf8'));
export const unsealJson = <T>(key: DataKey, rowId: string, sealed: Buffer): T => JSON.parse(unseal(key, rowId, sealed).toString('utf8')) as T;
