/**
 * Operative-report wording read in ICD-10-PCS title words, as a PhraseSource: abbreviations
 * and approach / device / operation words from procedures.tsv ("lap chole", "ORIF", "PICC",
 * "hardware"), and operation names read from their parts with procedure-roots.tsv
 * ("appendectomy" → resection / excision appendix). Every reading names its file and source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../../../shared/result';
import { resourcesDir } from '../../../../paths';
import type { PhraseMatch, PhraseSource, Reading } from './phrases';
import { parsePhraseTsv, parseRootTsv, type PhraseEntry, type RootEntry } from './procedure-tsv';
import { WordFormation, type WordParts } from './word-formation';

export const PHRASE_FILE = 'procedures.tsv';
export const ROOTS_FILE = 'procedure-roots.tsv';

/** Leading hyphen-split parts of one operation name ("salpingo-" of "salpingo-oophorectomy"). */
const MAX_LEADING_PARTS = 3;
/** Enough alternatives for any real word; a cap against a table that multiplies out. */
const MAX_FORMED_READINGS = 24;
/** The suffix whose body parts are joined in one operation (gastro-jejuno-stomy: stomach to jejunum). */
const JOINING_SUFFIX = 'stomy';

export function procedureWords(phrases: readonly PhraseEntry[], roots: readonly RootEntry[]): PhraseSource {
  const byFirstWord = new Map<string, PhraseEntry[]>();
  for (const entry of phrases) {
    const first = entry.typed[0] as string;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), entry]);
  }
  const formation = new WordFormation(roots);
  return {
    name: 'procedure words',
    phrasesAt(tokens, at) {
      const byLength = new Map<number, Reading[]>();
      const add = (length: number, readings: readonly Reading[]) => {
        if (readings.length > 0) byLength.set(length, [...(byLength.get(length) ?? []), ...readings]);
      };
      for (const entry of byFirstWord.get(tokens[at] ?? '') ?? []) {
        if (entry.typed.every((word, k) => tokens[at + k] === word)) add(entry.typed.length, [phraseReading(entry)]);
      }
      // The table's reading of a single word is the coder's; word formation only reads words it lacks.
      const formed = formedAt(formation, tokens, at);
      if (formed && !(formed.length === 1 && byLength.has(1))) add(formed.length, formedReadings(formation, formed));
      return [...byLength.entries()].sort((a, b) => b[0] - a[0]).map(([length, readings]): PhraseMatch => ({ length, readings }));
    },
  };
}

function phraseReading(entry: PhraseEntry): Reading {
  return { words: entry.meaning, label: `${entry.typedText}: ${entry.meaningText}`, source: `${PHRASE_FILE}: ${entry.source}` };
}

interface Formed {
  length: number;
  text: string;
  parts: WordParts;
}

/** An operation word at `at`, with any hyphen-split leading parts ("salpingo", "oophorectomy"). */
function formedAt(formation: WordFormation, tokens: readonly string[], at: number): Formed | null {
  const leading: string[] = [];
  for (let i = at; i < tokens.length && i <= at + MAX_LEADING_PARTS; i++) {
    const token = tokens[i] as string;
    const parts = formation.partsOf(token);
    if (parts) {
      const words = tokens.slice(at, i + 1);
      return { length: words.length, text: words.join('-'), parts: { suffix: parts.suffix, forms: [...leading, ...parts.forms] } };
    }
    const forms = formation.formsOf(token);
    if (!forms) return null;
    leading.push(...forms);
  }
  return null;
}

/** Root operation × body part(s): one reading per body part, or all joined for a -stomy. */
function formedReadings(formation: WordFormation, formed: Formed): Reading[] {
  const operations = formation.meaningsOf('suffix', formed.parts.suffix);
  const bodyParts = formed.parts.forms.map((form) => formation.meaningsOf('form', form));
  const combinations: RootEntry[][] =
    formed.parts.suffix === JOINING_SUFFIX ? product(bodyParts) : bodyParts.flatMap((alternatives) => alternatives.map((a) => [a]));
  const readings: Reading[] = [];
  for (const operation of operations) {
    for (const parts of combinations) {
      const meaningText = [operation, ...parts].map((e) => e.meaningText).join(' ');
      readings.push({
        words: [operation, ...parts].flatMap((e) => e.meaning),
        label: `${formed.text}: ${meaningText}`,
        source: `${ROOTS_FILE}: -${operation.form}: ${operation.source}; ${parts.map((p) => `${p.form}-: ${p.source}`).join('; ')}`,
      });
    }
  }
  return readings.slice(0, MAX_FORMED_READINGS);
}

/** Every choice of one alternative per position. */
function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

let bundled: PhraseSource | null = null;

/** CodeDesk's own tables, read once from resources/search/vocabulary/. */
export function bundledProcedureWords(): PhraseSource {
  if (bundled) return bundled;
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.join(resourcesDir(), 'search', 'vocabulary', file), 'utf8');
    } catch {
      throw new AppFailure('INTERNAL', 'The procedure vocabulary of this installation is missing.', { file: `search/vocabulary/${file}` });
    }
  };
  bundled = procedureWords(parsePhraseTsv(read(PHRASE_FILE), PHRASE_FILE), parseRootTsv(read(ROOTS_FILE), ROOTS_FILE));
  return bundled;
}
