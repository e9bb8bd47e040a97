/**
 * A number typed against the ranges titles hold: ICD-10-CM codes many measures by range ("Body mass
 * index [BMI] 40.0-44.9, adult", "Glasgow coma scale score 9-12", "1000-1249 grams", "70 or
 * greater"), so "BMI 42" names Z68.41 though no title says 42. Each code whose title range holds
 * the number typed is credited with that number's slot, as if the title had said it.
 */
import type { WordIndex } from '../word-index';
import type { ParsedSlot } from './parse-query';
import type { ResolvedSlot } from './resolve-slots';
import { creditCode, type VersionScores } from './score-version';

const NUMBER = /^\d+(\.\d+)?$/;
const BETWEEN = /(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)/;
const OPEN_ENDED = /(\d+(?:\.\d+)?) or (less|greater|more)\b/i;

interface Ranges {
  lo: Float64Array;
  hi: Float64Array;
}

/** Per code of a version: the range its title states (NaN where none). Read once per version. */
const cache = new WeakMap<WordIndex, Ranges>();

function rangesOf(codes: WordIndex): Ranges {
  let r = cache.get(codes);
  if (!r) {
    r = { lo: new Float64Array(codes.count).fill(NaN), hi: new Float64Array(codes.count).fill(NaN) };
    for (let o = 0; o < codes.count; o++) {
      const title = codes.longTitleAt(o);
      const between = BETWEEN.exec(title);
      const open = between ? null : OPEN_ENDED.exec(title);
      if (between) {
        r.lo[o] = Number(between[1]);
        r.hi[o] = Number(between[2]);
      } else if (open) {
        const at = Number(open[1]);
        const less = open[2]?.toLowerCase() === 'less';
        r.lo[o] = less ? -Infinity : at;
        r.hi[o] = less ? at : Infinity;
      }
    }
    cache.set(codes, r);
  }
  return r;
}

/** Whether a title holds the number as a word of its own (then the slot already matched it). */
function says(title: string, typed: string): boolean {
  return new RegExp(`(^|[^\\d.])${typed.replace('.', '\\.')}($|[^\\d])`).test(title);
}

/** Whether code `o`'s title states a range that holds `n` (typed as `typed`), and not the number itself. */
function holds(codes: WordIndex, r: Ranges, o: number, n: number, typed: string): boolean {
  // Plain array reads first: every keystroke of "type 2 d…" asks this of thousands of codes.
  return n >= (r.lo[o] as number) && n <= (r.hi[o] as number) && !says(codes.longTitleAt(o), typed);
}

/** Whether the code's title states a range that holds the number typed, and not the number itself. */
export function rangeHolds(codes: WordIndex, ordinal: number, typed: string): boolean {
  return NUMBER.test(typed) && holds(codes, rangesOf(codes), ordinal, Number(typed), typed);
}

/** Credits, in the version's cover and concept sums, the codes whose title range holds a number typed. */
export function creditNumbersInRange(
  scores: VersionScores,
  codes: WordIndex,
  parsed: readonly ParsedSlot[],
  slots: readonly ResolvedSlot[],
  counted: readonly boolean[],
): void {
  parsed.forEach((slot, k) => {
    const typed = slot.typed[0] ?? '';
    if (!counted[k] || slot.typed.length !== 1 || !NUMBER.test(typed)) return;
    const n = Number(typed);
    const ranges = rangesOf(codes);
    const credit = (slots[k] as ResolvedSlot).importance;
    for (let i = 0; i < scores.touchedCount; i++) {
      const o = scores.touched[i] as number;
      if (holds(codes, ranges, o, n, typed)) creditCode(scores, slot.concept, o, credit);
    }
  });
}
