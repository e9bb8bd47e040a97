import { describe, expect, it } from 'vitest';
import { isNarrowingWord, termHints, titleWordsFor } from '../../../src/main/services/codesets/search/pcs-words';

describe('PCS words as surgeons write them', () => {
  it('maps approach words to the PCS approach names', () => {
    expect(titleWordsFor('laparoscopic')).toEqual(['percutaneous', 'endoscopic']);
    expect(titleWordsFor('robotic')).toEqual(['percutaneous', 'endoscopic']);
    expect(titleWordsFor('transurethral')).toEqual(['via', 'natural', 'opening', 'endoscopic']);
    expect(titleWordsFor('closed')).toEqual(['external']);
    expect(titleWordsFor('gallbladder')).toEqual(['gallbladder']);
  });

  it('knows which words only narrow a procedure', () => {
    expect(isNarrowingWord('left')).toBe(true);
    expect(isNarrowingWord('laparoscopic')).toBe(true);
    expect(isNarrowingWord('cholecystectomy')).toBe(false);
  });

  it('reads the body part and implied approach from an operation name', () => {
    expect(termHints('Tonsillectomy')).toEqual({ stems: ['tonsi'], approach: null, explained: [] });
    expect(termHints('Appendectomy').stems).toEqual(['appen']);
    expect(termHints('Paracentesis, Peritoneal Cavity').approach).toEqual(['percutaneous']);
    expect(termHints('Drainage').stems).toEqual([]);
  });

  it('reads the words a term explains in parentheses, approach words mapped', () => {
    const hints = termHints('TURP (transurethral resection of prostate)');
    expect(hints.explained).toEqual([['via', 'natural', 'opening', 'endoscopic'], ['resection'], ['prostate']]);
    expect(hints.stems).toEqual([]);
  });
});
