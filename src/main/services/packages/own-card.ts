/** This profile's own card: made from its keys, kept current beside its folder for the other profiles on this computer. */
import fs from 'node:fs';
import type { ProfileSummary } from '../../../shared/domain';
import type { ProfileCardInfo } from '../../../shared/packages';
import { profilePaths } from '../users/layout';
import { groupedFingerprint, localCardPath, makeCard, writeCardFile, type ProfileCard } from './card';
import type { ProfileKeys } from './keys';

export const ownCard = (profile: ProfileSummary, keys: ProfileKeys): ProfileCard => makeCard(profile, keys.x25519Public, keys.ed25519Public);

export const cardInfo = (card: ProfileCard, source: ProfileCardInfo['source']): ProfileCardInfo => ({
  profileId: card.profileId,
  displayName: card.displayName,
  role: card.role,
  fingerprint: groupedFingerprint(card.fingerprint),
  source,
});

/** Writes profiles/<id>/card.json when it is missing or differs (a new name, a damaged file). */
export function publishOwnCard(dir: string, card: ProfileCard): void {
  const file = localCardPath(dir);
  const text = `${JSON.stringify(card, null, 2)}\n`;
  let current: string | null = null;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    current = null;
  }
  if (current !== text) writeCardFile(file, card);
}

export const publishOwnCardAt = (home: string, card: ProfileCard): void => publishOwnCard(profilePaths(home, card.profileId).dir, card);
