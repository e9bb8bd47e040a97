/**
 * A parsed query's slots in the terms of one version's concept index: for each slot, its
 * alternatives (the words as typed, each vocabulary reading, a typo correction), each a list of
 * term groups, and how much the slot matters (rare words say more: inverse document frequency).
 */
import type { ConceptIndex } from './concept-index';
import type { ParsedSlot } from './parse-query';
import { MIN_TYPO_LENGTH, type Correction } from '../typos';
import { NOT, termOf } from './terms';

/** One word of an alternative: any of its terms matches, each with a factor (1 exact, less for a guess). */
export interface TermGroup {
  ids: number[];
  factors: number[];
  idf: number;
}

export interface Alternative {
  groups: TermGroup[];
  /** How much a full match through this alternative is worth (typed words 1, readings a little less). */
  factor: number;
  /** Vocabulary label ("afib: atrial fibrillation") or typo correction, or null for the words as typed. */
  label: string | null;
  labelKind: 'synonym' | 'typo';
  /** Every term the alternative can match (for title coverage). */
  terms: string[];
  /** A word still being typed: title words starting with it count as matched. */
  openPrefix: string | null;
}

export interface ResolvedSlot {
  alternatives: Alternative[];
  importance: number;
  /** Some alternative names at least one code of the version. */
  matchable: boolean;
}

/** Readings are what the coder meant, but not what they typed. */
const READING_FACTOR = 0.95;
/** How much less each later meaning of a phrase counts than the one before it. */
const LATER_MEANING = 0.005;
/** A word still being typed, matched as the start of a longer word. */
const PREFIX_FACTOR = 0.7;
const MAX_PREFIX_TERMS = 16;
const MIN_PREFIX = 3;
/** A word no code has: what it would weigh if it were there (it still counts against its alternative). */
const UNKNOWN_IDF = 4;
/** No single word may outweigh the rest of the query by much. */
const IMPORTANCE_CAP = 7;
/** What a dose, unit or route word counts for against the words that name the drug. */
const DOSE_FACTOR = 0.15;
/** What a route ("IV", "PO") counts for: less than the drug's name, more than a dose. */
const ROUTE_FACTOR = 0.5;
/** The plain reading of a negated word. */
const PLAIN_WHEN_NEGATED = 0.6;
/** A corrected word: probably what was meant. */
const TYPO_FACTOR = 0.8;

/** Corrects a misspelt word against the version's words (typos.ts), or says it cannot. */
export type Corrector = (word: string) => Correction | null;

export function resolveSlot(slot: ParsedSlot, index: ConceptIndex, correct?: Corrector): ResolvedSlot {
  const alternatives: Alternative[] = [];
  // A negated slot ("no loc", "w/o aura") matches titles that say "without" it; the plain words
  // stay as a weaker reading, since a negation may reach further than meant ("no loc initial").
  const mark = slot.negated ? NOT : '';
  if (slot.negated) alternatives.push(...resolveSlot({ ...slot, negated: false }, index, correct).alternatives.map((a) => ({ ...a, factor: a.factor * PLAIN_WHEN_NEGATED })));
  const typedGroups = slot.typed.map((word, k) => group(index, [word], slot.open && k === slot.typed.length - 1, mark));
  alternatives.push(alternative(typedGroups, 1, null, slot.typed, slot.open ? (slot.typed.at(-1) ?? null) : null, mark));
  slot.readings.forEach((reading, order) => {
    const groups = [...new Set(reading.words)].map((w) => group(index, [w], false, mark));
    // Of a phrase's meanings, the one listed first is the usual one: it wins a tie, and only a tie.
    alternatives.push(alternative(groups, READING_FACTOR * (1 - LATER_MEANING * order), reading.label, [...reading.words], null, mark));
  });
  const word = slot.typed[0] as string;
  const unknown = slot.typed.length === 1 && slot.readings.length === 0 && (typedGroups[0]?.ids.length ?? 0) === 0;
  if (unknown && correct && word.length >= MIN_TYPO_LENGTH && /[a-z]/.test(word)) {
    const fix = correct(word);
    if (fix) {
      const words = fix.prefix !== null ? [fix.prefix] : fix.words;
      const g = group(index, words, fix.prefix !== null, mark);
      const label = `${word} → ${fix.prefix ?? fix.words.join(' / ')}`;
      const alt = alternative([g], TYPO_FACTOR, label, words, fix.prefix, mark);
      alt.labelKind = 'typo';
      alternatives.push(alt);
    }
  }
  let importance = 0;
  let matchable = false;
  for (const alt of alternatives) {
    const known = alt.groups.filter((g) => g.ids.length > 0);
    if (known.length === 0) continue;
    matchable = true;
    const mean = known.reduce((sum, g) => sum + g.idf, 0) / known.length;
    importance = Math.max(importance, Math.min(IMPORTANCE_CAP, mean));
  }
  return { alternatives, importance: importance * (slot.dose ? DOSE_FACTOR : slot.route ? ROUTE_FACTOR : 1), matchable };
}

function alternative(groups: TermGroup[], factor: number, label: string | null, words: string[], openPrefix: string | null, mark: string): Alternative {
  return { groups, factor, label, labelKind: 'synonym', terms: words.map((w) => mark + termOf(w)), openPrefix: openPrefix === null ? null : mark + openPrefix };
}

function group(index: ConceptIndex, words: readonly string[], open: boolean, mark: string): TermGroup {
  const ids: number[] = [];
  const factors: number[] = [];
  for (const word of words) {
    const exact = index.termId(mark + termOf(word));
    if (exact >= 0) {
      ids.push(exact);
      factors.push(1);
    }
    // A word being typed, or one titles hold whole only as a short-title abbreviation ("diab",
    // "kidn"), reads as the start of longer words once it says enough (3 letters).
    if (word.length >= MIN_PREFIX) {
      const longer = index.prefixIds(mark + word, word.length === MIN_PREFIX ? MAX_PREFIX_TERMS / 2 : MAX_PREFIX_TERMS).filter((id) => id !== exact);
      if (open || exact < 0 || index.isAbbreviation(exact)) {
        for (const id of longer) {
          ids.push(id);
          factors.push(PREFIX_FACTOR);
        }
      }
    }
  }
  const idf = ids.length === 0 ? UNKNOWN_IDF : Math.min(...ids.map((id) => index.idf(id)));
  return { ids, factors, idf };
}
