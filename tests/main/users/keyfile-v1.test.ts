/**
 * Version 1 keyfiles (made before the throttle record and the role binding) still open, are
 * rewritten as version 2 on the next successful unlock, and an edited role in one is caught
 * by the workspace's own record. The fixture below was made by the version 1 code (commit
 * 328113e, createVault with N=2^10) and is kept byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileSummary } from '../../../src/shared/domain';
import { listProfiles, recoverProfile, unlockProfile } from '../../../src/main/services/users/profiles';
import { assertProfileMatchesWorkspace } from '../../../src/main/services/users/workspace-identity';
import { closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { CHEAP_SCRYPT, asyncFailureOf, failureOf, tempDir } from '../workspace/helpers';

const V1_KEYFILE = `{
  "format": "codedesk-keyfile",
  "version": 1,
  "profileId": "0123456789abcdef",
  "displayName": "Vera Legacy",
  "role": "coder",
  "createdAt": "2025-11-01T09:00:00.000Z",
  "updatedAt": "2025-11-01T09:00:00.000Z",
  "wraps": {
    "passphrase": {
      "kdf": "scrypt",
      "kdfParams": {
        "N": 1024,
        "r": 8,
        "p": 1
      },
      "salt": "OKLkoI/lEibEUseMFcR5yQ==",
      "cipher": "aes-256-gcm",
      "iv": "MQrYQ4zTqaGWj3sn",
      "tag": "GLb3FIfJ7v+fKVh8p9M3kA==",
      "ciphertext": "4mdSIciVRG4Yn10KOW03OmyR+rBf7nnKhXY+I5mh0KU="
    },
    "recovery": {
      "kdf": "hkdf-sha256",
      "kdfParams": {
        "info": "codedesk recovery-key wrap v1"
      },
      "salt": "2tRxvp7u+982t10gJJl4vA==",
      "cipher": "aes-256-gcm",
      "iv": "JWCD3g6H0W/QeMB6",
      "tag": "c8xNyYpkwr9Dj5zw5R70Fw==",
      "ciphertext": "CwouD7DfPoskQEthIhO5yVGtPdyMR+Vn1oMofQi8zfk="
    }
  }
}
`;
const V1_KEY = Buffer.from('942d9271a68a230088e23002dcb7f9876a15d206e8bd453d305295dc95bcc7c5', 'hex');
const V1_RECOVERY_KEY = 'YSVXQ-OVSYE-RYSTZ-PH7RY-QACCG-ESAMS';
const ID = '0123456789abcdef';
const PASS = 'correct horse battery staple';
const T0 = Date.parse('2026-03-01T10:00:00Z');
const cheap = { scrypt: CHEAP_SCRYPT };

let home: string;
let dir: string;
beforeEach(() => {
  vi.stubEnv('CODEDESK_LOG', 'silent');
  home = tempDir();
  dir = path.join(home, 'profiles', ID);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'keys.json'), V1_KEYFILE);
  fs.writeFileSync(path.join(dir, 'attempts.json'), JSON.stringify({ version: 1, failures: 1, lastFailureMs: T0 - 60_000 }));
  // As version 1 made it: the profile id recorded, the role not.
  const db = openWorkspace(path.join(dir, 'workspace.db'), V1_KEY, { create: true });
  db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)').run('profile_id', ID);
  closeWorkspace(db);
});
afterEach(() => vi.unstubAllEnvs());

interface Stored {
  version?: number;
  throttle?: unknown;
  wraps: Record<'passphrase' | 'recovery', { aad?: number }>;
}
const stored = (name = 'keys.json') => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Stored;

function checkWorkspace(profile: ProfileSummary): void {
  const db = openWorkspace(path.join(dir, 'workspace.db'), V1_KEY);
  try {
    assertProfileMatchesWorkspace(db, profile);
  } finally {
    closeWorkspace(db);
  }
}

describe('a version 1 keyfile', () => {
  it('is listed, opens, and is rewritten as version 2 with the role bound to the passphrase wrap', async () => {
    expect(listProfiles(home).map((p) => p.displayName)).toEqual(['Vera Legacy']);
    const { profile, key } = await unlockProfile(home, ID, PASS, T0, cheap);
    expect(key.equals(V1_KEY)).toBe(true);
    expect(profile).toMatchObject({ id: ID, role: 'coder' });
    const now = stored();
    expect(now).toMatchObject({ version: 2, role: 'coder', throttle: { failures: 0, lastFailureMs: null } });
    expect(now.wraps.passphrase.aad).toBe(2);
    expect(now.wraps.recovery.aad).toBe(1); // resealing it needs the recovery key
    expect(stored('keys.backup.json')).toEqual(now);
    expect(fs.existsSync(path.join(dir, 'attempts.json'))).toBe(false);
    expect((await unlockProfile(home, ID, PASS, T0, cheap)).key.equals(V1_KEY)).toBe(true);
  });

  it('still opens with its recovery key, before and after the rewrite', async () => {
    const first = await recoverProfile(home, ID, V1_RECOVERY_KEY, 'a new and long passphrase', cheap);
    expect(first.key.equals(V1_KEY)).toBe(true);
    expect(stored().wraps.recovery.aad).toBe(2);
    fs.writeFileSync(path.join(dir, 'keys.json'), V1_KEYFILE);
    fs.rmSync(path.join(dir, 'keys.backup.json'));
    await unlockProfile(home, ID, PASS, T0, cheap);
    expect((await recoverProfile(home, ID, V1_RECOVERY_KEY, 'a new and long passphrase', cheap)).key.equals(V1_KEY)).toBe(true);
  });

  it('counts a wrong guess in a version 2 record at once, and the right passphrase still opens', async () => {
    expect((await asyncFailureOf(unlockProfile(home, ID, 'not the passphrase at all', T0, cheap))).code).toBe('WRONG_PASSPHRASE');
    expect(stored()).toMatchObject({ version: 2, throttle: { failures: 1, lastFailureMs: T0 } });
    expect(stored().wraps.passphrase.aad).toBe(1);
    expect((await unlockProfile(home, ID, PASS, T0, cheap)).key.equals(V1_KEY)).toBe(true);
  });

  it('with its role edited, opens (version 1 did not bind it) but the workspace check refuses it', async () => {
    // The workspace learns its role from the first check (it was made before roles were recorded).
    checkWorkspace({ id: ID, displayName: 'Vera Legacy', role: 'coder', createdAt: '2025-11-01T09:00:00.000Z' });
    fs.writeFileSync(path.join(dir, 'keys.json'), V1_KEYFILE.replace('"role": "coder"', '"role": "supervisor"'));
    const { profile } = await unlockProfile(home, ID, PASS, T0, cheap);
    expect(profile.role).toBe('supervisor');
    expect(failureOf(() => checkWorkspace(profile))).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/key file was altered/) });
    checkWorkspace({ ...profile, role: 'coder' });
    expect(failureOf(() => checkWorkspace({ ...profile, id: 'fedcba9876543210' })).message).toMatch(/belongs to another profile/);
  });

  it('relabelling a version 2 file as version 1 (to drop its record) gains nothing: the wrap no longer opens', async () => {
    await unlockProfile(home, ID, PASS, T0, cheap);
    for (const name of ['keys.json', 'keys.backup.json']) {
      const json = stored(name);
      delete json.throttle;
      json.version = 1;
      for (const wrap of Object.values(json.wraps)) delete wrap.aad;
      fs.writeFileSync(path.join(dir, name), JSON.stringify(json));
    }
    expect((await asyncFailureOf(unlockProfile(home, ID, PASS, T0, cheap))).code).toBe('WRONG_PASSPHRASE');
  });
});
