/**
 * Recovery keys: 6 groups of 5 base32 characters (RFC 4648 alphabet), 150 random bits,
 * shown once at profile creation and after each use. Typing is forgiving: case, spaces and
 * dashes do not matter, and the digits 0, 1 and 8 read as the letters O, I and B they are
 * mistaken for (the alphabet has no 0, 1 or 8).
 */
import crypto from 'node:crypto';
import { AppFailure } from '../../../shared/result';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const GROUPS = 6;
const GROUP_LENGTH = 5;
const LENGTH = GROUPS * GROUP_LENGTH;
const LOOKALIKES: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '8': 'B' };

/** Bits of entropy in a recovery key: 30 characters × 5 bits. */
export const RECOVERY_KEY_BITS = LENGTH * 5;

/** A fresh key in display form, e.g. "K7QF2-ABCDE-...". */
export function generateRecoveryKey(): string {
  let chars = '';
  for (let i = 0; i < LENGTH; i++) chars += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return formatRecoveryKey(chars);
}

function formatRecoveryKey(canonical: string): string {
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += GROUP_LENGTH) groups.push(canonical.slice(i, i + GROUP_LENGTH));
  return groups.join('-');
}

/** The 30 characters without separators, upper case; BAD_INPUT if it cannot be a recovery key. */
export function canonicalRecoveryKey(input: string): string {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[018]/g, (c) => LOOKALIKES[c] ?? c);
  if (compact.length !== LENGTH || ![...compact].every((c) => ALPHABET.includes(c))) {
    throw new AppFailure(
      'BAD_INPUT',
      'A recovery key has 6 groups of 5 letters and digits, like ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345.',
    );
  }
  return compact;
}
