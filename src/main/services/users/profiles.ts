/**
 * User profiles: one folder per person with their keyfile (two copies) and encrypted
 * workspace. Unlocking returns the raw workspace key; the caller owns that Buffer and must
 * zero it (key.fill(0)) when the session locks.
 *
 * These functions are async because scrypt runs off the main thread. Everything that reads
 * and writes a profile's keys holds the profile lock (vault/profile-lock.ts), so concurrent
 * guesses, in this process or others, are counted one by one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROLES, type ProfileSummary, type Role } from '../../../shared/domain';
import { loadPassphraseCheck } from '../../../shared/passphrase-strength';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';
import { DEFAULT_SCRYPT, isWeakerThan } from '../vault/kdf';
import { createVault, rewrapPassphrase, rewrapVault, unwrapWithPassphrase, unwrapWithRecoveryKey, type VaultOptions } from '../vault/key-vault';
import { profileSummaryOf, type Keyfile } from '../vault/keyfile';
import { readAndRepairKeyfile, readKeyfile, writeKeyfile } from '../vault/keyfile-store';
import { withProfileLock } from '../vault/profile-lock';
import { canonicalRecoveryKey } from '../vault/recovery-key';
import { bindAuditChain, unbindAuditChain } from '../audit/binding';
import { appendAudit } from '../audit/trail';
import { NO_FAILURES, assertMayAttempt, throttleAt } from '../vault/throttle';
import { closeWorkspace, openWorkspace } from '../workspace/open';
import { ensureProfileKeys } from '../packages/keys';
import { ownCard, publishOwnCard } from '../packages/own-card';
import { isProfileId, newProfileId, pathsInDir, profilePaths, profilesDir, type ProfilePaths } from './layout';

export { deviceId } from './device';

export interface NewProfileInput {
  displayName: string;
  role: Role;
  passphrase: string;
  /** Stamped on the profile's first audit entry. */
  deviceId: string;
  /** The supervisor who approved an auditor or supervisor profile (users/profile-approval.ts), on the first entry too. */
  approvedBy?: string | null;
}

/** BAD_INPUT with the estimator's hint when a new passphrase is short or easy to guess. */
async function assertStrongPassphrase(passphrase: string, displayName: string): Promise<void> {
  if (typeof passphrase !== 'string') throw new AppFailure('BAD_INPUT', 'A passphrase is text.');
  const problem = (await loadPassphraseCheck())(passphrase, [displayName]);
  if (problem) throw new AppFailure('BAD_INPUT', problem);
}

function cleanDisplayName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > 80 || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new AppFailure('BAD_INPUT', 'A display name has 1 to 80 characters and no control characters.');
  }
  return trimmed;
}

