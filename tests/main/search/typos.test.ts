import { describe, expect, it } from 'vitest';
import { correctWord, lexiconOf } from '../../../src/main/services/codesets/search/typos';

const lexicon = lexiconOf([
  'pneumonia', 'pneumonitis', 'pneumothorax', 'diabetes', 'diabetic', 'fibrillation', 'flutter',
  'hypertension', 'hypotension', 'femur', 'fracture', 'kidney', 'atrial',
]);

describe('correctWord', () => {
  it('corrects a misspelt word to the closest indexed words', () => {
    expect(correctWord(lexicon, 'pnuemonia')).toEqual({ typed: 'pnuemonia', words: ['pneumonia'], prefix: null });
    expect(correctWord(lexicon, 'diabtes')?.words).toEqual(['diabetes']);
    expect(correctWord(lexicon, 'fibrilation')?.words).toEqual(['fibrillation']);
    expect(correctWord(lexicon, 'hypertention')?.words).toEqual(['hypertension']);
  });

  it('reads an unfinished misspelt word as the start of a word', () => {
    expect(correctWord(lexicon, 'pnuemo')).toEqual({ typed: 'pnuemo', words: [], prefix: 'pneumo' });
  });

  it('corrects a swap of the first two letters', () => {
    expect(correctWord(lexicon, 'ifbrillation')?.words).toEqual(['fibrillation']);
  });

  it('leaves short words, words with digits and words far from every word alone', () => {
    expect(correctWord(lexicon, 'fmr')).toBeNull();
    expect(correctWord(lexicon, 'femur2')).toBeNull();
    expect(correctWord(lexicon, 'zzzzzzzz')).toBeNull();
    // Two edits only from eight letters on.
    expect(correctWord(lexicon, 'kdnee')).toBeNull();
  });
});
