/**
 * Synonyms and abbreviations coders type (afib, CHF, lap chole …), from CodeDesk's own list
 * resources/search/synonyms.tsv: one `typed<TAB>meaning` per line, `#` comments. Expanded
 * at query time: the typed words are replaced by the meaning's words, which then search
 * titles and entry points like any typed words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../../shared/result';
import { resourcesDir } from '../../../paths';
import { wordsOf } from './title-words';

export interface Synonym {
  /** What the coder types, as words ("a-fib" → ["a", "fib"]). */
  typed: string[];
  /** What it means, as words. */
  meaning: string[];
  /** How to show the match: "afib: atrial fibrillation". */
  label: string;
}

export interface SynonymTable {
  /** By first typed word; longest phrases first. */
  byFirstWord: Map<string, Synonym[]>;
  size: number;
}

export interface Expansion {
  words: string[];
  synonym: Synonym;
}

const MAX_PHRASE_WORDS = 4;

/** Parses the list; a bad line is refused with its line number (and nothing is loaded). */
export function parseSynonyms(text: string, file = 'synonyms.tsv'): SynonymTable {
  const byFirstWord = new Map<string, Synonym[]>();
  const seen = new Set<string>();
  let size = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fail = (reason: string) =>
      new AppFailure('BAD_INPUT', `The synonym list is not valid: line ${index + 1} ${reason}.`, { file, line: index + 1 });
    const fields = raw.split('\t').map((f) => f.trim());
    if (fields.length !== 2) throw fail('needs exactly two tab-separated columns (typed, meaning)');
    const [typedText, meaningText] = fields as [string, string];
    const typed = wordsOf(typedText);
    const meaning = wordsOf(meaningText);
    if (typed.length === 0 || meaning.length === 0) throw fail('has an empty column');
    if (typed.length > MAX_PHRASE_WORDS) throw fail(`has more than ${MAX_PHRASE_WORDS} typed words`);
    const key = `${typed.join(' ')}\t${meaning.join(' ')}`;
    if (seen.has(key)) throw fail('repeats an earlier entry');
    if (typed.join(' ') === meaning.join(' ')) throw fail('means itself');
    seen.add(key);
    const synonym: Synonym = { typed, meaning, label: `${typedText}: ${meaningText}` };
    const first = typed[0] as string;
    const list = byFirstWord.get(first) ?? [];
    list.push(synonym);
    byFirstWord.set(first, list);
    size++;
  });
  for (const list of byFirstWord.values()) list.sort((a, b) => b.typed.length - a.typed.length);
  return { byFirstWord, size };
}

/**
 * Every reading of the typed words with one synonym phrase replaced by its meaning (the
 * longest phrase at each position). Words outside the phrase stay as typed.
 */
export function expandSynonyms(table: SynonymTable, words: readonly string[]): Expansion[] {
  const expansions: Expansion[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = table.byFirstWord.get(words[i] as string);
    if (!candidates) continue;
    let matchedLength = 0;
    for (const synonym of candidates) {
      const n = synonym.typed.length;
      if (matchedLength > n) break;
      if (!synonym.typed.every((w, k) => words[i + k] === w)) continue;
      matchedLength = n;
      const replaced = [...words.slice(0, i), ...synonym.meaning, ...words.slice(i + n)];
      expansions.push({ words: [...new Set(replaced)], synonym });
    }
  }
  return expansions;
}

/** True when the word starts some synonym phrase (such words are never "typos"). */
export function isSynonymWord(table: SynonymTable, word: string): boolean {
  return table.byFirstWord.has(word);
}

let bundled: SynonymTable | null = null;

/** CodeDesk's own list, read once from resources/search/synonyms.tsv. */
export function bundledSynonyms(): SynonymTable {
  if (bundled) return bundled;
  const file = path.join(resourcesDir(), 'search', 'synonyms.tsv');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppFailure('INTERNAL', 'The synonym list of this installation is missing.', { file: 'search/synonyms.tsv' });
  }
  bundled = parseSynonyms(text, 'search/synonyms.tsv');
  return bundled;
}
