/**
 * Where a profile's files live:
 *   <home>/device.json
 *   <home>/profiles/<profileId>/{keys.json, keys.backup.json, workspace.db}
 * (and keys.lock while an unlock, recovery or passphrase change runs).
 * Profile ids arrive from the API, so they are checked against a strict pattern before
 * they become part of a path ("../" can never reach the file system).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';

const PROFILE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface ProfilePaths {
  dir: string;
  keys: string;
  /** The second copy of keys.json (vault/keyfile-store.ts). */
  keysBackup: string;
  workspace: string;
  /** The audit trail's sealed head (services/audit/head-seal.ts). */
  seal: string;
}

export function profilesDir(home: string): string {
  return path.join(home, 'profiles');
}

export function isProfileId(id: string): boolean {
  return PROFILE_ID_PATTERN.test(id);
}

/** 64 random bits as 16 hex characters: unique per home, and safe as a folder name. */
export function newProfileId(): string {
  return crypto.randomBytes(8).toString('hex');
}

export function pathsInDir(dir: string): ProfilePaths {
  return {
    dir,
    keys: path.join(dir, 'keys.json'),
    keysBackup: path.join(dir, 'keys.backup.json'),
    workspace: path.join(dir, 'workspace.db'),
    seal: path.join(dir, 'audit-head.seal'),
  };
}

/** NOT_FOUND for an id that cannot name a profile (same answer as for an unknown one). */
export function profilePaths(home: string, profileId: string): ProfilePaths {
  if (!isProfileId(profileId)) throw new AppFailure('NOT_FOUND', 'No such profile.');
  return pathsInDir(path.join(profilesDir(home), profileId));
}
