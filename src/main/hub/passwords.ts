/**
 * Hub passwords: scrypt (memory-hard), with its parameters stored beside the hash so they can
 * be raised later. `scrypt$N$r$p$salt$hash`, base64.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { normalizePassphrase, scryptMemory, type ScryptParams } from '../services/vault/kdf';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** 32 MiB per guess; a login costs ~100 ms of one core. */
export const HUB_PASSWORD_KDF: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
export const MIN_PASSWORD_CHARS = 12;
const HASH_BYTES = 32;

const derive = (password: string, salt: Buffer, p: ScryptParams) =>
  scrypt(normalizePassphrase(password), salt, HASH_BYTES, { N: p.N, r: p.r, p: p.p, maxmem: scryptMemory(p) + 1024 * 1024 });

export async function hashPassword(password: string, params: ScryptParams = HUB_PASSWORD_KDF): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === expected.length && crypto.timingSafeEqual(got, expected);
}

/** Hashed once at start: checked against when the user name is unknown, so both answers take as long. */
let decoy: Promise<string> | null = null;
export const decoyHash = (params: ScryptParams = HUB_PASSWORD_KDF): Promise<string> => (decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'), params));
