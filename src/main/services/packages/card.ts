/**
 * The profile card: who a profile is and its two public keys, as a small JSON file. Written
 * beside each profile (profiles/<id>/card.json, readable while the profile is locked) and
 * exported for a lead on another computer. A card is trusted by its fingerprint: the first
 * one seen for a profile id is pinned in the workspace, and a different one later is refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES } from '../../../shared/domain';
import type { ProfileCardInfo } from '../../../shared/packages';
import { AppFailure, ErrorCode } from '../../../shared/result';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';
import { writeFileAtomic } from '../vault/atomic-write';

export const CARD_FILE = 'card.json';
const MAX_CARD_BYTES = 16 * 1024;
const b64key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a 32-byte key in base64');

export const cardSchema = z
  .object({
    format: z.literal('codedesk-profile-card'),
    version: z.literal(1),
    profileId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    displayName: z.string().min(1).max(80),
    role: z.enum(ROLES),
    x25519: b64key,
    ed25519: b64key,
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type ProfileCard = z.infer<typeof cardSchema>;

/** SHA-256 over the id and both public keys: what two people compare out of band. */
export function fingerprintOf(profileId: string, x25519: Buffer, ed25519: Buffer): string {
  return crypto.createHash('sha256').update('codedesk-card-v1\0').update(profileId).update('\0').update(x25519).update(ed25519).digest('hex');
}

/** 64 hex digits in 16 groups of 4: easier to read aloud over the phone. */
export const groupedFingerprint = (fp: string): string => fp.match(/.{1,4}/g)?.join(' ') ?? fp;

export function makeCard(profile: { id: string; displayName: string; role: ProfileCard['role'] }, x25519: Buffer, ed25519: Buffer): ProfileCard {
  return {
    format: 'codedesk-profile-card',
    version: 1,
    profileId: profile.id,
    displayName: profile.displayName,
    role: profile.role,
    x25519: x25519.toString('base64'),
    ed25519: ed25519.toString('base64'),
    fingerprint: fingerprintOf(profile.id, x25519, ed25519),
  };
}

/** A card from text; BAD_INPUT (no content echoed) when it is not one or its fingerprint is wrong. */
export function parseCard(text: string): ProfileCard {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppFailure(ErrorCode.BadInput, 'This file is not a CodeDesk profile card (not JSON).');
  }
  const card = cardSchema.safeParse(parsed);
  if (!card.success) throw new AppFailure(ErrorCode.BadInput, 'This file is not a CodeDesk profile card.');
  const expected = fingerprintOf(card.data.profileId, Buffer.from(card.data.x25519, 'base64'), Buffer.from(card.data.ed25519, 'base64'));
  if (expected !== card.data.fingerprint) throw new AppFailure(ErrorCode.BadInput, 'This profile card is damaged: its fingerprint does not match its keys.');
  return card.data;
}

export function readCardFile(file: string): ProfileCard {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_CARD_BYTES) throw new AppFailure(ErrorCode.BadInput, 'This file is too large to be a profile card.');
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure(ErrorCode.NotFound, 'The profile card file cannot be read.');
  }
  return parseCard(text);
}

export function writeCardFile(file: string, card: ProfileCard): void {
  writeFileAtomic(file, `${JSON.stringify(card, null, 2)}\n`, 0o644);
}

export const localCardPath = (profileDir: string): string => path.join(profileDir, CARD_FILE);

interface PinnedRow {
  profile_id: string;
  display_name: string;
  role: ProfileCard['role'];
  x25519_public: Buffer;
  ed25519_public: Buffer;
  fingerprint: string;
  source: 'local' | 'card';
  pinned_at: string;
}

const toCard = (r: PinnedRow): ProfileCard => ({
  format: 'codedesk-profile-card',
  version: 1,
  profileId: r.profile_id,
  displayName: r.display_name,
  role: r.role,
  x25519: r.x25519_public.toString('base64'),
  ed25519: r.ed25519_public.toString('base64'),
  fingerprint: r.fingerprint,
});

export function pinnedCard(db: WorkspaceDb, profileId: string): ProfileCard | null {
  const r = row<PinnedRow>(db, 'SELECT * FROM pinned_cards WHERE profile_id = ?', profileId);
  return r ? toCard(r) : null;
}

export function listPinned(db: WorkspaceDb): ProfileCardInfo[] {
  return rows<PinnedRow>(db, 'SELECT * FROM pinned_cards ORDER BY display_name').map((r) => ({
    profileId: r.profile_id,
    displayName: r.display_name,
    role: r.role,
    fingerprint: groupedFingerprint(r.fingerprint),
    source: r.source,
  }));
}

/**
 * Pins a card (trust on first use). The same fingerprint again only refreshes the name; a
 * different one for a pinned profile is refused: someone may have swapped the card.
 * Returns true when the card was newly pinned.
 */
export function pinCard(db: WorkspaceDb, card: ProfileCard, source: 'local' | 'card', at: Date): boolean {
  const existing = pinnedCard(db, card.profileId);
  if (existing && existing.fingerprint !== card.fingerprint) {
    throw new AppFailure(
      'PACKAGE_REFUSED',
      'This profile card has different keys from the one pinned for that profile. Compare fingerprints with its owner before trusting it.',
    );
  }
  if (existing) {
    run(db, 'UPDATE pinned_cards SET display_name = ?, role = ? WHERE profile_id = ?', card.displayName, card.role, card.profileId);
    return false;
  }
  run(
    db,
    'INSERT INTO pinned_cards(profile_id, display_name, role, x25519_public, ed25519_public, fingerprint, source, pinned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    card.profileId, card.displayName, card.role, Buffer.from(card.x25519, 'base64'), Buffer.from(card.ed25519, 'base64'), card.fingerprint, source, at.toISOString(),
  );
  return true;
}
