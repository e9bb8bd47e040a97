/** CodeDesk's older synonym list (resources/search/synonyms.tsv) read as a PhraseSource, unchanged. */
import type { SynonymTable } from '../synonyms';
import { phraseTable, type PhraseEntry } from './phrase-table';
import type { PhraseSource } from './phrases';

export const SYNONYMS_SOURCE = 'synonyms.tsv (CodeDesk list)';

export function synonymSource(table: SynonymTable): PhraseSource {
  const entries: PhraseEntry[] = [];
  for (const list of table.byFirstWord.values()) {
    for (const synonym of list) {
      entries.push({ typed: synonym.typed, reading: { words: synonym.meaning, label: synonym.label, source: SYNONYMS_SOURCE } });
    }
  }
  return phraseTable('synonyms.tsv', entries);
}
