/** The unlock throttle holds across real processes guessing at the same moment. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProfile } from '../../../src/main/services/users/profiles';
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
}

function guesser(home: string, profileId: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, home, profileId, 'wrong horse battery staple', String(T0), String(N)], {
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
  return { ready, outcome, go: () => child.stdin.end('go\n') };
}

describe('unlock throttle across processes', () => {
  it('six processes guessing at once get the three free guesses between them, no more', async () => {
    const home = tempDir();
    const { profile } = await createProfile(home, { displayName: 'Dana Coder', role: 'coder', passphrase: 'correct horse battery staple' }, { scrypt: { N, r: 8, p: 1 } });
    const children = Array.from({ length: 6 }, () => guesser(home, profile.id));
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const outcomes = (await Promise.all(children.map((c) => c.outcome))).sort();
    expect(outcomes).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE']);
  });
});
