/**
 * One operation at a time on a profile's keys, across processes (the app, CLI commands, the
 * browser host): an exclusive lock file (`keys.lock`, made by a hard link, which fails on an
 * existing name, so it appears with its holder's pid in one step) held for the whole
 * read-try-write of an unlock, recovery or passphrase change. Without it two processes could
 * both read "2 failures" and both guess, or a passphrase change could be overwritten by a
 * concurrent unlock's rewrap. Inside one process, tasks on a profile queue in order first,
 * so they do not poll for a lock their own process holds.
 *
 * A lock left by a process that died (SIGKILL, power loss) is broken when its pid is gone
 * or it is older than any operation takes (STALE_MS).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';

export const LOCK_NAME = 'keys.lock';
/** Far longer than the slowest scrypt the keyfile allows (1 GiB, a few seconds). */
const STALE_MS = 60_000;
const WAIT_MS = 30_000;
const POLL_MS = 20;

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task on the same profile in this process has settled. */
function inOrder<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const before = queues.get(dir) ?? Promise.resolve();
  const run = before.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(dir, settled);
  void settled.then(() => {
    if (queues.get(dir) === settled) queues.delete(dir);
  });
  return run;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // ours would be queued above: this one is left from before a restart
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder's token, or null when the lock is gone; stale when its holder is dead or it is too old. */
function inspect(file: string): { token: string; stale: boolean } | null {
  try {
    const token = fs.readFileSync(file, 'utf8');
    const ageMs = Date.now() - fs.statSync(file).mtimeMs;
    const pid = Number(token.split(' ')[0]);
    const dead = Number.isSafeInteger(pid) && pid > 0 && !isAlive(pid);
    return { token, stale: dead || ageMs > STALE_MS };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes a stale lock. It is moved aside first and checked to be the one judged stale, so
 * two processes breaking it at once cannot remove a lock a third has just taken.
 */
function breakStale(file: string, token: string): void {
  const aside = `${file}.${crypto.randomBytes(6).toString('hex')}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it
    throw error;
  }
  if (fs.readFileSync(aside, 'utf8') !== token) {
    try {
      fs.linkSync(aside, file); // not the stale one: give it back
    } catch {
      // a newer lock is in place already; the one moved aside lost its hold
    }
  } else {
    log.warn('vault.stale_lock_broken');
  }
  fs.rmSync(aside, { force: true });
}

/** Creates the lock file with its token in one step (hard link), or returns false if it exists. */
function tryCreate(file: string, token: string): boolean {
  const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.new`;
  try {
    fs.writeFileSync(temp, token, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppFailure('NOT_FOUND', 'No such profile.'); // no folder
    throw error;
  }
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

async function acquire(file: string): Promise<() => void> {
  const token = `${process.pid} ${crypto.randomUUID()}`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (tryCreate(file, token)) {
      return () => {
        if (inspect(file)?.token === token) fs.rmSync(file, { force: true });
      };
    }
    const holder = inspect(file);
    if (holder?.stale) {
      breakStale(file, holder.token);
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppFailure('CONFLICT', 'Another CodeDesk window or command is using this profile. Try again in a moment.');
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Runs `task` holding the profile's lock, in this process and across processes. */
export function withProfileLock<T>(dir: string, task: () => Promise<T>): Promise<T> {
  return inOrder(dir, async () => {
    const release = await acquire(path.join(dir, LOCK_NAME));
    try {
      return await task();
    } finally {
      release();
    }
  });
}
