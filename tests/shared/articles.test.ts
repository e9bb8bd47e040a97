import { describe, expect, it } from 'vitest';
import { indefiniteArticle, withArticle } from '../../src/shared/articles';

describe('indefinite articles', () => {
  it('the MCE age groups read right: an adult, a newborn, a pediatric, a maternity', () => {
    expect(withArticle('adult (age 15 to 124)')).toBe('an adult (age 15 to 124)');
    expect(withArticle('newborn (age 0)')).toBe('a newborn (age 0)');
    expect(withArticle('pediatric (age 0 to 17)')).toBe('a pediatric (age 0 to 17)');
    expect(withArticle('maternity (age 9 to 64)')).toBe('a maternity (age 9 to 64)');
  });

  it('goes by sound, not by letter: vowels with a consonant sound, a silent h', () => {
    expect(indefiniteArticle('elderly patient')).toBe('an');
    expect(indefiniteArticle('infant')).toBe('an');
    expect(indefiniteArticle('unit')).toBe('a');
    expect(indefiniteArticle('usual case')).toBe('a');
    expect(indefiniteArticle('one-day stay')).toBe('a');
    expect(indefiniteArticle('hour')).toBe('an');
    expect(indefiniteArticle('hospital')).toBe('a');
  });

  it('reads acronyms and numbers aloud: an MCE edit, a POA value, an 18-year-old, a 67-year-old', () => {
    expect(indefiniteArticle('MCE edit')).toBe('an');
    expect(indefiniteArticle('HCPCS code')).toBe('an');
    expect(indefiniteArticle('ICD-10-CM code')).toBe('an');
    expect(indefiniteArticle('POA value')).toBe('a');
    expect(indefiniteArticle('UTI')).toBe('a');
    expect(indefiniteArticle('18-year-old')).toBe('an');
    expect(indefiniteArticle('8-year-old')).toBe('an');
    expect(indefiniteArticle('80-year-old')).toBe('an');
    expect(indefiniteArticle('67-year-old')).toBe('a');
    expect(indefiniteArticle('11')).toBe('an');
    expect(indefiniteArticle('')).toBe('a');
  });
});
