/**
 * The checks every package passes before any of it is used, in this order: the frame and
 * header, that it is the expected kind, that it is for this profile (and its current keys),
 * the sender's signature against the pinned key, whether it was already taken in, and its
 * expiry. Only then is the body decrypted.
 */
import type { WorkspaceDb } from '../db/handles';
import { row } from '../db/rows';
import { DAMAGED, decryptBody, parsePackage, refused, signatureHolds, type PackageHeader } from './envelope';
import type { ProfileCard } from './card';
import { senderCard } from './trust';
import type { ProfileKeys } from './keys';

export interface VerifiedPackage {
  header: PackageHeader;
  card: ProfileCard;
  /** The same package was opened (work) or applied (result) before. */
  already: { charts: number } | null;
  decrypt(): Buffer;
}

export function verifiedPackage(
  db: WorkspaceDb,
  home: string,
  self: { id: string; keys: ProfileKeys },
  file: Buffer,
  kind: 'work' | 'result',
  now: Date,
): VerifiedPackage {
  const parsed = parsePackage(file);
  const { header } = parsed;
  if (header.kind !== kind) {
    throw refused(kind === 'work' ? 'This is a result package: apply it (package apply) instead of opening it.' : 'This is a work package: open it (package open) instead of applying it.');
  }
  if (header.recipientId !== self.id) throw refused('This package is for another profile: nothing was changed.');
  if (header.recipientFingerprint !== self.keys.fingerprint) throw refused('This package was made for other keys of this profile: nothing was changed. Ask the sender for a new one.');
  const card = senderCard(db, home, header.senderId, header.senderFingerprint, now);
  if (!signatureHolds(parsed, Buffer.from(card.ed25519, 'base64'))) {
    throw refused(DAMAGED);
  }
  const direction = kind === 'work' ? 'opened' : 'applied';
  const seen = row<{ charts: number }>(db, 'SELECT charts FROM package_log WHERE package_id = ? AND direction = ?', header.packageId, direction);
  if (!seen && now.getTime() > Date.parse(header.expiresAt)) {
    throw refused(`This package expired on ${header.expiresAt.slice(0, 10)}: nothing was changed. Ask the sender for a new one.`);
  }
  return { header, card, already: seen ?? null, decrypt: () => decryptBody(parsed, self.keys) };
}
