/**
 * The fallback word paths, for when the concept search (concept/rank-concepts.ts) finds nothing
 * at all: typo corrections, then matches missing one typed word.
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { type CandidateSet, Quality } from './candidates';
import { indexedMatch, indexedWords } from './indexed-words';
import { isSynonymWord, type SynonymTable } from './synonyms';
import { correctWord, vocabularyOf, type Correction } from './typos';
import type { Clause } from './word-index';
import { wordIndexOf } from './word-index-cache';

/** Dropping one word at a time is tried for queries of up to this many words. */
const MAX_PARTIAL_WORDS = 8;

export interface WordQuery {
  /** Typed words, distinct, in typed order. */
  words: string[];
  /** Typed words in typed order with repeats (synonym phrases are read from these). */
  sequence: string[];
}

/** Typo corrections, then matches missing one word: the weak paths, for when little matched. */
export function weakPasses(
  db: ContentDb,
  versions: readonly ContentVersion[],
  query: WordQuery,
  synonyms: SynonymTable,
  limit: number,
  into: CandidateSet,
): void {
  for (const version of versions) typoPass(db, version, query.words, synonyms, limit, into);
  // Dropping a typed word guesses at what was meant: only when nothing else matched.
  if (into.size > 0) return;
  const words = query.words;
  if (words.length < 2 || words.length > MAX_PARTIAL_WORDS) return;
  for (const version of versions) {
    const index = wordIndexOf(db, version);
    for (let skip = 0; skip < words.length; skip++) {
      const fewer = words.filter((_, i) => i !== skip);
      if (!fewer.some((w) => w.length >= 3 && /[a-z]/.test(w))) continue;
      for (const row of indexedWords(index, fewer, limit)) {
        into.add({ system: version.system, row, quality: Quality.partial, coverage: row.coverage });
      }
    }
  }
}

/** Corrects every typed word that no indexed word of the version starts with. */
function typoPass(
  db: ContentDb,
  version: ContentVersion,
  words: readonly string[],
  synonyms: SynonymTable,
  limit: number,
  into: CandidateSet,
): void {
  const index = wordIndexOf(db, version);
  const corrections: Correction[] = [];
  const clauses: Clause[] = [];
  const coverageWords: string[] = [];
  for (const word of words) {
    const range = index.prefixRange(word);
    if (isSynonymWord(synonyms, word) || range.hi > range.lo) {
      // A synonym word no title holds matches nothing, as in the full-text query.
      if (range.hi === range.lo) return;
      clauses.push([range]);
      coverageWords.push(word);
      continue;
    }
    const correction = correctWord(vocabularyOf(db, version), word);
    if (!correction) return;
    corrections.push(correction);
    if (correction.prefix !== null) {
      clauses.push([index.prefixRange(correction.prefix)]);
      coverageWords.push(correction.prefix);
    } else {
      clauses.push(correction.words.map((w) => index.wordRange(w)));
      coverageWords.push(...correction.words);
    }
  }
  if (corrections.length === 0) return;
  const text = corrections.map((c) => `${c.typed} → ${c.prefix ?? c.words.join(' / ')}`).join(', ');
  const matchedBy = { kind: 'typo' as const, text };
  for (const row of indexedMatch(index, clauses, coverageWords, limit)) {
    into.add({ system: version.system, row, quality: Quality.typo, coverage: row.coverage, matchedBy });
  }
}
