/** Reading a query as concepts: relation words, negation, doses, known phrases. */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../src/main/services/codesets/search/concept/parse-query';
import type { PhraseSource } from '../../../../src/main/services/codesets/search/vocabulary/phrases';

const phrases: Record<string, string> = { 'aki': 'acute kidney failure', 'ckd': 'chronic kidney disease', 'ringing in ears': 'tinnitus', 'pvc': 'premature ventricular contraction', 't a': 'resection tonsils', 'mg': 'myasthenia gravis' };
const vocabulary: PhraseSource = {
  name: 'test',
  phrasesAt(tokens, at) {
    const found = [];
    for (let n = 3; n >= 1; n--) {
      const meaning = phrases[tokens.slice(at, at + n).join(' ')];
      if (meaning && at + n <= tokens.length) found.push({ length: n, readings: [{ words: meaning.split(' '), label: meaning, source: 'test' }] });
    }
    return found;
  },
};
const slots = (q: string) => parseQuery(q, vocabulary).slots.map((s) => ({ typed: s.typed.join(' '), concept: s.concept, negated: s.negated, dose: s.dose }));

describe('parseQuery', () => {
  it('splits concepts at relation words and keeps the words of each', () => {
    expect(parseQuery('aki on ckd stage 3b', vocabulary).concepts).toBe(2);
    expect(slots('uti due to e coli').map((s) => [s.typed, s.concept])).toEqual([['uti', 0], ['e', 1], ['coli', 1]]);
    expect(slots('chf w/ htn').map((s) => s.concept)).toEqual([0, 1]);
  });

  it('drops articles, except an "a" joined by "&" in an abbreviation (T&A)', () => {
    expect(slots('ringing in the ears').map((s) => s.typed)).toEqual(['ringing in ears']);
    expect(slots('T&A').map((s) => s.typed)).toEqual(['t a']);
    expect(slots('T & A, a fall').map((s) => s.typed)).toEqual(['t a', 'fall']);
  });

  it('reads "2/2" as a relation only where it was typed with its slash', () => {
    expect(parseQuery('anemia 2/2 ckd', vocabulary).concepts).toBe(2);
    expect(slots('type 2 2 diabetes').map((s) => s.typed)).toContain('2');
  });

  it('marks what follows a negation, up to the next relation word', () => {
    expect(slots('concussion no loc initial')).toEqual([
      { typed: 'concussion', concept: 0, negated: false, dose: false },
      { typed: 'loc', concept: 0, negated: true, dose: false },
      { typed: 'initial', concept: 0, negated: true, dose: false },
    ]);
    expect(slots('migraine w/o aura with status').find((s) => s.typed === 'status')?.negated).toBe(false);
  });

  it('marks doses, units and routes (a route counts for more than a dose)', () => {
    expect(parseQuery('toradol 30 mg im', vocabulary).slots.map((s) => [s.typed.join(' '), s.dose, s.route])).toEqual([
      ['toradol', false, false],
      ['30', true, false],
      ['mg', true, false],
      ['im', false, true],
    ]);
    expect(slots('ckd stage 3').find((s) => s.typed === '3')?.dose).toBe(false);
    // A unit after a number is a dose even where the vocabulary knows the word ("MG" is also myasthenia gravis).
    expect(slots('mg').map((s) => s.dose)).toEqual([false]);
  });

  it('finds phrases across articles and through plurals', () => {
    expect(slots('ringing in the ears')).toEqual([{ typed: 'ringing in ears', concept: 0, negated: false, dose: false }]);
    expect(parseQuery('PVCs', vocabulary).slots[0]?.readings[0]?.label).toBe('premature ventricular contraction');
  });

  it('keeps possessive eponyms as one word and the last word open while typing', () => {
    expect(slots("Bell's palsy").map((s) => s.typed)).toEqual(['bell', 'palsy']);
    const parsed = parseQuery('pneumo', vocabulary);
    expect(parsed.slots[0]?.open).toBe(true);
    expect(parseQuery('pneumonia ', vocabulary).slots[0]?.open).toBe(false);
  });
});