/** Every profile in `home` with a readable keyfile copy, by display name. Damaged ones are skipped. */
export function listProfiles(home: string): ProfileSummary[] {
  let names: string[];
  try {
    names = fs.readdirSync(profilesDir(home));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const profiles: ProfileSummary[] = [];
  for (const name of names) {
    if (!isProfileId(name)) continue; // staging folders and stray files
    try {
      profiles.push(profileSummaryOf(readKeyfile(profilePaths(home, name), name)));
    } catch (error) {
      log.warn('profiles.unreadable_profile', {}, error);
    }
  }
  return profiles.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * Makes the keyfile and an empty encrypted workspace in a hidden staging folder, then renames
 * it into place: a crash leaves either no profile or a complete one.
 */
export async function createProfile(
  home: string,
  input: NewProfileInput,
  options: VaultOptions = {},
): Promise<{ profile: ProfileSummary; recoveryKey: string; key: Buffer }> {
  const displayName = cleanDisplayName(input.displayName);
  if (!ROLES.includes(input.role)) throw new AppFailure('BAD_INPUT', 'Unknown role.');
  await assertStrongPassphrase(input.passphrase, displayName);
  const lower = displayName.toLocaleLowerCase();
  if (listProfiles(home).some((p) => p.displayName.toLocaleLowerCase() === lower)) {
    throw new AppFailure('CONFLICT', 'A profile with this name already exists.');
  }

  const profileId = newProfileId();
  const root = profilesDir(home);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const staging = pathsInDir(path.join(root, `.staging-${profileId}`));
  const final = profilePaths(home, profileId);
  fs.mkdirSync(staging.dir, { mode: 0o700 });
  let key: Buffer | null = null;
  try {
    const identity = { profileId, displayName, role: input.role, createdAt: new Date().toISOString() };
    const vault = await createVault(identity, input.passphrase, options);
    key = vault.key;
    const db = openWorkspace(staging.workspace, key, { create: true });
    try {
      const put = db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)');
      put.run('profile_id', profileId);
      put.run('role', input.role); // the role as made, where no key-file edit can reach it
      // The trail starts with the profile's creation, sealed before the profile exists.
      bindAuditChain(db, key, staging.seal);
      appendAudit(db, { userId: profileId, deviceId: input.deviceId, action: 'profile.create', detail: { role: input.role, ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}) } }, Date.parse(identity.createdAt));
      // The package key pairs, private halves inside the workspace; the public card beside it.
      const { keys } = ensureProfileKeys(db, profileId, new Date(identity.createdAt));
      publishOwnCard(staging.dir, ownCard({ id: profileId, displayName, role: input.role, createdAt: identity.createdAt }, keys));
    } finally {
      unbindAuditChain(db);
      closeWorkspace(db);
    }
    writeKeyfile(staging, vault.keyfile, NO_FAILURES);
    fs.renameSync(staging.dir, final.dir);
    return { profile: profileSummaryOf(vault.keyfile), recoveryKey: vault.recoveryKey, key };
  } catch (error) {
    key?.fill(0);
    fs.rmSync(staging.dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The workspace key for the right passphrase. Wrong → WRONG_PASSPHRASE and only the throttle
 * record changes; inside a back-off wait → TOO_MANY_ATTEMPTS without trying the passphrase.
 * On success the record is cleared, and a passphrase wrap made before the role was bound
 * (version 1) or with weaker scrypt settings than today's is redone.
 */
export async function unlockProfile(
  home: string,
  profileId: string,
  passphrase: string,
  now: number = Date.now(),
  options: VaultOptions = {},
): Promise<{ profile: ProfileSummary; key: Buffer }> {
  const paths = profilePaths(home, profileId);
  return withProfileLock(paths.dir, async () => {
    const keyfile = readAndRepairKeyfile(paths, profileId);
    const key = await tryPassphrase(paths, keyfile, passphrase, now);
    let next = keyfile;
    const wanted = options.scrypt ?? DEFAULT_SCRYPT;
    const wrap = keyfile.wraps.passphrase;
    try {
      if (wrap.aad === 1 || isWeakerThan(wrap.kdfParams, wanted)) {
        const params = isWeakerThan(wrap.kdfParams, wanted) ? wanted : wrap.kdfParams;
        next = await rewrapPassphrase(keyfile, key, passphrase, new Date(now).toISOString(), params);
      }
      writeKeyfile(paths, next, NO_FAILURES);
      fs.rmSync(path.join(paths.dir, 'attempts.json'), { force: true }); // version 1's throttle file
    } catch (error) {
      // The old wrap still opens; the count and the upgrade are redone at the next unlock.
      log.warn('profiles.unlock_rewrite_failed', {}, error);
    }
    return { profile: profileSummaryOf(keyfile), key };
  });
}

/**
 * Counts the try as a failure before the passphrase is derived (a try killed half-way still
 * counts), then clears nothing: the caller writes the cleared record after a success.
 */
async function tryPassphrase(paths: ProfilePaths, keyfile: Keyfile, passphrase: string, now: number): Promise<Buffer> {
  const { state, changed } = throttleAt(keyfile, now);
  if (changed) writeKeyfile(paths, keyfile, state);
  assertMayAttempt(state, now);
  writeKeyfile(paths, keyfile, { failures: state.failures + 1, lastFailureMs: now });
  const key = typeof passphrase === 'string' ? await unwrapWithPassphrase(keyfile, passphrase) : null;
  if (!key) throw new AppFailure('WRONG_PASSPHRASE', 'Wrong passphrase.');
  return key;
}

/**
 * Emergency access: the recovery key opens the same workspace key, which is rewrapped under
 * the new passphrase with a new recovery key (the used one stops working). Not throttled:
 * the key has 150 random bits, and throttling would stand in the way of the one way back in.
 */
export async function recoverProfile(
  home: string,
  profileId: string,
  recoveryKey: string,
  newPassphrase: string,
  options: VaultOptions = {},
): Promise<{ profile: ProfileSummary; key: Buffer; recoveryKey: string }> {
  const paths = profilePaths(home, profileId);
  canonicalRecoveryKey(recoveryKey); // BAD_INPUT before any file is read
  return withProfileLock(paths.dir, async () => {
    const keyfile = readAndRepairKeyfile(paths, profileId);
    await assertStrongPassphrase(newPassphrase, keyfile.displayName);
    const key = unwrapWithRecoveryKey(keyfile, recoveryKey);
    if (!key) throw new AppFailure('WRONG_PASSPHRASE', 'Wrong recovery key.');
    try {
      const next = await rewrapVault(keyfile, key, newPassphrase, new Date().toISOString(), options);
      writeKeyfile(paths, next.keyfile, NO_FAILURES);
      return { profile: profileSummaryOf(next.keyfile), key, recoveryKey: next.recoveryKey };
    } catch (error) {
      key.fill(0);
      throw error;
    }
  });
}

/** New passphrase (and a new recovery key) for the same workspace key; throttled like unlock. */
export async function changePassphrase(
  home: string,
  profileId: string,
  currentPassphrase: string,
  newPassphrase: string,
  now: number = Date.now(),
  options: VaultOptions = {},
): Promise<{ profile: ProfileSummary; recoveryKey: string }> {
  const paths = profilePaths(home, profileId);
  return withProfileLock(paths.dir, async () => {
    const keyfile = readAndRepairKeyfile(paths, profileId);
    await assertStrongPassphrase(newPassphrase, keyfile.displayName);
    const key = await tryPassphrase(paths, keyfile, currentPassphrase, now);
    try {
      const next = await rewrapVault(keyfile, key, newPassphrase, new Date(now).toISOString(), options);
      writeKeyfile(paths, next.keyfile, NO_FAILURES);
      return { profile: profileSummaryOf(next.keyfile), recoveryKey: next.recoveryKey };
    } finally {
      key.fill(0);
    }
  });
}
