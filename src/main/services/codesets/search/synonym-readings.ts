/**
 * The readings of a query beyond what was typed: the words without filler ("ringing in the
 * ears" → ringing ears), in the singular ("kidney stones" → kidney stone), each synonym phrase
 * replaced by its meaning, and every phrase replaced at once ("htn ckd" → hypertension chronic
 * kidney disease). Titles and entry points are searched for each reading like typed words.
 */
import { expandSynonyms, type Expansion, type SynonymTable } from './synonyms';

/** Words a coder types between the words that matter; titles rarely hold them the same way. */
const FILLER: ReadonlySet<string> = new Set(['in', 'on', 'the', 'a', 'an', 'at', 'of', 'for', 'to', 'my', 'is']);
/** More readings than this cost more per keystroke than they find. */
const MAX_READINGS = 10;

/** A singular whose letters start the plural, so a prefix search finds both ("injuries" → injur). */
export function singularOf(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3);
  if (/(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|os)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Every reading of the typed words, typed order kept, without repeats. */
export function readingsOf(table: SynonymTable, sequence: readonly string[]): Expansion[] {
  const out: Expansion[] = [];
  const seen = new Set<string>([[...new Set(sequence)].join(' ')]);
  const push = (e: Expansion) => {
    const key = e.words.join(' ');
    if (e.words.length === 0 || seen.has(key) || out.length >= MAX_READINGS) return;
    seen.add(key);
    out.push(e);
  };
  const plain = sequence.filter((w) => !FILLER.has(w));
  const singular = plain.map(singularOf);
  const variants: string[][] = [[...sequence]];
  if (plain.length > 0 && plain.length < sequence.length) variants.push(plain);
  if (singular.some((w, i) => w !== plain[i])) variants.push(singular);
  for (const variant of variants.slice(1)) push(plainReading(sequence, variant));
  for (const variant of variants) for (const e of expandSynonyms(table, variant)) push(e);
  for (const variant of variants) {
    const all = everyPhraseReplaced(table, variant);
    if (all) push(all);
  }
  return out;
}

/** The typed words read another way, shown as what changed. */
function plainReading(typed: readonly string[], words: readonly string[]): Expansion {
  const label = `${typed.join(' ')}: ${words.join(' ')}`;
  // No typed phrase: this reading never makes the query an abbreviation.
  return { words: [...new Set(words)], synonym: { typed: [], meaning: [...words], label } };
}

/** Each synonym phrase (longest first, left to right) replaced by its first meaning; null for fewer than two. */
function everyPhraseReplaced(table: SynonymTable, words: readonly string[]): Expansion | null {
  const result: string[] = [];
  const labels: string[] = [];
  let i = 0;
  while (i < words.length) {
    const phrase = (table.byFirstWord.get(words[i] as string) ?? []).find((s) =>
      s.typed.every((w, k) => words[i + k] === w),
    );
    if (!phrase) {
      result.push(words[i] as string);
      i++;
      continue;
    }
    result.push(...phrase.meaning);
    labels.push(phrase.label);
    i += phrase.typed.length;
  }
  if (labels.length < 2) return null;
  return { words: [...new Set(result)], synonym: { typed: [], meaning: result, label: labels.join('; ') } };
}
