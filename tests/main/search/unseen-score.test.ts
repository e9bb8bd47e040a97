/** The unseen-set scoring helpers of `npm run bench -- searchUnseen` (made-up answers, no query of the set). */
import { describe, expect, it } from 'vitest';
import { holdsPair, outcomeOf, pairShare, spreadOrder, tallyByKind, topFiveFlags } from '../../bench/search-quality/unseen/score';

describe('tallyByKind', () => {
  it('counts top-1, top-5 and empty answers per kind and over all', () => {
    const outcomes = [
      outcomeOf(['A01.1', 'B02'], ['A01.1']),
      outcomeOf(['X', 'Y', 'Z', 'W', 'A01.2'], ['A01.*']),
      outcomeOf(['X', 'Y', 'Z', 'W', 'V', 'A01.2'], ['A01.2']),
      outcomeOf([], ['A01.2']),
    ];
    const tally = tallyByKind(['lay', 'lay', 'drug', 'drug'], outcomes);
    expect(tally.lay).toEqual({ queries: 2, top1: 0.5, top5: 1, empty: 0 });
    expect(tally.drug).toEqual({ queries: 2, top1: 0, top5: 0, empty: 1 });
    expect(tally.all).toEqual({ queries: 4, top1: 0.25, top5: 0.5, empty: 1 });
  });

  it('rounds shares to three decimals', () => {
    const tally = tallyByKind(['term', 'term', 'term'], [outcomeOf(['A'], ['A']), outcomeOf(['B'], ['A']), outcomeOf(['B'], ['A'])]);
    expect(tally.term.top1).toBe(0.333);
  });

  it('refuses kinds and outcomes of different lengths', () => {
    expect(() => tallyByKind(['term'], [])).toThrow(RangeError);
  });
});

describe('pairs', () => {
  it('holds a pair only when both codes are in the top 5', () => {
    expect(holdsPair(['E11.9', 'X', 'Z79.4'], ['E11.9', 'Z79.4'])).toBe(true);
    expect(holdsPair(['E11.9', 'X', 'Y', 'W', 'V', 'Z79.4'], ['E11.9', 'Z79.4'])).toBe(false);
    expect(holdsPair(['E11.65', 'Z79.4'], ['E11.6*', 'Z79.4'])).toBe(true);
  });

  it('shares over the queries with a pair only', () => {
    const queries = [{ pair: ['A', 'B'] as const }, {}, { pair: ['C', 'D'] as const }];
    expect(pairShare(queries, [['A', 'B'], [], ['C']])).toEqual({ queries: 2, bothInTop5: 0.5 });
    expect(pairShare([{}], [[]])).toEqual({ queries: 0, bothInTop5: null });
  });
});

describe('topFiveFlags', () => {
  const terminated = new Set(['J1234']);
  const hit = (system: string, code: string, billable = true) => ({ system, code, billable });

  it('flags a terminated HCPCS code in the top 5 only', () => {
    expect(topFiveFlags([hit('hcpcs', 'J1234')], terminated).terminated).toBe(true);
    expect(topFiveFlags([hit('icd10pcs', 'J1234')], terminated).terminated).toBe(false);
    const late = [1, 2, 3, 4, 5].map((n) => hit('hcpcs', `J000${n}`));
    expect(topFiveFlags([...late, hit('hcpcs', 'J1234')], terminated).terminated).toBe(false);
  });

  it('calls a top 5 header-only when it is not empty and nothing in it is billable', () => {
    expect(topFiveFlags([hit('icd10cm', 'S72', false), hit('icd10cm', 'S72.0', false)], terminated).headerOnly).toBe(true);
    expect(topFiveFlags([hit('icd10cm', 'S72', false), hit('icd10cm', 'S72.001A')], terminated).headerOnly).toBe(false);
    expect(topFiveFlags([], terminated).headerOnly).toBe(false);
  });
});

describe('spreadOrder', () => {
  it('visits every index once, spreading the first ones across the list', () => {
    expect(spreadOrder(8)).toEqual([0, 4, 2, 6, 1, 5, 3, 7]);
    const order = spreadOrder(177);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 177 }, (_, i) => i));
    expect(order.slice(0, 4)).toEqual([0, 128, 64, 32]);
    expect(spreadOrder(1)).toEqual([0]);
    expect(spreadOrder(0)).toEqual([]);
  });
});
