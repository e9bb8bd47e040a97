/**
 * A profile's two key pairs, from node:crypto only: X25519 (packages are encrypted to it) and
 * Ed25519 (it signs the packages it makes). The private halves are stored in the profile's
 * encrypted workspace and nowhere else; the public halves are also written in the clear to
 * the profile's card.json, so another profile on this computer can package for it while it
 * is locked.
 */
import crypto from 'node:crypto';
import type { WorkspaceDb } from '../db/handles';
import { row, run } from '../db/rows';
import { fingerprintOf } from './card';

export interface ProfileKeys {
  x25519Private: crypto.KeyObject;
  x25519Public: Buffer;
  ed25519Private: crypto.KeyObject;
  ed25519Public: Buffer;
  fingerprint: string;
}

interface KeysRow {
  x25519_private: Buffer;
  x25519_public: Buffer;
  ed25519_private: Buffer;
  ed25519_public: Buffer;
  fingerprint: string;
}

/** The raw 32-byte public key of an X25519 or Ed25519 key object. */
export function rawPublic(key: crypto.KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an OKP public key');
  return Buffer.from(jwk.x, 'base64url');
}

/** A public key object from its raw 32 bytes. */
export function publicFromRaw(curve: 'X25519' | 'Ed25519', raw: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: curve, x: raw.toString('base64url') }, format: 'jwk' });
}

const privateFromDer = (der: Buffer): crypto.KeyObject => crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
const derOf = (key: crypto.KeyObject): Buffer => key.export({ format: 'der', type: 'pkcs8' });

function fromRow(r: KeysRow): ProfileKeys {
  return {
    x25519Private: privateFromDer(r.x25519_private),
    x25519Public: r.x25519_public,
    ed25519Private: privateFromDer(r.ed25519_private),
    ed25519Public: r.ed25519_public,
    fingerprint: r.fingerprint,
  };
}

export function readProfileKeys(db: WorkspaceDb): ProfileKeys | null {
  const r = row<KeysRow>(db, 'SELECT * FROM profile_keys WHERE id = 1');
  return r ? fromRow(r) : null;
}

/**
 * The profile's keys, made now when it has none yet (profiles from before packages existed).
 * `created` tells the caller to put the creation on the audit trail; call inside a transaction.
 */
export function ensureProfileKeys(db: WorkspaceDb, profileId: string, at: Date): { keys: ProfileKeys; created: boolean } {
  const existing = readProfileKeys(db);
  if (existing) return { keys: existing, created: false };
  const x = crypto.generateKeyPairSync('x25519');
  const ed = crypto.generateKeyPairSync('ed25519');
  const xPub = rawPublic(x.publicKey);
  const edPub = rawPublic(ed.publicKey);
  const fingerprint = fingerprintOf(profileId, xPub, edPub);
  run(
    db,
    'INSERT INTO profile_keys(id, x25519_private, x25519_public, ed25519_private, ed25519_public, fingerprint, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)',
    derOf(x.privateKey), xPub, derOf(ed.privateKey), edPub, fingerprint, at.toISOString(),
  );
  return { keys: { x25519Private: x.privateKey, x25519Public: xPub, ed25519Private: ed.privateKey, ed25519Public: edPub, fingerprint }, created: true };
}
