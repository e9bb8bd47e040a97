/** Test helpers for the security-core tests: temp folders and keys. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ScryptParams } from '../../../src/main/services/vault/kdf';

/** Cheap scrypt for tests that are not about the KDF (1 MiB, a few ms). */
export const CHEAP_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-test-'));
  made.push(dir);
  return dir;
}

export function randomKey(): Buffer {
  return crypto.randomBytes(32);
}

/** Every file in `dir` with its bytes, for "nothing changed on disk" assertions. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) out.set(name, fs.readFileSync(full));
  }
  return out;
}

/** Catches the AppFailure (or other error) a call throws, for assertions on code and detail. */
export function failureOf(fn: () => unknown): { code?: string; message: string; detail?: unknown } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string; detail?: unknown };
  }
  throw new Error('expected a failure');
}

export async function asyncFailureOf(promise: Promise<unknown>): Promise<{ code?: string; message: string; detail?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; detail?: unknown };
  }
  throw new Error('expected a failure');
}
