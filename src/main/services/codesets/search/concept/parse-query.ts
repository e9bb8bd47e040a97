/**
 * A typed query read as clinical concepts: relation words ("with", "due to", "on", "secondary
 * to", "in", "and" …) separate concepts, small words are dropped, and each remaining word or
 * known phrase becomes a slot with its readings from the coder's vocabulary ("afib" → "atrial
 * fibrillation"). "AKI on CKD stage 3b" is two concepts, [AKI] and [CKD stage 3b]; the ranker
 * prefers a code that covers both (a combination code) and otherwise offers one per concept.
 */
import type { PhraseSource, Reading } from '../vocabulary/phrases';
import { conceptWords } from './terms';

export interface ParsedSlot {
  /** The words typed for this slot (one word, or a known phrase). */
  typed: string[];
  /** Meanings from the vocabulary, in title words. */
  readings: readonly Reading[];
  /** Which concept (0-based, in typed order) the slot belongs to. */
  concept: number;
  /** The last word of a query still being typed: it may be the start of a longer word. */
  open: boolean;
  /** Typed after "no", "without", "w/o" (up to the next relation word): titles say "without …" for it. */
  negated: boolean;
  /**
   * A dose, unit or route ("40 mg", "IV push"): drug codes are per unit ("1 mg"), so the dose
   * typed rarely matches the title's; it counts for little against the drug's name.
   */
  dose: boolean;
  /** A route ("IV", "IM", "PO"): it tells an injection from an oral code, so it counts for more than a dose. */
  route: boolean;
}

export interface ParsedQuery {
  slots: ParsedSlot[];
  concepts: number;
}

/** Words (and two-word phrases) that relate two concepts: they end one concept and start the next. */
const RELATIONS: readonly (readonly string[])[] = [
  ['due', 'to'], ['secondary', 'to'], ['2', '2'], ['caused', 'by'], ['associated', 'with'], ['complicated', 'by'],
  ['with'], ['w'], ['on'], ['in'], ['and'], ['after'], ['following'], ['plus'],
];
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
/** Words that carry no concept of their own ("from" is part of an event: "fell from ladder", not a relation between two). */
const SMALL: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'by', 'at', 'or', 'as', 'is', 'was', 'pt', 'patient', 'from']);
/** "w/o" and "without" negate what follows; the codes' own "without" titles are the default anyway. */
const NEGATIONS: readonly (readonly string[])[] = [['w', 'o'], ['without'], ['no'], ['not']];
const MAX_SLOTS = 12;
const UNITS: ReadonlySet<string> = new Set([
  'mg', 'g', 'gm', 'gram', 'grams', 'mcg', 'microgram', 'micrograms', 'ml', 'cc', 'l', 'unit', 'units', 'u', 'iu',
  'meq', 'million', 'mmol', 'kg', 'mg/kg',
]);
const ROUTES: ReadonlySet<string> = new Set(['iv', 'ivp', 'ivpb', 'im', 'push', 'drip', 'sq', 'subq', 'sc', 'po', 'bolus', 'infusion']);
const NUMBER = /^\d+$/;

/** Whether tokens[at] is part of a dose: a unit or route word, or a number followed (maybe after a decimal part) by a unit. */
function isDose(tokens: readonly string[], at: number): boolean {
  const word = tokens[at] as string;
  if (UNITS.has(word) || ROUTES.has(word)) return true;
  if (!NUMBER.test(word)) return false;
  let next = at + 1;
  while (next < tokens.length && NUMBER.test(tokens[next] as string)) next++;
  return next < tokens.length && UNITS.has(tokens[next] as string);
}
const MAX_CONCEPTS = 4;

function startsWith(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => tokens[at + k] === w);
}

/**
 * The query's words without articles, which carry nothing and would split phrases ("ringing in
 * the ears"); an "a" joined to a letter by "&" is part of an abbreviation ("T&A") and stays.
 */
function tokensOf(query: string): string[] {
  const joined = [...query.matchAll(/\b(?:a|an|the)\b/gi)].map((m) => /&\s*$/.test(query.slice(0, m.index)));
  let article = 0;
  return conceptWords(query).filter((t) => !ARTICLES.has(t) || joined[article++] === true);
}

export function parseQuery(query: string, vocabulary: PhraseSource): ParsedQuery {
  const tokens = tokensOf(query);
  // Plurals find their singular's phrases too ("PVCs" → "pvc", "kidney stones" → "kidney stone").
  const singular = tokens.map((t) => (t.length > 2 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
  const open = query.length > 0 && /[a-z0-9]$/i.test(query);
  const slots: ParsedSlot[] = [];
  let concept = 0;
  let conceptHasSlots = false;
  let negated = false;
  let i = 0;
  while (i < tokens.length && slots.length < MAX_SLOTS) {
    // "2/2" is a relation only where it was typed with its slash.
    const relation = RELATIONS.find((r) => startsWith(tokens, i, r) && (r[0] !== '2' || /2\s*\/\s*2/.test(query)));
    const negation = NEGATIONS.find((r) => startsWith(tokens, i, r));
    const asTyped = vocabulary.phrasesAt(tokens, i);
    const phrases = asTyped.length > 0 ? asTyped : vocabulary.phrasesAt(singular, i);
    const longest = phrases[0];
    // A known phrase wins over a relation word inside it ("w/o" as typed shorthand is handled as a negation first).
    if (negation && !(longest && longest.length > negation.length)) {
      negated = true;
      i += negation.length;
      continue;
    }
    if (relation && !(longest && longest.length > relation.length)) {
      if (conceptHasSlots && concept < MAX_CONCEPTS - 1) {
        concept++;
        conceptHasSlots = false;
      }
      negated = false;
      i += relation.length;
      continue;
    }
    // A phrase that starts with a relation word ("on insulin", "with hypoxia") still relates what
    // follows to what came before: it starts the next concept.
    if (relation && conceptHasSlots && concept < MAX_CONCEPTS - 1) {
      concept++;
      conceptHasSlots = false;
    }
    const word = tokens[i] as string;
    if (!longest && SMALL.has(word)) {
      i++;
      continue;
    }
    const length = longest?.length ?? 1;
    const typed = tokens.slice(i, i + length);
    const route = length === 1 && ROUTES.has(word);
    // A unit after a number is a dose whatever else it may mean ("4 mg" is not myasthenia gravis).
    const unitAfterNumber = length === 1 && UNITS.has(word) && i > 0 && NUMBER.test(tokens[i - 1] as string);
    const dose = !route && ((!longest && isDose(tokens, i)) || unitAfterNumber);
    slots.push({ typed, readings: longest?.readings ?? [], concept, open: open && i + length === tokens.length, negated, dose, route });
    conceptHasSlots = true;
    i += length;
  }
  const concepts = slots.length === 0 ? 0 : Math.max(...slots.map((s) => s.concept)) + 1;
  return { slots, concepts };
}
