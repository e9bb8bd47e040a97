/** The unlock throttle holds across real processes guessing at the same moment. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProfile, unlockProfile } from '../../../src/main/services/users/profiles';
import { REPO_ROOT } from '../helpers/temp';
import { tempDir } from '../workspace/helpers';

const CHILD = path.join(REPO_ROOT, 'tests', 'main', 'users', 'guess-child.ts');
const T0 = Date.parse('2026-03-01T10:00:00Z');
/** scrypt costly enough (~50 ms) that every child is still deriving when the others start. */
const N = 2 ** 14;

beforeEach(() => vi.stubEnv('CODEDESK_LOG', 'silent'));
afterEach(() => vi.unstubAllEnvs());

interface Child {
  ready: Promise<void>;
  outcome: Promise<string>;
  go(): void;
  kill(): void;
}

function guesser(home: string, profileId: string, n = N): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, home, profileId, 'wrong horse battery staple', String(T0), String(n)], {
    cwd: REPO_ROOT,
    env: { ...process.env, CODEDESK_LOG: 'silent' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) markReady();
  });
  const outcome = new Promise<string>((resolve) => child.on('close', () => resolve(out.replace('ready\n', '').trim())));
  return { ready, outcome, go: () => child.stdin.end('go\n'), kill: () => child.kill('SIGKILL') };
}

describe('unlock throttle across processes', () => {
  it('four processes guessing at once get the three free guesses between them, no more', async () => {
    const home = tempDir();
    const { profile } = await createProfile(home, { displayName: 'Dana Coder', role: 'coder', passphrase: 'correct horse battery staple', deviceId: 'dev-test' }, { scrypt: { N, r: 8, p: 1 } });
    const children = Array.from({ length: 4 }, () => guesser(home, profile.id));
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const outcomes = (await Promise.all(children.map((c) => c.outcome))).sort();
    expect(outcomes).toEqual(['TOO_MANY_ATTEMPTS', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE']);
    const keys = JSON.parse(fs.readFileSync(path.join(home, 'profiles', profile.id, 'keys.json'), 'utf8')) as { throttle: { failures: number } };
    expect(keys.throttle.failures).toBe(3); // every guess that ran was counted
  });

  it('a guess killed while scrypt runs still counts, and its lock does not block the next try', async () => {
    const home = tempDir();
    const passphrase = 'correct horse battery staple';
    const { profile } = await createProfile(home, { displayName: 'Dana Coder', role: 'coder', passphrase, deviceId: 'dev-test' }, { scrypt: { N, r: 8, p: 1 } });
    const dir = path.join(home, 'profiles', profile.id);
    const failures = () => (JSON.parse(fs.readFileSync(path.join(dir, 'keys.json'), 'utf8')) as { throttle: { failures: number } }).throttle.failures;
    // Full-cost scrypt (N=2^16, 64 MiB) gives a wide window between the count and the answer.
    const child = guesser(home, profile.id, 2 ** 16);
    await child.ready;
    child.go();
    while (!(fs.existsSync(path.join(dir, 'keys.lock')) && failures() === 1)) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill();
    expect(await child.outcome).toBe('');
    expect(failures()).toBe(1);
    expect(fs.existsSync(path.join(dir, 'keys.lock'))).toBe(true);
    const unlocked = await unlockProfile(home, profile.id, passphrase, T0, { scrypt: { N, r: 8, p: 1 } });
    expect(unlocked.profile.id).toBe(profile.id);
    expect(failures()).toBe(0);
  });
});
