/**
 * Word matches from the in-memory index, ranked exactly as the FTS5 path ranks them
 * (search-words.ts): the first candidates in static rank order, re-ranked by coverage.
 */
import { compareWordHits, titleCoverage, WORD_CANDIDATES, type WordHit } from './title-words';
import type { Clause, WordIndex, WordRange } from './word-index';

/** Titles holding a word that starts with each typed word, best first. */
export function indexedWords(index: WordIndex, words: readonly string[], limit: number): WordHit[] {
  const ranges = words.map((w) => index.prefixRange(w));
  return ranked(index, ranges.map((r) => [r]), words, ranges, limit);
}

/** Titles matching every clause, ranked by how much of each title `coverageWords` cover. */
export function indexedMatch(
  index: WordIndex,
  clauses: readonly Clause[],
  coverageWords: readonly string[],
  limit: number,
): WordHit[] {
  return ranked(index, clauses, coverageWords, coverageWords.map((w) => index.prefixRange(w)), limit);
}

/** `coverageRanges`: the prefix ranges of `coverageWords`. */
function ranked(
  index: WordIndex,
  clauses: readonly Clause[],
  coverageWords: readonly string[],
  coverageRanges: readonly WordRange[],
  limit: number,
): WordHit[] {
  const candidates = Math.max(WORD_CANDIDATES, limit);
  return index
    .firstMatches(clauses, candidates)
    .map((ordinal) => {
      const hit = index.row(ordinal) as WordHit;
      hit.coverage = index.coverage(ordinal, coverageRanges) ?? titleCoverage(hit.long_title, coverageWords);
      return hit;
    })
    .sort(compareWordHits);
}
