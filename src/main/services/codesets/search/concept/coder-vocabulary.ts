/**
 * The vocabulary the concept search reads: every bundled file (vocabulary/bundled.ts) with the
 * bundled synonym list; a caller's own synonym list alone when it passes one (tests do).
 */
import { bundledSynonyms, type SynonymTable } from '../synonyms';
import { bundledVocabulary } from '../vocabulary/bundled';
import type { PhraseSource } from '../vocabulary/phrases';
import { synonymSource } from '../vocabulary/synonym-source';

const sources = new WeakMap<SynonymTable, PhraseSource>();

export function coderVocabulary(synonyms: SynonymTable): PhraseSource {
  if (synonyms === bundledSynonyms()) return bundledVocabulary();
  let source = sources.get(synonyms);
  if (!source) {
    source = synonymSource(synonyms);
    sources.set(synonyms, source);
  }
  return source;
}
