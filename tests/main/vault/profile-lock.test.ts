import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCK_NAME, withProfileLock } from '../../../src/main/services/vault/profile-lock';
import { asyncFailureOf, tempDir } from '../workspace/helpers';

beforeEach(() => vi.stubEnv('CODEDESK_LOG', 'silent'));
afterEach(() => vi.unstubAllEnvs());

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('profile lock', () => {
  it('holds keys.lock with this pid while the task runs, and removes it after, also on failure', async () => {
    const dir = tempDir();
    const lock = path.join(dir, LOCK_NAME);
    await withProfileLock(dir, async () => {
      expect(fs.readFileSync(lock, 'utf8').split(' ')[0]).toBe(String(process.pid));
    });
    expect(fs.existsSync(lock)).toBe(false);
    await asyncFailureOf(withProfileLock(dir, () => Promise.reject(new Error('boom'))));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('runs tasks on one profile one at a time, in order', async () => {
    const dir = tempDir();
    const seen: string[] = [];
    const task = (name: string, ms: number) =>
      withProfileLock(dir, async () => {
        seen.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        seen.push(`${name} out`);
      });
    await Promise.all([task('a', 30), task('b', 1), task('c', 1)]);
    expect(seen).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('waits for a lock another live process holds', async () => {
    const dir = tempDir();
    const lock = path.join(dir, LOCK_NAME);
    fs.writeFileSync(lock, `${process.ppid} held-by-parent`);
    setTimeout(() => fs.rmSync(lock), 150);
    const started = Date.now();
    await withProfileLock(dir, async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('breaks a lock left by a process that died, or one older than any operation', async () => {
    const dir = tempDir();
    const lock = path.join(dir, LOCK_NAME);
    fs.writeFileSync(lock, `${deadPid()} killed-mid-unlock`);
    expect(await withProfileLock(dir, async () => 'ran')).toBe('ran');
    fs.writeFileSync(lock, `${process.ppid} hung`);
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lock, old, old);
    expect(await withProfileLock(dir, async () => 'ran')).toBe('ran');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a missing profile folder → NOT_FOUND, creating nothing', async () => {
    const dir = path.join(tempDir(), 'absent');
    expect((await asyncFailureOf(withProfileLock(dir, async () => undefined))).code).toBe('NOT_FOUND');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
