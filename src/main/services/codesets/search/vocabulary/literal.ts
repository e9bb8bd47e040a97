/**
 * Phrases that must be read as typed, never expanded: "r/o" (rule out) is not the condition
 * (CMS ICD-10-CM Official Guidelines IV.H), and its "r" is not "right". A literal phrase hides
 * every reading that starts inside it or is not longer than it at its start.
 * File format (resources/search/vocabulary/literal.tsv): `typed<TAB>why`, `#` comments.
 */
import { wordsOf } from '../title-words';
import type { PhraseSource } from './phrases';
import { eachVocabularyLine, MAX_TYPED_WORDS } from './tsv';

export function parseLiteralTsv(text: string, file: string): string[][] {
  const phrases: string[][] = [];
  eachVocabularyLine(text, file, 2, 'two tab-separated columns (typed, why)', (fields, fail) => {
    const typed = wordsOf(fields[0] as string);
    if (typed.length === 0 || fields[1] === '') throw fail('has an empty column');
    if (typed.length > MAX_TYPED_WORDS) throw fail(`has more than ${MAX_TYPED_WORDS} typed words`);
    phrases.push(typed);
  });
  return phrases;
}

/** The source's readings, except those a literal phrase at or before `at` hides. */
export function withLiteralPhrases(source: PhraseSource, literals: readonly (readonly string[])[]): PhraseSource {
  const matchesAt = (tokens: readonly string[], start: number, phrase: readonly string[]) =>
    start >= 0 && phrase.every((word, k) => tokens[start + k] === word);
  return {
    name: source.name,
    phrasesAt(tokens, at) {
      let shadow = 0;
      for (const phrase of literals) {
        for (let start = Math.max(0, at - phrase.length + 1); start < at; start++) {
          if (matchesAt(tokens, start, phrase)) return [];
        }
        if (matchesAt(tokens, at, phrase)) shadow = Math.max(shadow, phrase.length);
      }
      const matches = source.phrasesAt(tokens, at);
      return shadow === 0 ? matches : matches.filter((m) => m.length > shadow);
    },
  };
}
