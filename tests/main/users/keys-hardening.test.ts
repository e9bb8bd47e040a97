/**
 * The key-file attacks of issue 10, each as it was found: the throttle reset by deleting or
 * editing its record, weak passphrases accepted, the role edited in keys.json, and keys.json
 * as a single point of failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changePassphrase, createProfile, listProfiles, recoverProfile, unlockProfile } from '../../../src/main/services/users/profiles';
import { assertProfileMatchesWorkspace } from '../../../src/main/services/users/workspace-identity';
import { closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { CHEAP_SCRYPT, asyncFailureOf, failureOf, tempDir } from '../workspace/helpers';

const PASS = 'correct horse battery staple';
const WRONG = 'incorrect horse battery staple';
const T0 = Date.parse('2026-03-01T10:00:00Z');
const cheap = { scrypt: CHEAP_SCRYPT };

let home: string;
beforeEach(() => {
  vi.stubEnv('CODEDESK_LOG', 'silent');
  home = tempDir();
});
afterEach(() => vi.unstubAllEnvs());

const create = (displayName = 'Dana Coder', role: 'coder' | 'supervisor' = 'coder') =>
  createProfile(home, { displayName, role, passphrase: PASS, deviceId: 'dev-test' }, cheap);
const unlock = (id: string, passphrase: string, now = T0) => unlockProfile(home, id, passphrase, now, cheap);
const fileOf = (id: string, name: string) => path.join(home, 'profiles', id, name);
/** keys.json and its second copy, whichever exist. */
const keyCopies = (id: string) => ['keys.json', 'keys.backup.json'].map((n) => fileOf(id, n)).filter((f) => fs.existsSync(f));

function editJson(file: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
}

async function threeFailures(id: string): Promise<void> {
  for (let i = 0; i < 3; i++) expect((await asyncFailureOf(unlock(id, WRONG))).code).toBe('WRONG_PASSPHRASE');
  expect((await asyncFailureOf(unlock(id, PASS, T0 + 500))).code).toBe('TOO_MANY_ATTEMPTS');
}

