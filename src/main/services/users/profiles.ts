/**
 * User profiles: one folder per person with their keyfile, failed-attempt counter and
 * encrypted workspace. Unlocking returns the raw workspace key; the caller owns that Buffer
 * and must zero it (key.fill(0)) when the session locks.
 *
 * These functions are async because scrypt runs off the main thread; calls on one profile
 * are queued so two concurrent guesses cannot both slip past the attempt throttle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROLES, type ProfileSummary, type Role } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';
import { assertMayAttempt, recordFailure, resetAttempts } from '../vault/attempts';
import { DEFAULT_SCRYPT, isWeakerThan } from '../vault/kdf';
import { createVault, rewrapPassphrase, rewrapVault, unwrapWithPassphrase, unwrapWithRecoveryKey, type VaultOptions } from '../vault/key-vault';
import { profileSummaryOf, readKeyfile, writeKeyfile, type Keyfile } from '../vault/keyfile';
import { canonicalRecoveryKey } from '../vault/recovery-key';
import { bindAuditChain, unbindAuditChain } from '../audit/binding';
import { appendAudit } from '../audit/trail';
import { closeWorkspace, openWorkspace } from '../workspace/open';
import { isProfileId, newProfileId, pathsInDir, profilePaths, profilesDir, type ProfilePaths } from './layout';

export { deviceId } from './device';

export const MIN_PASSPHRASE = 12;
export const MAX_PASSPHRASE = 1024;

export interface NewProfileInput {
  displayName: string;
  role: Role;
  passphrase: string;
  /** Stamped on the profile's first audit entry. */
  deviceId: string;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task on the same profile has settled. */
function queued<T>(profileDir: string, task: () => Promise<T>): Promise<T> {
  const before = queues.get(profileDir) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(profileDir, settled);
  void settled.then(() => {
    if (queues.get(profileDir) === settled) queues.delete(profileDir);
  });
  return run;
}

function assertPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE) {
    throw new AppFailure('BAD_INPUT', `The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
  }
  if (passphrase.length > MAX_PASSPHRASE) {
    throw new AppFailure('BAD_INPUT', `The passphrase must have at most ${MAX_PASSPHRASE} characters.`);
  }
}

function cleanDisplayName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > 80 || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new AppFailure('BAD_INPUT', 'A display name has 1 to 80 characters and no control characters.');
  }
  return trimmed;
}

/** The profile's keyfile, checked to belong to the folder it sits in. */
function readProfileKeyfile(paths: ProfilePaths, profileId: string): Keyfile {
  const keyfile = readKeyfile(paths.keys);
  if (keyfile.profileId !== profileId) throw new AppFailure('INTERNAL', 'This profile’s key file is damaged or unreadable.');
  return keyfile;
}

/** Every profile in `home` with a readable keyfile, by display name. Damaged ones are skipped. */
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
      profiles.push(profileSummaryOf(readProfileKeyfile(profilePaths(home, name), name)));
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
  assertPassphrase(input.passphrase);
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
      db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)').run('profile_id', profileId);
      // The trail starts with the profile's creation, sealed before the profile exists.
      bindAuditChain(db, key, staging.seal);
      appendAudit(db, { userId: profileId, deviceId: input.deviceId, action: 'profile.create', detail: { role: input.role } }, Date.parse(identity.createdAt));
    } finally {
      unbindAuditChain(db);
      closeWorkspace(db);
    }
    writeKeyfile(staging.keys, vault.keyfile);
    fs.renameSync(staging.dir, final.dir);
    return { profile: profileSummaryOf(vault.keyfile), recoveryKey: vault.recoveryKey, key };
  } catch (error) {
    key?.fill(0);
    fs.rmSync(staging.dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The workspace key for the right passphrase. Wrong → WRONG_PASSPHRASE and only the attempt
 * counter changes; inside a back-off wait → TOO_MANY_ATTEMPTS without trying the passphrase.
 * A passphrase wrap made with weaker scrypt settings than today's is redone on success.
 */
export async function unlockProfile(
  home: string,
  profileId: string,
  passphrase: string,
  now: number = Date.now(),
  options: VaultOptions = {},
): Promise<{ profile: ProfileSummary; key: Buffer }> {
  const paths = profilePaths(home, profileId);
  return queued(paths.dir, async () => {
    const keyfile = readProfileKeyfile(paths, profileId);
    const key = await tryPassphrase(paths, keyfile, passphrase, now);
    const wanted = options.scrypt ?? DEFAULT_SCRYPT;
    if (isWeakerThan(keyfile.wraps.passphrase.kdfParams, wanted)) {
      try {
        writeKeyfile(paths.keys, await rewrapPassphrase(keyfile, key, passphrase, new Date(now).toISOString(), wanted));
      } catch (error) {
        // The old wrap still works; the upgrade is retried at the next unlock.
        log.warn('profiles.kdf_upgrade_failed', {}, error);
      }
    }
    return { profile: profileSummaryOf(keyfile), key };
  });
}

async function tryPassphrase(paths: ProfilePaths, keyfile: Keyfile, passphrase: string, now: number): Promise<Buffer> {
  assertMayAttempt(paths.attempts, now);
  const key = typeof passphrase === 'string' ? await unwrapWithPassphrase(keyfile, passphrase) : null;
  if (!key) {
    recordFailure(paths.attempts, now);
    throw new AppFailure('WRONG_PASSPHRASE', 'Wrong passphrase.');
  }
  resetAttempts(paths.attempts);
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
  assertPassphrase(newPassphrase);
  canonicalRecoveryKey(recoveryKey); // BAD_INPUT before any file is read
  return queued(paths.dir, async () => {
    const keyfile = readProfileKeyfile(paths, profileId);
    const key = unwrapWithRecoveryKey(keyfile, recoveryKey);
    if (!key) throw new AppFailure('WRONG_PASSPHRASE', 'Wrong recovery key.');
    try {
      const next = await rewrapVault(keyfile, key, newPassphrase, new Date().toISOString(), options);
      writeKeyfile(paths.keys, next.keyfile);
      resetAttempts(paths.attempts);
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
  assertPassphrase(newPassphrase);
  return queued(paths.dir, async () => {
    const keyfile = readProfileKeyfile(paths, profileId);
    const key = await tryPassphrase(paths, keyfile, currentPassphrase, now);
    try {
      const next = await rewrapVault(keyfile, key, newPassphrase, new Date(now).toISOString(), options);
      writeKeyfile(paths.keys, next.keyfile);
      return { profile: profileSummaryOf(next.keyfile), recoveryKey: next.recoveryKey };
    } finally {
      key.fill(0);
    }
  });
}
