/**
 * Whose keys a package is checked against. Another profile is trusted by the card pinned in
 * this workspace; a profile on this computer that is not pinned yet is pinned from its
 * card.json at first use. An unknown sender, or keys that differ from the pinned ones, are refused.
 */
import fs from 'node:fs';
import type { WorkspaceDb } from '../db/handles';
import { isProfileId, profilePaths } from '../users/layout';
import { localCardPath, pinCard, pinnedCard, readCardFile, type ProfileCard } from './card';
import { refused } from './envelope';

/** The card of a profile on this computer, or null when it has none (it never unlocked since packages existed). */
export function localCard(home: string, profileId: string): ProfileCard | null {
  if (!isProfileId(profileId)) return null;
  const file = localCardPath(profilePaths(home, profileId).dir);
  if (!fs.existsSync(file)) return null;
  const card = readCardFile(file);
  return card.profileId === profileId ? card : null;
}

/** The pinned card for `profileId`, pinning the local one at first use; null when none is known. */
export function trustedCard(db: WorkspaceDb, home: string, profileId: string, at: Date): ProfileCard | null {
  const pinned = pinnedCard(db, profileId);
  if (pinned) return pinned;
  const local = localCard(home, profileId);
  if (!local) return null;
  pinCard(db, local, 'local', at);
  return local;
}

/** The sender's pinned card, when the package names the same keys. */
export function senderCard(db: WorkspaceDb, home: string, senderId: string, senderFingerprint: string, at: Date): ProfileCard {
  const card = trustedCard(db, home, senderId, at);
  if (!card) throw refused('This package comes from a profile this workspace does not know: import its profile card first, and compare the fingerprint with the sender.');
  if (card.fingerprint !== senderFingerprint) throw refused('This package was signed with keys other than the ones pinned for its sender: nothing was changed.');
  return card;
}
