/**
 * The coder's vocabulary shipped with CodeDesk: every file of resources/search/vocabulary
 * (see its README.md) plus the older synonym list, read once and combined into one source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../../../shared/result';
import { resourcesDir } from '../../../../paths';
import { bundledSynonyms } from '../synonyms';
import { withoutRepeatedReadings } from './distinct';
import { parseLiteralTsv, withLiteralPhrases } from './literal';
import { bundledProcedureWords } from './procedure-words';
import { spineLevels } from './spine-levels';
import { phraseTable } from './phrase-table';
import { combinedSource, type PhraseSource } from './phrases';
import { synonymSource } from './synonym-source';
import { parseVocabularyTsv } from './tsv';

/** The files, in the order their readings are listed. A missing file is an installation fault, not an empty list. */
export const VOCABULARY_FILES = ['shorthand.tsv', 'laterality.tsv', 'encounter.tsv', 'lay.tsv', 'irregular.tsv', 'drugs.tsv', 'drug-classes.tsv', 'anatomy.tsv', 'eponyms.tsv'] as const;
/** Read by procedure-words.ts (its own format: word formation from roots and suffixes). */
export const PROCEDURE_FILES = ['procedures.tsv', 'procedure-roots.tsv'] as const;

/** One vocabulary file as a PhraseSource; each reading's source is "<file>: <cited basis>". */
export function vocabularySource(file: string, text: string): PhraseSource {
  const entries = parseVocabularyTsv(text, file).map((e) => ({
    typed: e.typed,
    reading: { words: e.meaning, label: e.label, source: `${file}: ${e.source}` },
  }));
  return phraseTable(file, entries);
}

/** Phrases read as typed, never expanded (see literal.ts). */
export const LITERAL_FILE = 'literal.tsv';

function readResource(dir: string, file: string): string {
  try {
    return fs.readFileSync(path.join(dir, file), 'utf8');
  } catch {
    throw new AppFailure('INTERNAL', 'A vocabulary file of this installation is missing.', { file: `search/vocabulary/${file}` });
  }
}

/** The vocabulary files of a folder, one source each (tests pass their own folder). */
export function vocabularyIn(dir: string, files: readonly string[] = VOCABULARY_FILES): PhraseSource[] {
  return files.map((file) => vocabularySource(file, readResource(dir, file)));
}

/**
 * The files of a folder and any further sources as one: a meaning given twice at a length is
 * listed once (the vocabulary files come first, with their citations), and literal phrases
 * ("r/o") hide the readings inside them.
 */
export function vocabularyFrom(dir: string, more: readonly PhraseSource[] = []): PhraseSource {
  const literals = parseLiteralTsv(readResource(dir, LITERAL_FILE), LITERAL_FILE);
  const combined = combinedSource('CodeDesk vocabulary', [...vocabularyIn(dir), ...more]);
  return withLiteralPhrases(withoutRepeatedReadings(combined), literals);
}

let bundled: PhraseSource | null = null;

/** Every bundled vocabulary file, the procedure wording and the synonym list as one source, read once. */
export function bundledVocabulary(): PhraseSource {
  if (bundled) return bundled;
  bundled = vocabularyFrom(path.join(resourcesDir(), 'search', 'vocabulary'), [spineLevels, bundledProcedureWords(), synonymSource(bundledSynonyms())]);
  return bundled;
}
