/** The audit sample: reproducible from seed and data, proportional by stratum, clear refusals. */
import { describe, expect, it } from 'vitest';
import { allocate, drawSample, type SampleCandidate } from '../../src/shared/audit-sample';
import { SETTINGS } from '../../src/shared/domain';
import { AppFailure, ErrorCode } from '../../src/shared/result';

// 200 charts: coder c1 has 100, c2 60, c3 30, c4 10; settings in turn.
const CODERS = [...Array(100).fill('c1'), ...Array(60).fill('c2'), ...Array(30).fill('c3'), ...Array(10).fill('c4')] as string[];
const POPULATION: SampleCandidate[] = CODERS.map((coderId, i) => ({
  chartId: `CH${String(i).padStart(4, '0')}`,
  coderId,
  setting: SETTINGS[i % SETTINGS.length] as SampleCandidate['setting'],
  submittedAt: '2026-05-01',
}));

/** A fixed reordering of the population, as a database might return it. */
const shuffled = POPULATION.map((c, i) => ({ c, k: (i * 7919) % 211 })).sort((a, b) => a.k - b.k).map(({ c }) => c);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe(ErrorCode.BadInput);
    return (error as AppFailure).message;
  }
  throw new Error('expected a refusal');
}

describe('drawSample: reproducible', () => {
  it('draws the same sample for the same seed and data, whatever the input order', () => {
    const a = drawSample(POPULATION, { size: { count: 20 }, strata: 'none', seed: 'audit-2026-05' });
    const b = drawSample(shuffled, { size: { count: 20 }, strata: 'none', seed: 'audit-2026-05' });
    expect(b).toEqual(a);
    expect(a.chartIds).toHaveLength(20);
    expect(new Set(a.chartIds).size).toBe(20);
    expect(a.chartIds).toEqual([...a.chartIds].sort());
    expect(a.seed).toBe('audit-2026-05');
    expect(a.perStratum).toEqual([{ stratum: 'all', population: 200, sampled: 20 }]);
  });

  it('draws another sample for another seed, and reads a number seed as its text', () => {
    const a = drawSample(POPULATION, { size: { count: 20 }, strata: 'none', seed: 1 });
    expect(drawSample(POPULATION, { size: { count: 20 }, strata: 'none', seed: 2 }).chartIds).not.toEqual(a.chartIds);
    expect(drawSample(POPULATION, { size: { count: 20 }, strata: 'none', seed: '1' })).toEqual(a);
  });

  it('keeps a pinned sample: the generator and the draw order do not drift', () => {
    expect(drawSample(POPULATION.slice(0, 10), { size: { count: 3 }, strata: 'none', seed: 'pin' }).chartIds).toMatchInlineSnapshot(`
      [
        "CH0000",
        "CH0006",
        "CH0008",
      ]
    `);
  });
});

describe('drawSample: size and strata', () => {
  it('takes a percentage rounded up, without floating-point overshoot', () => {
    expect(drawSample(POPULATION, { size: { percent: 10 }, strata: 'none', seed: 's' }).chartIds).toHaveLength(20);
    const larger = Array.from({ length: 250 }, (_, i) => ({ ...(POPULATION[0] as SampleCandidate), chartId: `X${i}` }));
    expect(drawSample(larger, { size: { percent: 64.4 }, strata: 'none', seed: 's' }).chartIds).toHaveLength(161);
    expect(drawSample(POPULATION.slice(0, 7), { size: { percent: 10 }, strata: 'none', seed: 's' }).chartIds).toHaveLength(1);
    expect(drawSample(POPULATION, { size: { percent: 100 }, strata: 'none', seed: 's' }).chartIds).toHaveLength(200);
  });

  it('allocates by coder in proportion, every drawn chart from its own stratum', () => {
    const sample = drawSample(shuffled, { size: { count: 20 }, strata: 'coder', seed: 7 });
    expect(sample.perStratum).toEqual([
      { stratum: 'c1', population: 100, sampled: 10 },
      { stratum: 'c2', population: 60, sampled: 6 },
      { stratum: 'c3', population: 30, sampled: 3 },
      { stratum: 'c4', population: 10, sampled: 1 },
    ]);
    const coderOf = new Map(POPULATION.map((c) => [c.chartId, c.coderId]));
    const drawn = sample.chartIds.map((id) => coderOf.get(id));
    expect(['c1', 'c2', 'c3', 'c4'].map((c) => drawn.filter((d) => d === c).length)).toEqual([10, 6, 3, 1]);
  });

  it('gives every stratum at least one chart when the size allows, and stratifies by setting', () => {
    // 8 of 200: exact shares 4, 2.4, 1.2, 0.4; the spare one goes to c2 (tied with c4, earlier),
    // then c4 gets one from c2, the stratum furthest above its share (3 against 2.4).
    expect(drawSample(POPULATION, { size: { count: 8 }, strata: 'coder', seed: 7 }).perStratum.map((s) => s.sampled)).toEqual([4, 2, 1, 1]);
    expect(drawSample(POPULATION, { size: { count: 2 }, strata: 'coder', seed: 7 }).perStratum.map((s) => s.sampled)).toEqual([1, 1, 0, 0]);
    const bySetting = drawSample(POPULATION, { size: { count: 40 }, strata: 'setting', seed: 7 });
    expect(bySetting.perStratum.map((s) => `${s.stratum} ${s.sampled}/${s.population}`)).toEqual(['emergency 10/50', 'inpatient 10/50', 'outpatient_surgery 10/50', 'professional 10/50']);
  });

  it('allocates by largest remainder, ties to the earlier stratum', () => {
    expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(allocate([5, 3, 2], 5)).toEqual([3, 1, 1]);
    expect(allocate([97, 1, 1, 1], 4)).toEqual([1, 1, 1, 1]);
  });
});

describe('drawSample: refusals', () => {
  const spec = { strata: 'none' as const, seed: 's' };

  it('refuses a sample larger than the population, naming both', () => {
    expect(refusal(() => drawSample(POPULATION, { ...spec, size: { count: 201 } }))).toBe('The sample size (201) is larger than the population (200 charts).');
  });

  it('refuses a size of zero, below zero or not whole', () => {
    for (const count of [0, -3, 2.5]) expect(refusal(() => drawSample(POPULATION, { ...spec, size: { count } }))).toMatch(/whole number of at least 1/);
  });

  it('refuses a percentage outside (0, 100]', () => {
    for (const percent of [0, -1, 100.1, Number.NaN]) expect(refusal(() => drawSample(POPULATION, { ...spec, size: { percent } }))).toMatch(/more than 0 and at most 100/);
  });

  it('refuses an empty population, a chart listed twice and a blank seed', () => {
    expect(refusal(() => drawSample([], { ...spec, size: { count: 1 } }))).toMatch(/no submitted charts/);
    expect(refusal(() => drawSample([...POPULATION, POPULATION[0] as SampleCandidate], { ...spec, size: { count: 1 } }))).toMatch(/listed twice/);
    expect(refusal(() => drawSample(POPULATION, { ...spec, seed: ' ', size: { count: 1 } }))).toMatch(/needs a seed/);
  });
});
