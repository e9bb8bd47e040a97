/** The metric definitions every screen and export shares, and their arithmetic. */
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/shared/domain';
import {
  DEFAULT_UNIT_WEIGHTS, METRIC_IDS, METRICS, chartsPerActiveHour, metricDefinition, percent, weightedUnits,
} from '../../src/shared/metrics';

describe('metric definitions', () => {
  it('defines every metric exactly once, with a formula, a unit and what it leaves out', () => {
    expect(METRICS.map((m) => m.id).sort()).toEqual([...METRIC_IDS].sort());
    for (const id of METRIC_IDS) {
      const m = metricDefinition(id);
      expect(m.id).toBe(id);
      expect(m.label.length).toBeGreaterThan(3);
      expect(m.formula.length).toBeGreaterThan(20);
      expect(m.excludes.length).toBeGreaterThan(5);
    }
  });

  it('has a default weight for every setting, as the issue and DOMAIN.md give them', () => {
    expect(Object.keys(DEFAULT_UNIT_WEIGHTS).sort()).toEqual([...SETTINGS].sort());
    expect(DEFAULT_UNIT_WEIGHTS).toEqual({ inpatient: 1, outpatient_surgery: 0.75, emergency: 0.5, professional: 0.25 });
  });
});

describe('metric arithmetic', () => {
  it('weighs charts by setting, with the workspace’s own weights when given', () => {
    expect(weightedUnits({ inpatient: 3, emergency: 2, professional: 1 })).toBe(4.25);
    expect(weightedUnits({})).toBe(0);
    expect(weightedUnits({ inpatient: 2 }, { inpatient: 1.5, outpatient_surgery: 1, emergency: 1, professional: 1 })).toBe(3);
  });

  it('gives no rate where nothing was measured, instead of infinity or zero', () => {
    expect(chartsPerActiveHour(6, 90)).toBe(4);
    expect(chartsPerActiveHour(3, 0)).toBeNull();
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });
});
