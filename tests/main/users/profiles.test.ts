import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  changePassphrase,
  createProfile,
  listProfiles,
  recoverProfile,
  unlockProfile,
} from '../../../src/main/services/users/profiles';
import { readKeyfile } from '../../../src/main/services/vault/keyfile-store';
import { profilePaths } from '../../../src/main/services/users/layout';
import { closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { CHEAP_SCRYPT, asyncFailureOf, snapshot, tempDir } from '../workspace/helpers';

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

const create = (displayName = 'Dana Coder', passphrase = PASS) =>
  createProfile(home, { displayName, role: 'coder', passphrase, deviceId: 'dev-test' }, cheap);
const dirOf = (id: string) => path.join(home, 'profiles', id);
const unlock = (id: string, passphrase: string, now = T0) => unlockProfile(home, id, passphrase, now, cheap);
const keysOf = (id: string) => readKeyfile(profilePaths(home, id), id);
/** keys.json as stored: its wraps and its throttle record. */
const stored = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(dirOf(id), 'keys.json'), 'utf8')) as { wraps: unknown; throttle: { failures: number; lastFailureMs: number | null } };

describe('createProfile', () => {
  it('lays out keys.json and an encrypted workspace that the returned key opens', async () => {
    const { profile, recoveryKey, key } = await create();
    expect(profile).toMatchObject({ displayName: 'Dana Coder', role: 'coder' });
    expect(profile.id).toMatch(/^[0-9a-f]{16}$/);
    expect(recoveryKey).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){5}$/);
    expect(key).toHaveLength(32);
    expect(fs.readdirSync(path.join(home, 'profiles'))).toEqual([profile.id]);
    expect(fs.readdirSync(dirOf(profile.id)).sort()).toEqual(['audit-head.seal', 'card.json', 'keys.backup.json', 'keys.json', 'workspace.db']);
    expect(fs.readFileSync(path.join(dirOf(profile.id), 'keys.backup.json'))).toEqual(fs.readFileSync(path.join(dirOf(profile.id), 'keys.json')));
    expect(stored(profile.id).throttle).toMatchObject({ failures: 0, lastFailureMs: null });
    const db = openWorkspace(path.join(dirOf(profile.id), 'workspace.db'), key);
    expect(db.prepare("SELECT value FROM workspace_meta WHERE key = 'profile_id'").pluck().get()).toBe(profile.id);
    expect(db.prepare("SELECT value FROM workspace_meta WHERE key = 'role'").pluck().get()).toBe('coder');
    closeWorkspace(db);
  });

  it('keeps the passphrase, recovery key and workspace key out of keys.json', async () => {
    const { profile, recoveryKey, key } = await create();
    const text = fs.readFileSync(path.join(dirOf(profile.id), 'keys.json'), 'utf8');
    for (const secret of [PASS, recoveryKey, recoveryKey.replace(/-/g, ''), key.toString('hex'), key.toString('base64')]) {
      expect(text).not.toContain(secret);
    }
    expect(keysOf(profile.id)).toMatchObject({ version: 2, profileId: profile.id, role: 'coder' });
  });

  it('refuses a short passphrase, a bad name or role, and creates nothing', async () => {
    const bad = [
      { displayName: 'Dana', role: 'coder' as const, passphrase: 'elevenchars' },
      { displayName: '   ', role: 'coder' as const, passphrase: PASS },
      { displayName: 'x'.repeat(81), role: 'coder' as const, passphrase: PASS },
      { displayName: 'Dana\nEvil', role: 'coder' as const, passphrase: PASS },
      { displayName: 'Dana', role: 'admin' as never, passphrase: PASS },
    ];
    for (const input of bad) expect((await asyncFailureOf(createProfile(home, { ...input, deviceId: 'dev-test' }, cheap))).code).toBe('BAD_INPUT');
    expect((await asyncFailureOf(createProfile(home, { ...bad[0]!, deviceId: 'dev-test' }, cheap))).message).toBe('The passphrase must have at least 12 characters.');
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('refuses a second profile with the same name (any case)', async () => {
    await create('Dana Coder');
    expect((await asyncFailureOf(create('dana coder'))).code).toBe('CONFLICT');
    expect(listProfiles(home)).toHaveLength(1);
  });
});

describe('listProfiles', () => {
  it('is empty for a new home, sorted by name, and skips staging folders and damaged profiles', async () => {
    expect(listProfiles(home)).toEqual([]);
    const b = await create('Bo Auditor');
    const a = await create('Al Coder');
    fs.mkdirSync(path.join(home, 'profiles', '.staging-0123456789abcdef'));
    fs.mkdirSync(path.join(home, 'profiles', 'deadbeefdeadbeef'));
    fs.writeFileSync(path.join(home, 'profiles', 'deadbeefdeadbeef', 'keys.json'), '{broken');
    expect(listProfiles(home).map((p) => p.id)).toEqual([a.profile.id, b.profile.id]);
  });
});

