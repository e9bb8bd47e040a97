/** A prefix's range of sorted words, found through the two-character table, is the plain bisection's. */
import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/main/services/codesets/search/word-index-build';
import { pairStarts, prefixBounds } from '../../../src/main/services/codesets/search/word-ranges';

/** The range a full scan finds: the words starting with the prefix, which sit together when sorted. */
function scanned(words: readonly string[], prefix: string): { lo: number; hi: number } {
  const lo = words.findIndex((w) => w >= prefix);
  if (lo === -1) return { lo: words.length, hi: words.length };
  let hi = lo;
  while (hi < words.length && (words[hi] as string).startsWith(prefix)) hi++;
  return { lo, hi };
}

const WORDS = [
  '0', '1', '10', '2a', 'a', 'a0', 'aa', 'ab', 'abc', 'abd', 'b', 'ba', 'bz', 'c\u007f', 'c\u00e9', 'cz', 'd',
  'heart', 'hearts', 'hemi', 'z', 'zz', '\u00df', '\u03b1\u03b2', '\u03b1x',
].sort(compareText);

describe('prefixBounds', () => {
  it('matches a full scan for prefixes of every length, in and out of the table, present or not', () => {
    const starts = pairStarts(WORDS);
    const prefixes = new Set(['', 'e', 'zzz', '3', 'ac', 'c', 'c\u00ff', 'b\u00e9', '\u00df', '\u03b1', '\u03b1\u03b2z', '~', '\u007f']);
    for (const w of WORDS) for (let n = 1; n <= w.length + 1; n++) prefixes.add(w.slice(0, n) + (n > w.length ? 'a' : ''));
    for (const p of prefixes) expect(prefixBounds(WORDS, starts, p), JSON.stringify(p)).toEqual(scanned(WORDS, p));
  });

  it('works on no words and on random sorted vocabularies', () => {
    expect(prefixBounds([], pairStarts([]), 'ab')).toEqual({ lo: 0, hi: 0 });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const letters = 'abcdez09\u00e9';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
    for (let round = 0; round < 20; round++) {
      const words = [...new Set(Array.from({ length: 200 }, () => word(1 + Math.floor(random() * 4))))].sort(compareText);
      const starts = pairStarts(words);
      for (let k = 0; k < 100; k++) {
        const p = word(1 + Math.floor(random() * 3));
        expect(prefixBounds(words, starts, p), p).toEqual(scanned(words, p));
      }
    }
  });
});
