/**
 * Typo tolerance: a typed word that no indexed word starts with is corrected against the
 * version's own vocabulary (search_terms) by edit distance. A few thousand words per
 * version, so a linear scan with a bounded distance is cheaper than keeping a trigram index
 * in step with every import (measured in the search-quality bench).
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { boundedDistance } from './edit-distance';

/** Words shorter than this are never corrected: too many real words are one edit apart. */
export const MIN_TYPO_LENGTH = 4;
/** At most this many alternatives per word (an OR group in the full-text query). */
const MAX_CORRECTIONS = 4;

export interface Correction {
  /** The typed word. */
  typed: string;
  /** Whole indexed words, closest first. */
  words: string[];
  /** Set when the typed word reads as the start of a word ("pnuemo" → "pneumo"): a prefix. */
  prefix: string | null;
}

interface Vocabulary {
  key: string;
  words: Lexicon;
}

/** A version's words by first letter (a typo rarely changes the first letter), with their letter sets. */
export interface Lexicon {
  byFirst: ReadonlyMap<string, Bucket>;
  /** By first two letters: the words a typed word could be with its first two letters swapped. */
  byFirstTwo: ReadonlyMap<string, Bucket>;
}

interface Bucket {
  words: string[];
  /** Per word, one bit per letter it holds (see letterSet). */
  letters: number[];
}

const vocabularies = new WeakMap<ContentDb, Map<number, Vocabulary>>();

/** The version's indexed words, loaded once (reloaded when the version is re-imported). */
export function vocabularyOf(db: ContentDb, version: ContentVersion): Lexicon {
  let byVersion = vocabularies.get(db);
  if (!byVersion) {
    byVersion = new Map();
    vocabularies.set(db, byVersion);
  }
  // A re-imported version keeps its id but gets a new import time.
  const key = `${version.importedAt}:${version.codeCount}`;
  const cached = byVersion.get(version.id);
  if (cached?.key === key) return cached.words;
  const rows = db.prepare('SELECT term FROM search_terms WHERE version_id = ?').all(version.id) as { term: string }[];
  // Digits-only terms ("2", "40") are never the correction of a typed word.
  const words = lexiconOf(rows.map((r) => r.term).filter((t) => t.length >= MIN_TYPO_LENGTH - 1 && /[a-z]/.test(t)));
  byVersion.set(version.id, { key, words });
  return words;
}

export function lexiconOf(words: readonly string[]): Lexicon {
  const byFirst = new Map<string, Bucket>();
  const byFirstTwo = new Map<string, Bucket>();
  const put = (buckets: Map<string, Bucket>, key: string, word: string, letters: number) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { words: [], letters: [] };
      buckets.set(key, bucket);
    }
    bucket.words.push(word);
    bucket.letters.push(letters);
  };
  for (const word of words) {
    const letters = letterSet(word);
    put(byFirst, word.charAt(0), word, letters);
    if (word.length >= 2) put(byFirstTwo, word.slice(0, 2), word, letters);
  }
  return { byFirst, byFirstTwo };
}

/**
 * The letters of a word as bits (digits and other characters share bits). One edit changes
 * at most two bits (a substitution drops one letter and adds another), so words whose sets
 * differ in more than 2 × max bits are further than max edits apart: no distance to compute.
 */
function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) % 31);
  return bits;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Words that could be `typed` with a slip after the first letter, or its first two letters swapped. */
function candidatesFor(lexicon: Lexicon, typed: string): Bucket[] {
  const same = lexicon.byFirst.get(typed.charAt(0));
  // Kept by first two letters when the lexicon is built: no filtering of a bucket per keystroke.
  const swapped = typed.charAt(1) === typed.charAt(0) ? undefined : lexicon.byFirstTwo.get(typed.charAt(1) + typed.charAt(0));
  return [same, swapped].filter((b): b is Bucket => b !== undefined);
}

/** Allowed edits: one for short words, two from eight letters on. */
export function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/**
 * The closest words to `typed` in `vocabulary`, or null when none is close enough. Whole
 * words win over word starts at the same distance.
 */
export function correctWord(lexicon: Lexicon, typed: string): Correction | null {
  if (typed.length < MIN_TYPO_LENGTH || /\d/.test(typed)) return null;
  const max = maxEdits(typed);
  const buckets = candidatesFor(lexicon, typed);
  const typedLetters = letterSet(typed);
  let best = max + 1;
  let whole: string[] = [];
  for (const bucket of buckets) {
    for (let i = 0; i < bucket.words.length; i++) {
      if (bitCount(typedLetters ^ (bucket.letters[i] as number)) > 2 * max) continue;
      const term = bucket.words[i] as string;
      const d = boundedDistance(typed, term, max);
      if (d < best) {
        best = d;
        whole = [term];
      } else if (d === best && d <= max) {
        whole.push(term);
      }
    }
  }
  if (best <= max) return { typed, words: whole.sort(byLengthCloseTo(typed)).slice(0, MAX_CORRECTIONS), prefix: null };
  // No whole word is close: the typed word may be an unfinished word ("pnuemo" → "pneumo").
  const prefixes = new Set<string>();
  for (const bucket of buckets) {
    for (let i = 0; i < bucket.words.length; i++) {
      // Each typed letter missing from the whole word costs an edit against any of its starts.
      if (bitCount(typedLetters & ~(bucket.letters[i] as number)) > max) continue;
      const term = bucket.words[i] as string;
      for (let len = typed.length - 1; len <= typed.length + 1; len++) {
        if (len < MIN_TYPO_LENGTH || len >= term.length) continue;
        const d = boundedDistance(typed, term, max, len);
        if (d < best) {
          best = d;
          prefixes.clear();
        }
        if (d === best && d <= max) prefixes.add(term.slice(0, len));
      }
    }
  }
  if (best > max || prefixes.size === 0) return null;
  // Several equally close starts: the one closest in length to what was typed.
  return { typed, words: [], prefix: [...prefixes].sort(byLengthCloseTo(typed))[0] ?? null };
}

function byLengthCloseTo(typed: string) {
  return (a: string, b: string) =>
    Math.abs(a.length - typed.length) - Math.abs(b.length - typed.length) || (a < b ? -1 : a > b ? 1 : 0);
}