describe('unlockProfile', () => {
  it('returns the same key for the right passphrase', async () => {
    const { profile, key } = await create();
    const unlocked = await unlock(profile.id, PASS);
    expect(unlocked.profile).toEqual(profile);
    expect(unlocked.key.equals(key)).toBe(true);
  });

  it('a wrong passphrase → WRONG_PASSPHRASE; only the throttle record changes on disk', async () => {
    const { profile } = await create();
    const dir = dirOf(profile.id);
    const before = snapshot(dir);
    const wraps = stored(profile.id).wraps;
    const failure = await asyncFailureOf(unlock(profile.id, WRONG));
    expect(failure).toMatchObject({ code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.' });
    const after = snapshot(dir);
    expect(stored(profile.id).wraps).toEqual(wraps);
    expect(after.get('workspace.db')).toEqual(before.get('workspace.db'));
    expect(after.get('keys.backup.json')).toEqual(after.get('keys.json'));
    expect([...after.keys()].sort()).toEqual(['audit-head.seal', 'card.json', 'keys.backup.json', 'keys.json', 'workspace.db']);
    expect(stored(profile.id).throttle).toMatchObject({ failures: 1, lastFailureMs: T0 });
  });

  it('after 3 failures refuses inside the wait without trying the passphrase, then lets the right one in and resets', async () => {
    const { profile, key } = await create();
    for (let i = 0; i < 3; i++) await asyncFailureOf(unlock(profile.id, WRONG, T0));
    const counter = stored(profile.id).throttle;
    // Even the right passphrase is refused inside the wait: proof that it was not tried.
    const refused = await asyncFailureOf(unlock(profile.id, PASS, T0 + 500));
    expect(refused).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', detail: { retryAfterSeconds: 1 } });
    expect(stored(profile.id).throttle).toEqual(counter);

    await asyncFailureOf(unlock(profile.id, WRONG, T0 + 1000)); // 4th failure: wait 2 s
    expect(await asyncFailureOf(unlock(profile.id, PASS, T0 + 2500))).toMatchObject({ detail: { retryAfterSeconds: 1 } });
    const ok = await unlock(profile.id, PASS, T0 + 3000);
    expect(ok.key.equals(key)).toBe(true);
    expect(stored(profile.id).throttle).toMatchObject({ failures: 0, lastFailureMs: null });
    expect((await asyncFailureOf(unlock(profile.id, WRONG, T0 + 3000))).code).toBe('WRONG_PASSPHRASE');
  });

  it('grows the wait exponentially up to 5 minutes', async () => {
    const { profile } = await create();
    let now = T0;
    for (let i = 0; i < 3; i++) expect((await asyncFailureOf(unlock(profile.id, WRONG, now))).code).toBe('WRONG_PASSPHRASE');
    const waits: number[] = [];
    for (let failures = 3; failures < 15; failures++) {
      const refused = await asyncFailureOf(unlock(profile.id, WRONG, now));
      expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
      const wait = (refused.detail as { retryAfterSeconds: number }).retryAfterSeconds;
      waits.push(wait);
      now += wait * 1000;
      expect((await asyncFailureOf(unlock(profile.id, WRONG, now))).code).toBe('WRONG_PASSPHRASE');
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
  });

  it('queues concurrent tries so two guesses cannot both slip past the throttle', async () => {
    const { profile } = await create();
    await asyncFailureOf(unlock(profile.id, WRONG));
    await asyncFailureOf(unlock(profile.id, WRONG));
    const [a, b] = await Promise.all([asyncFailureOf(unlock(profile.id, WRONG)), asyncFailureOf(unlock(profile.id, WRONG))]);
    expect([a.code, b.code]).toEqual(['WRONG_PASSPHRASE', 'TOO_MANY_ATTEMPTS']);
  });

  it('unknown or malformed profile ids → NOT_FOUND, touching nothing', async () => {
    await create();
    for (const id of ['0000000000000000', '../profiles', '..', 'A/B', '']) {
      expect((await asyncFailureOf(unlock(id, PASS))).code).toBe('NOT_FOUND');
    }
    expect(fs.readdirSync(home)).toEqual(['profiles']);
  });

  it('refuses key files copied in from another profile’s folder (one copy: the other serves and is put back)', async () => {
    const a = await create('Al Coder');
    const b = await create('Bo Coder');
    const copy = (name: string) => fs.copyFileSync(path.join(dirOf(a.profile.id), name), path.join(dirOf(b.profile.id), name));
    copy('keys.json');
    expect((await unlock(b.profile.id, PASS)).key.equals(b.key)).toBe(true);
    expect(keysOf(b.profile.id).profileId).toBe(b.profile.id);
    copy('keys.json');
    copy('keys.backup.json');
    expect((await asyncFailureOf(unlock(b.profile.id, PASS))).code).toBe('INTERNAL');
    expect(listProfiles(home).map((p) => p.id)).toEqual([a.profile.id]);
  });

  it('raises weaker scrypt settings on a successful unlock, keeping the key and recovery key', async () => {
    const { profile, key, recoveryKey } = await create();
    const stronger = { N: 2 ** 11, r: 8, p: 1 };
    const unlocked = await unlockProfile(home, profile.id, PASS, T0, { scrypt: stronger });
    expect(unlocked.key.equals(key)).toBe(true);
    expect(keysOf(profile.id).wraps.passphrase.kdfParams).toEqual(stronger);
    expect((await unlock(profile.id, PASS)).key.equals(key)).toBe(true);
    expect((await recoverProfile(home, profile.id, recoveryKey, 'another good passphrase', cheap)).key.equals(key)).toBe(true);
  });
});

describe('recoverProfile', () => {
  it('opens with the recovery key, sets the new passphrase and issues a new recovery key', async () => {
    const { profile, key, recoveryKey } = await create();
    await asyncFailureOf(unlock(profile.id, WRONG));
    const recovered = await recoverProfile(home, profile.id, recoveryKey.toLowerCase(), 'my new passphrase!', cheap);
    expect(recovered.key.equals(key)).toBe(true);
    expect(recovered.profile).toEqual(profile);
    expect(recovered.recoveryKey).not.toBe(recoveryKey);
    expect(stored(profile.id).throttle.failures).toBe(0);
    expect((await unlock(profile.id, 'my new passphrase!')).key.equals(key)).toBe(true);
    expect((await asyncFailureOf(unlock(profile.id, PASS))).code).toBe('WRONG_PASSPHRASE');
    const reuse = await asyncFailureOf(recoverProfile(home, profile.id, recoveryKey, 'yet another passphrase', cheap));
    expect(reuse).toMatchObject({ code: 'WRONG_PASSPHRASE', message: 'Wrong recovery key.' });
    expect((await recoverProfile(home, profile.id, recovered.recoveryKey, 'yet another passphrase', cheap)).key.equals(key)).toBe(true);
  });

  it('works during a failed-attempt wait (emergency access is not throttled)', async () => {
    const { profile, key, recoveryKey } = await create();
    for (let i = 0; i < 6; i++) await asyncFailureOf(unlock(profile.id, WRONG, Date.now()));
    expect((await asyncFailureOf(unlock(profile.id, PASS, Date.now()))).code).toBe('TOO_MANY_ATTEMPTS');
    const recovered = await recoverProfile(home, profile.id, recoveryKey, 'my new passphrase!', cheap);
    expect(recovered.key.equals(key)).toBe(true);
    expect((await unlock(profile.id, 'my new passphrase!', Date.now())).key.equals(key)).toBe(true);
  });

  it('bad input (short passphrase, malformed key) or a wrong key changes nothing on disk', async () => {
    const { profile, recoveryKey } = await create();
    const other = (await create('Someone Else')).recoveryKey;
    const before = snapshot(dirOf(profile.id));
    expect((await asyncFailureOf(recoverProfile(home, profile.id, recoveryKey, 'short', cheap))).code).toBe('BAD_INPUT');
    expect((await asyncFailureOf(recoverProfile(home, profile.id, 'ABCDE', 'long enough passphrase', cheap))).code).toBe('BAD_INPUT');
    expect((await asyncFailureOf(recoverProfile(home, profile.id, other, 'long enough passphrase', cheap))).code).toBe('WRONG_PASSPHRASE');
    expect((await asyncFailureOf(recoverProfile(home, 'ffffffffffffffff', recoveryKey, 'long enough passphrase', cheap))).code).toBe('NOT_FOUND');
    expect(snapshot(dirOf(profile.id))).toEqual(before);
  });
});

describe('changePassphrase', () => {
  it('rewraps the same key under the new passphrase with a new recovery key', async () => {
    const { profile, key, recoveryKey } = await create();
    const changed = await changePassphrase(home, profile.id, PASS, 'the next passphrase', T0, cheap);
    expect(changed.recoveryKey).not.toBe(recoveryKey);
    expect((await unlock(profile.id, 'the next passphrase')).key.equals(key)).toBe(true);
    expect((await asyncFailureOf(unlock(profile.id, PASS))).code).toBe('WRONG_PASSPHRASE');
    expect((await recoverProfile(home, profile.id, changed.recoveryKey, 'and one more passphrase', cheap)).key.equals(key)).toBe(true);
  });

  it('a wrong current passphrase counts as a failed attempt and changes no keys', async () => {
    const { profile } = await create();
    const wraps = stored(profile.id).wraps;
    expect((await asyncFailureOf(changePassphrase(home, profile.id, WRONG, 'the next passphrase', T0, cheap))).code).toBe('WRONG_PASSPHRASE');
    expect((await asyncFailureOf(changePassphrase(home, profile.id, PASS, 'too short', T0, cheap))).code).toBe('BAD_INPUT');
    expect(stored(profile.id).wraps).toEqual(wraps);
    expect(stored(profile.id).throttle.failures).toBe(1);
  });
});
