import { describe, expect, it } from 'vitest';
import { spineLevels } from '../../../../src/main/services/codesets/search/vocabulary/spine-levels';

describe('vertebral levels', () => {
  it('reads a level as ICD-10-CM and ICD-10-PCS titles name it', () => {
    const words = (t: string) => spineLevels.phrasesAt([t], 0)[0]?.readings.map((r) => r.words.join(' '));
    expect(words('l1')).toEqual(['first lumbar vertebra', 'lumbar vertebral']);
    expect(words('c5')).toEqual(['fifth cervical vertebra', 'cervical vertebral']);
    expect(words('t12')?.[0]).toBe('twelfth thoracic vertebra');
  });

  it('reads a pair across two regions as the junction titles name (L5-S1: lumbosacral)', () => {
    const first = (tokens: string[]) => spineLevels.phrasesAt(tokens, 0)[0];
    expect(first(['l5', 's1'])).toEqual({ length: 2, readings: [expect.objectContaining({ words: ['lumbosacral'] })] });
    expect(first(['c7', 't1'])?.readings[0]?.words).toEqual(['cervicothoracic']);
    expect(first(['t12', 'l1'])?.readings[0]?.words).toEqual(['thoracolumbar']);
    // Within one region the levels stay single.
    expect(first(['l4', 'l5'])?.length).toBe(1);
  });

  it('reads nothing that is not a level', () => {
    for (const t of ['l6', 'c8', 't13', 'x1', 'l', 'lumbar']) expect(spineLevels.phrasesAt([t], 0)).toEqual([]);
  });
});
