/**
 * Key derivation for the two wraps of a workspace key.
 *
 * Passphrase: scrypt, memory-hard, because a passphrase is low-entropy and the keyfile may
 * be stolen with the laptop. N=2^16, r=8, p=1 (64 MiB) measured ~230 ms on the project's
 * machine; N=2^17 measured ~460 ms, past the 100-300 ms unlock budget. The parameters are
 * stored with each wrap and a weaker wrap is upgraded on the next unlock, so they can rise.
 *
 * Recovery key: HKDF-SHA256. The key carries 150 random bits, so guessing it is infeasible
 * without any stretching; a memory-hard KDF would add 230 ms and nothing an attacker notices.
 */
import crypto from 'node:crypto';
import { AppFailure } from '../../../shared/result';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 16, r: 8, p: 1 });

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

/** Bounds for parameters read back from a keyfile, so a doctored file cannot exhaust memory. */
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;

/** Bytes scrypt needs (128·N·r·p for the mix, plus its buffers). */
export function scryptMemory(params: ScryptParams): number {
  return 128 * params.N * params.r * params.p + 128 * params.r * params.p;
}

export function isValidScryptParams(params: ScryptParams): boolean {
  const { N, r, p } = params;
  return (
    Number.isInteger(N) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    N >= 2 ** 10 &&
    N <= 2 ** 22 &&
    (N & (N - 1)) === 0 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 16 &&
    scryptMemory(params) <= MAX_SCRYPT_MEMORY
  );
}

/** True when `stored` is cheaper than `wanted` in any dimension: time to rewrap. */
export function isWeakerThan(stored: ScryptParams, wanted: ScryptParams): boolean {
  return stored.N < wanted.N || stored.r < wanted.r || stored.p < wanted.p;
}

/** Passphrases are NFC-normalised so the same text typed on another OS derives the same key. */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Runs on libuv's thread pool, so the main process stays responsive during the ~230 ms. */
export function derivePassphraseKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  if (!isValidScryptParams(params)) {
    return Promise.reject(new AppFailure('INTERNAL', 'The key file has unusable key-derivation settings.'));
  }
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      normalizePassphrase(passphrase),
      salt,
      KEY_BYTES,
      { N: params.N, r: params.r, p: params.p, maxmem: scryptMemory(params) + 1024 * 1024 },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    );
  });
}

export const RECOVERY_HKDF_INFO = 'codedesk recovery-key wrap v1';

export function deriveRecoveryKey(canonicalRecoveryKey: string, salt: Buffer): Buffer {
  const ikm = Buffer.from(canonicalRecoveryKey, 'utf8');
  try {
    return Buffer.from(crypto.hkdfSync('sha256', ikm, salt, RECOVERY_HKDF_INFO, KEY_BYTES));
  } finally {
    ikm.fill(0);
  }
}
