/**
 * Approach words against ICD-10-PCS operations that have no approach: "external cardioversion"
 * is Restoration of Cardiac Rhythm, whose title (like every Extracorporeal or Imaging code) names
 * no approach. A PCS title names the approach of every operation that has one, so a title that
 * names none cannot contradict the approach typed.
 *
 * Sides get no such credit: a body part without a side is more often the wrong body part (the
 * supernumerary breast for "left breast") than a right one (the median nerve).
 */
import { isApproachTitleWord, isApproachWord } from '../pcs-words';
import type { WordIndex } from '../word-index';
import type { ParsedSlot } from './parse-query';
import type { ResolvedSlot } from './resolve-slots';
import { creditCode, type VersionScores } from './score-version';

function allApproach(words: readonly string[]): boolean {
  return words.length > 0 && words.every(isApproachTitleWord);
}

/** Whether a slot only names an approach ("laparoscopic", "open", "via natural opening"). */
export function namesOnlyApproach(slot: ParsedSlot): boolean {
  if (slot.typed.every(isApproachWord) || allApproach(slot.typed)) return true;
  return slot.readings.length > 0 && slot.readings.every((r) => allApproach(r.words));
}

/** Per code of a version: 1 where its title names an approach. Read once per version. */
const named = new WeakMap<WordIndex, Uint8Array>();

function approachNamed(codes: WordIndex): Uint8Array {
  let mask = named.get(codes);
  if (!mask) {
    mask = new Uint8Array(codes.count);
    for (let o = 0; o < codes.count; o++) mask[o] = /\b(approach|via natural)\b/i.test(codes.longTitleAt(o)) ? 1 : 0;
    named.set(codes, mask);
  }
  return mask;
}

/**
 * Credits each PCS code whose title names no approach with `share` of every approach slot typed,
 * in the version's cover and concept sums, before candidates are picked.
 */
export function creditNoApproach(
  scores: VersionScores,
  codes: WordIndex,
  parsed: readonly ParsedSlot[],
  slots: readonly ResolvedSlot[],
  counted: readonly boolean[],
  share: number,
): void {
  parsed.forEach((slot, k) => {
    if (!counted[k] || !namesOnlyApproach(slot)) return;
    const mask = approachNamed(codes);
    const credit = share * (slots[k] as ResolvedSlot).importance;
    for (let i = 0; i < scores.touchedCount; i++) {
      const o = scores.touched[i] as number;
      if (mask[o] === 0) creditCode(scores, slot.concept, o, credit);
    }
  });
}
