/**
 * The vocabulary the concept search reads: the bundled files (synonyms, procedure wording, drug
 * brands) for the bundled synonym list; a test's own list alone when it passes one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../../../paths';
import { bundledSynonyms, type SynonymTable } from '../synonyms';
import { combinedSource, type PhraseSource } from '../vocabulary/phrases';
import { parsePhraseTsv } from '../vocabulary/procedure-tsv';
import { bundledProcedureWords, procedureWords } from '../vocabulary/procedure-words';
import { synonymPhrases } from '../vocabulary/synonym-phrases';

const sources = new WeakMap<SynonymTable, PhraseSource>();

export function coderVocabulary(synonyms: SynonymTable): PhraseSource {
  let source = sources.get(synonyms);
  if (source) return source;
  source = synonyms === bundledSynonyms() ? combinedSource('bundled', [synonymPhrases(synonyms), bundledProcedureWords(), drugBrands()]) : synonymPhrases(synonyms);
  sources.set(synonyms, source);
  return source;
}

function drugBrands(): PhraseSource {
  const file = 'drugs.tsv';
  return procedureWords(parsePhraseTsv(fs.readFileSync(path.join(resourcesDir(), 'search', 'vocabulary', file), 'utf8'), file), []);
}
