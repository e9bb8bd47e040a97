/**
 * The keyfile on disk, twice: keys.json and keys.backup.json, each replaced atomically, the
 * backup after the main copy. One damaged or missing copy does not lock the user out: reads
 * take the first valid copy (keys.json first, as it is the newer one after a crash between
 * the two writes), and repair() puts that copy's bytes back over the other.
 */
import fs from 'node:fs';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';
import { writeFileAtomic } from './atomic-write';
import { KEYFILE_DAMAGED, parseKeyfile, serializeKeyfile, type Keyfile } from './keyfile';
import { sealThrottle, type ThrottleState } from './throttle';

export interface KeyfilePaths {
  keys: string;
  keysBackup: string;
}

type Copy = { ok: true; keyfile: Keyfile; text: string } | { ok: false; missing: boolean };

function readCopy(file: string, profileId: string): Copy {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true };
    throw error;
  }
  try {
    const keyfile = parseKeyfile(text);
    // A copy brought in from another profile's folder is not this profile's.
    if (keyfile.profileId === profileId) return { ok: true, keyfile, text };
  } catch {
    // counted as damaged below
  }
  return { ok: false, missing: false };
}

function readBoth(paths: KeyfilePaths, profileId: string): { keyfile: Keyfile; text: string; stale: string | null } {
  const main = readCopy(paths.keys, profileId);
  const backup = readCopy(paths.keysBackup, profileId);
  if (main.ok) return { keyfile: main.keyfile, text: main.text, stale: backup.ok && backup.text === main.text ? null : paths.keysBackup };
  if (backup.ok) return { keyfile: backup.keyfile, text: backup.text, stale: paths.keys };
  if (main.missing && backup.missing) throw new AppFailure('NOT_FOUND', 'No such profile.');
  throw new AppFailure('INTERNAL', `${KEYFILE_DAMAGED} Both keys.json and keys.backup.json are damaged: restore the profile folder from a backup.`);
}

/** The profile's keyfile from the first valid copy; NOT_FOUND when neither exists. Writes nothing. */
export function readKeyfile(paths: KeyfilePaths, profileId: string): Keyfile {
  return readBoth(paths, profileId).keyfile;
}

/** As readKeyfile, and puts the valid copy back over a damaged, missing or older other one. */
export function readAndRepairKeyfile(paths: KeyfilePaths, profileId: string): Keyfile {
  const { keyfile, text, stale } = readBoth(paths, profileId);
  if (stale) {
    try {
      writeFileAtomic(stale, text);
      log.warn('vault.keyfile_repaired', { file: stale === paths.keys ? 'keys.json' : 'keys.backup.json' });
    } catch (error) {
      // The good copy still opens the profile; the repair is tried again next time.
      log.warn('vault.keyfile_repair_failed', {}, error);
    }
  }
  return keyfile;
}

/** Writes both copies (main first) as version 2, with a throttle record sealed to these wraps. */
export function writeKeyfile(paths: KeyfilePaths, keyfile: Keyfile, throttle: ThrottleState): void {
  const text = serializeKeyfile(keyfile, sealThrottle(keyfile, throttle));
  writeFileAtomic(paths.keys, text);
  writeFileAtomic(paths.keysBackup, text);
}
