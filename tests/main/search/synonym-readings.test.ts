import { describe, expect, it } from 'vitest';
import { readingsOf, singularOf } from '../../../src/main/services/codesets/search/synonym-readings';
import { parseSynonyms } from '../../../src/main/services/codesets/search/synonyms';

const words = (table: ReturnType<typeof parseSynonyms>, typed: string[]) => readingsOf(table, typed).map((r) => r.words.join(' '));

describe('singularOf', () => {
  it('gives a start of the plural, so a prefix search finds both', () => {
    expect(singularOf('stones')).toBe('stone');
    expect(singularOf('pvcs')).toBe('pvc');
    expect(singularOf('injuries')).toBe('injur');
    expect(singularOf('stitches')).toBe('stitch');
    for (const word of ['sepsis', 'abscess', 'herpes', 'injuries', 'ovaries', 'stones']) {
      expect(word.startsWith(singularOf(word))).toBe(true);
    }
  });

  it('leaves words that are not plurals', () => {
    expect(singularOf('sepsis')).toBe('sepsis');
    expect(singularOf('abscess')).toBe('abscess');
    expect(singularOf('virus')).toBe('virus');
    expect(singularOf('gas')).toBe('gas');
    expect(singularOf('b12s')).toBe('b12s');
  });
});

describe('readingsOf', () => {
  const table = parseSynonyms(
    'htn\thypertension\nckd\tchronic kidney disease\nkidney stone\tcalculus of kidney\nringing ears\ttinnitus\npvc\tventricular premature depolarization\n',
  );

  it('reads the words without filler, then their synonyms', () => {
    expect(words(table, ['ringing', 'in', 'the', 'ears'])).toEqual(['ringing ears', 'ringing ear', 'tinnitus']);
  });

  it('reads plurals as singulars, so a synonym phrase still matches', () => {
    expect(words(table, ['kidney', 'stones'])).toEqual(['kidney stone', 'calculus of kidney']);
    const pvcs = readingsOf(table, ['pvcs']);
    // The synonym itself keeps its typed phrase (it makes "PVCs" an abbreviation); the plain reading has none.
    expect(pvcs.map((r) => r.synonym.typed)).toEqual([[], ['pvc']]);
  });

  it('replaces every phrase at once when there are several', () => {
    const readings = readingsOf(table, ['htn', 'ckd', 'stage', '3']);
    expect(readings.map((r) => r.words.join(' '))).toContain('hypertension chronic kidney disease stage 3');
    expect(readings.at(-1)?.synonym.label).toBe('htn: hypertension; ckd: chronic kidney disease');
  });

  it('adds nothing for plain words', () => {
    expect(readingsOf(table, ['fracture', 'femur'])).toEqual([]);
  });
});
