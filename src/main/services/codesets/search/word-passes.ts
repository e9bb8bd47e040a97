/**
 * The word paths of one search, per version: titles with the typed words, titles with each
 * synonym reading, entry points for both; then, only when those find too little, typo
 * corrections and matches missing one typed word.
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { type CandidateSet, Quality, qualityOf } from './candidates';
import { entryIndexOf } from './entry-index-cache';
import { indexedEntryPoints } from './entry-points';
import { indexedMatch, indexedWords } from './indexed-words';
import { addPcsPaths } from './pcs-paths';
import type { SearchScope } from './search-scope';
import { readingsOf } from './synonym-readings';
import { isSynonymWord, type SynonymTable } from './synonyms';
import { correctWord, vocabularyOf, type Correction } from './typos';
import type { Clause } from './word-index';
import { wordIndexOf } from './word-index-cache';

/** Fewer strong matches than this over all versions, and the weak passes run. */
export const TOO_FEW = 5;
/** Dropping one word at a time is tried for queries of up to this many words. */
const MAX_PARTIAL_WORDS = 8;

export interface WordQuery {
  /** Typed words, distinct, in typed order. */
  words: string[];
  /** Typed words in typed order with repeats (synonym phrases are read from these). */
  sequence: string[];
}

/** An abbreviation typed alone is this short or shorter: "mi" means the synonym, not "Miosis". */
const ABBREVIATION_LENGTH = 5;

/**
 * Titles, synonym readings and entry points: the strong paths. Returns true when the whole
 * query is a short abbreviation, whose meaning then ranks above titles that merely start with it.
 */
export function strongPasses(
  db: ContentDb,
  scope: SearchScope,
  query: WordQuery,
  synonyms: SynonymTable,
  limit: number,
  into: CandidateSet,
): boolean {
  const expansions = readingsOf(synonyms, query.sequence);
  const abbreviation =
    query.sequence.join('').length <= ABBREVIATION_LENGTH &&
    expansions.some((e) => e.synonym.typed.length === query.sequence.length);
  for (const version of scope.versions) {
    const system = version.system;
    const index = wordIndexOf(db, version);
    const entries = entryIndexOf(db, version, scope.sources.get(version.id) ?? [], scope.changes);
    for (const row of indexedWords(index, query.words, limit)) {
      if (abbreviation) {
        into.add({ system, row, quality: Quality.allWords, coverage: row.coverage / 2 });
      } else {
        into.add({ system, row, quality: qualityOf(row.coverage), coverage: row.coverage });
      }
    }
    for (const hit of indexedEntryPoints(index, entries, query.words)) {
      const matchedBy = { kind: hit.kind, text: hit.path };
      // An abbreviation's meaning outranks entry points that merely start with it ("mi" is not "Micropenis").
      const quality = abbreviation ? Quality.allWords : qualityOf(hit.coverage);
      into.add({ system, row: hit, quality, coverage: abbreviation ? hit.coverage / 2 : hit.coverage, matchedBy });
    }
    addPcsPaths(db, version, query.words, entries, into);
    for (const expansion of expansions) {
      const matchedBy = { kind: 'synonym' as const, text: expansion.synonym.label };
      for (const row of indexedWords(index, expansion.words, limit)) {
        into.add({ system, row, quality: qualityOf(row.coverage), coverage: row.coverage, matchedBy });
      }
      for (const hit of indexedEntryPoints(index, entries, expansion.words)) {
        into.add({ system, row: hit, quality: qualityOf(hit.coverage), coverage: hit.coverage, matchedBy });
      }
      // Plain readings (no filler, singular) name no other procedure: the typed words' paths cover them.
      if (expansion.synonym.typed.length > 0) addPcsPaths(db, version, expansion.words, entries, into, expansion.synonym.label);
    }
  }
  return abbreviation;
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
