/**
 * Words as the concept search compares them: the title tokenizer's words (title-words.ts), with
 * the possessive "s" of eponyms dropped ("Bell's" and "bells" are one word) and each word reduced
 * to its Porter stem, so "fractured", "fractures" and "fracture" meet, and "hypertensive" meets
 * "hypertension".
 */
import { stemmer } from 'stemmer';
import { eachTitleWord, wordsOf } from '../title-words';

const stems = new Map<string, string>();
/**
 * Organism names the stemmer would make a disease: "Streptococcus pneumoniae" is not pneumonia,
 * "Haemophilus influenzae" is not influenza.
 */
const UNSTEMMED: ReadonlySet<string> = new Set(['pneumoniae', 'influenzae']);
const MAX_CACHED = 200_000;

/** The stem of one lower-case word (numbers and codes-like tokens stay as typed). */
export function termOf(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const term = /^[a-z]+$/.test(word) && word.length > 2 && !UNSTEMMED.has(word) ? stemmer(word) : word;
  if (stems.size >= MAX_CACHED) stems.clear();
  stems.set(word, term);
  return term;
}

/** Words of a text, the possessive "'s" dropped ("Alzheimer's" → ["alzheimer"]). */
export function conceptWords(text: string): string[] {
  return wordsOf(text.replace(/(\w)['’]s\b/g, '$1'));
}

/** Stems of a text's words, distinct, in order. */
export function termsOf(text: string): string[] {
  return [...new Set(conceptWords(text).map(termOf))];
}

/** Words that open a clause saying what a code is NOT ("without abscess", "not intractable", "unspecified whether with …"). */
const NEGATING: ReadonlySet<string> = new Set(['without', 'not', 'whether']);
/** Marks the term of a word inside such a clause: "without perforation" is not "perforation". */
export const NOT = '¬';

/**
 * Each word of a text with its term, in order: the possessive dropped, and words inside a negating
 * clause (up to a comma, semicolon or "with", except the "with" of "whether with") carrying the term NOT + stem. The negating word itself
 * is not visited. After "of" inside such a clause a word may be the negated thing ("without loss
 * of consciousness") or the site ("without foreign body of left index finger"): it is visited
 * twice, negated and plain.
 */
export function eachTerm(text: string, visit: (term: string, word: string, inParentheses: boolean, negated: boolean) => void): void {
  let negated = false;
  let afterOf = false;
  let last = 0;
  let prior = '';
  eachTitleWord(text.replace(/(\w)['’]s\b/g, '$1'), (t, start, end, inParentheses) => {
    const word = t.slice(start, end);
    if (negated && start > last && /[,;:]/.test(t.slice(last, start))) negated = false;
    last = end;
    const previous = prior;
    prior = word;
    if (NEGATING.has(word)) {
      negated = true;
      afterOf = false;
      return;
    }
    if (word === 'with') {
      // "unspecified whether with hypoxia or hypercapnia" says neither: the clause goes on.
      if (!(negated && previous === 'whether')) negated = false;
      return;
    }
    // Short titles write that clause "unsp w hypoxia or hypercapnia".
    if (word === 'w' && previous === 'unsp') {
      negated = true;
      afterOf = false;
      return;
    }
    const term = termOf(word);
    if (!negated) {
      visit(term, word, inParentheses, false);
      return;
    }
    if (word === 'of') afterOf = true;
    visit(NOT + term, word, inParentheses, true);
    if (afterOf) visit(term, word, inParentheses, true);
  });
}

/** The 7th-character part of an ICD-10-CM title: ", initial encounter for closed fracture", ", sequela". */
const ENCOUNTER_TAIL = /,\s*(?:initial encounter|subsequent encounter|sequela)\b.*$/i;

/** A title split into what the code is and its encounter part (empty when it has none). */
export function splitEncounter(title: string): [string, string] {
  const m = ENCOUNTER_TAIL.exec(title);
  return m ? [title.slice(0, m.index), title.slice(m.index)] : [title, ''];
}
