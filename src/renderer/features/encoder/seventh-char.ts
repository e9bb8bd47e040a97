/**
 * ICD-10-CM 7th characters: a code shorter than 6 characters is padded with the placeholder X
 * before the 7th character goes on (S72.001 + A → S72.001A, T36.0X1 + A → T36.0X1A,
 * T07 + A → T07.XXXA).
 */
import type { CodeDetail } from '../../../shared/encoder';

const compact = (code: string): string => code.replace('.', '').toUpperCase();

/** True when adding `code` needs a 7th character chosen first. */
export function needsSeventh(code: string, detail: Pick<CodeDetail, 'sevenChr'> | null): boolean {
  const defs = detail?.sevenChr?.definitions ?? [];
  return defs.length > 0 && compact(code).length < 7;
}

/** The full dotted code: placeholder X up to 6 characters, then `char`. */
export function withSeventh(code: string, char: string): string {
  const base = compact(code);
  if (base.length < 3 || base.length >= 7) throw new RangeError('a 7th character goes on a code of 3 to 6 characters');
  if (!/^[A-Z0-9]$/i.test(char)) throw new RangeError('a 7th character is one letter or digit');
  const full = base.padEnd(6, 'X') + char.toUpperCase();
  return `${full.slice(0, 3)}.${full.slice(3)}`;
}
