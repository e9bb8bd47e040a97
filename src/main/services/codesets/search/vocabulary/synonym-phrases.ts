/** The synonym list (synonyms.tsv) read as a phrase source for the concept search. */
import type { SynonymTable } from '../synonyms';
import type { PhraseMatch, PhraseSource } from './phrases';

export function synonymPhrases(table: SynonymTable, source = 'synonyms.tsv (CodeDesk list)'): PhraseSource {
  return {
    name: 'synonyms',
    phrasesAt(tokens, at) {
      const candidates = table.byFirstWord.get(tokens[at] as string);
      if (!candidates) return [];
      const byLength = new Map<number, PhraseMatch>();
      for (const synonym of candidates) {
        const n = synonym.typed.length;
        if (!synonym.typed.every((w, k) => tokens[at + k] === w)) continue;
        const match = byLength.get(n) ?? { length: n, readings: [] };
        (match.readings as { words: readonly string[]; label: string; source: string }[]).push({ words: synonym.meaning, label: synonym.label, source });
        byLength.set(n, match);
      }
      return [...byLength.values()].sort((a, b) => b.length - a.length);
    },
  };
}