describe('the unlock throttle cannot be reset through the files', () => {
  it('deleting the attempt record (attempts.json, or the record in both key files) keeps the wait', async () => {
    const { profile } = await create();
    await threeFailures(profile.id);
    fs.rmSync(fileOf(profile.id, 'attempts.json'), { force: true });
    for (const file of keyCopies(profile.id)) editJson(file, (json) => delete json.throttle);
    expect((await asyncFailureOf(unlock(profile.id, PASS, T0 + 500))).code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('deleting keys.json keeps the wait (its second copy holds the record)', async () => {
    const { profile } = await create();
    await threeFailures(profile.id);
    fs.rmSync(fileOf(profile.id, 'attempts.json'), { force: true });
    fs.rmSync(fileOf(profile.id, 'keys.json'));
    expect((await asyncFailureOf(unlock(profile.id, PASS, T0 + 500))).code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('editing the record to zero failures fails closed: the longest wait, not a fresh start', async () => {
    const { profile } = await create();
    await threeFailures(profile.id);
    const attempts = fileOf(profile.id, 'attempts.json');
    if (fs.existsSync(attempts)) fs.writeFileSync(attempts, JSON.stringify({ version: 1, failures: 0, lastFailureMs: null }));
    for (const file of keyCopies(profile.id)) {
      editJson(file, (json) => {
        if (json.throttle) (json.throttle as Record<string, unknown>).failures = 0;
      });
    }
    const refused = await asyncFailureOf(unlock(profile.id, PASS, T0 + 500));
    expect(refused).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', detail: { retryAfterSeconds: 300 } });
  });
});

describe('weak passphrases are refused', () => {
  it('on create, with the estimator’s hint, and nothing is made', async () => {
    for (const weak of ['aaaaaaaaaaaa', 'password1234', 'dana coder dana coder', '123456789012']) {
      const failure = await asyncFailureOf(createProfile(home, { displayName: 'Dana Coder', role: 'coder', passphrase: weak, deviceId: 'dev-test' }, cheap));
      expect(failure.code, weak).toBe('BAD_INPUT');
      expect(failure.message, weak).toMatch(/^This passphrase is too easy to guess\./);
    }
    const repeated = await asyncFailureOf(createProfile(home, { displayName: 'Dana Coder', role: 'coder', passphrase: 'aaaaaaaaaaaa', deviceId: 'dev-test' }, cheap));
    expect(repeated.message).toMatch(/Repeated characters like "aaa" are easy to guess/);
    expect(listProfiles(home)).toEqual([]);
  });

  it('on recovery and on a passphrase change', async () => {
    const { profile, recoveryKey } = await create();
    expect((await asyncFailureOf(recoverProfile(home, profile.id, recoveryKey, 'password1234', cheap))).code).toBe('BAD_INPUT');
    expect((await asyncFailureOf(changePassphrase(home, profile.id, PASS, 'aaaaaaaaaaaa', T0, cheap))).code).toBe('BAD_INPUT');
    expect((await unlock(profile.id, PASS)).profile.id).toBe(profile.id);
  });
});

describe('the role is bound to the wrapped key', () => {
  it('a role edited in the key files makes unlock fail with “altered”, not a supervisor', async () => {
    const { profile } = await create('Dana Coder', 'coder');
    for (const file of keyCopies(profile.id)) editJson(file, (json) => (json.role = 'supervisor'));
    const failure = await asyncFailureOf(unlock(profile.id, PASS));
    expect(failure.code).toBe('INTERNAL');
    expect(failure.message).toMatch(/key file was altered/);
  });

  it('the workspace records the role it was made with, and the check after unlock holds the keyfile to it', async () => {
    const { profile, key } = await create('Sam Supervisor', 'supervisor');
    const db = openWorkspace(fileOf(profile.id, 'workspace.db'), key);
    try {
      assertProfileMatchesWorkspace(db, profile);
      expect(failureOf(() => assertProfileMatchesWorkspace(db, { ...profile, role: 'coder' }))).toMatchObject({
        code: 'INTERNAL',
        message: expect.stringMatching(/key file was altered/),
      });
    } finally {
      closeWorkspace(db);
    }
  });
});

describe('keys.json is not a single point of failure', () => {
  it('cut to half, the profile is still listed, unlocks and recovers, and keys.json is repaired', async () => {
    const { profile, key, recoveryKey } = await create();
    const keys = fileOf(profile.id, 'keys.json');
    const whole = fs.readFileSync(keys);
    fs.writeFileSync(keys, whole.subarray(0, whole.length >> 1));
    expect(listProfiles(home).map((p) => p.id)).toEqual([profile.id]);
    expect(fs.readFileSync(keys)).toHaveLength(whole.length >> 1); // listing writes nothing
    expect((await unlock(profile.id, PASS)).key.equals(key)).toBe(true);
    expect(fs.readFileSync(keys)).toEqual(fs.readFileSync(fileOf(profile.id, 'keys.backup.json')));
    expect(() => JSON.parse(fs.readFileSync(keys, 'utf8')) as unknown).not.toThrow();

    fs.writeFileSync(keys, whole.subarray(0, whole.length >> 1));
    const recovered = await recoverProfile(home, profile.id, recoveryKey, 'a fresh passphrase after damage', cheap);
    expect(recovered.key.equals(key)).toBe(true);
    expect((await unlock(profile.id, 'a fresh passphrase after damage')).key.equals(key)).toBe(true);
  });

  it('with both copies damaged: a clear error, and nothing is overwritten', async () => {
    const { profile } = await create();
    for (const name of ['keys.json', 'keys.backup.json']) fs.writeFileSync(fileOf(profile.id, name), '{"format": "codedesk-key');
    const failure = await asyncFailureOf(unlock(profile.id, PASS));
    expect(failure).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/key file is damaged/) });
    expect(fs.readFileSync(fileOf(profile.id, 'keys.json'), 'utf8')).toBe('{"format": "codedesk-key');
  });
});
