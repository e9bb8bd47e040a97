/**
 * correctWord skips words by their letter sets before computing distances: that must never
 * change a correction. Checked against a plain scan of the same candidates on random words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../../src/main/services/codesets/search/edit-distance';
import { correctWord, lexiconOf, maxEdits, MIN_TYPO_LENGTH } from '../../../src/main/services/codesets/search/typos';

/** The corrections by definition: closest whole words, else closest word starts (no shortcuts). */
function plainCorrection(words: readonly string[], typed: string) {
  if (typed.length < MIN_TYPO_LENGTH || /\d/.test(typed)) return null;
  const max = maxEdits(typed);
  const candidates = words.filter((w) => w[0] === typed[0] || (w[0] === typed[1] && w[1] === typed[0]));
  const byLength = (a: string, b: string) =>
    Math.abs(a.length - typed.length) - Math.abs(b.length - typed.length) || (a < b ? -1 : a > b ? 1 : 0);
  const whole = candidates.map((w) => ({ w, d: boundedDistance(typed, w, max) })).filter((x) => x.d <= max);
  if (whole.length > 0) {
    const best = Math.min(...whole.map((x) => x.d));
    const closest = [...new Set(whole.filter((x) => x.d === best).map((x) => x.w))];
    return { typed, words: closest.sort(byLength).slice(0, 4), prefix: null };
  }
  const starts: { p: string; d: number }[] = [];
  for (const w of candidates) {
    for (const len of [typed.length - 1, typed.length, typed.length + 1]) {
      if (len < MIN_TYPO_LENGTH || len >= w.length) continue;
      starts.push({ p: w.slice(0, len), d: boundedDistance(typed, w, max, len) });
    }
  }
  const close = starts.filter((s) => s.d <= max);
  if (close.length === 0) return null;
  const best = Math.min(...close.map((s) => s.d));
  return { typed, words: [], prefix: [...new Set(close.filter((s) => s.d === best).map((s) => s.p))].sort(byLength)[0] };
}

const letters = fc.constantFrom(...'aeinorstlcdpmuhkb');
const word = fc.array(letters, { minLength: 3, maxLength: 11 }).map((l) => l.join(''));
/** A word with up to three random edits (so some are too far, some are starts). */
const misspelt = (words: string[]) =>
  fc.tuple(fc.constantFrom(...words), fc.array(fc.tuple(fc.nat(12), letters, fc.nat(2)), { maxLength: 3 })).map(([w, edits]) => {
    let s = w;
    for (const [at, c, kind] of edits) {
      const i = at % (s.length + 1);
      s = kind === 0 ? s.slice(0, i) + c + s.slice(i) : kind === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i + 1);
    }
    return s.slice(0, 4 + (edits.length % 2) * 8);
  });

describe('correctWord with letter-set filtering', () => {
  it('gives the corrections a plain scan gives', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 60 }).chain((words) => fc.tuple(fc.constant(words), fc.array(misspelt(words), { minLength: 1, maxLength: 10 }))),
        ([words, typedWords]) => {
          const lexicon = lexiconOf(words);
          for (const typed of typedWords) expect(correctWord(lexicon, typed), typed).toEqual(plainCorrection(words, typed));
        },
      ),
      { numRuns: 300 },
    );
  });
});
