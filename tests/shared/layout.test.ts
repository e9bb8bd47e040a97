import { describe, expect, it } from 'vitest';
import { chartLayoutSchema, clampLayout, DEFAULT_CHART_LAYOUT } from '../../src/shared/layout';

describe('chart pane layout', () => {
  it('the default gives the records the widest pane', () => {
    const { recordsPct, detailPct } = DEFAULT_CHART_LAYOUT;
    expect(recordsPct).toBeGreaterThan(100 - recordsPct - detailPct);
    expect(chartLayoutSchema.safeParse(DEFAULT_CHART_LAYOUT).success).toBe(true);
  });

  it('keeps each pane within its limits and the coding pane at 24% or more', () => {
    expect(clampLayout({ recordsPct: 5, detailPct: 90, detailCollapsed: false })).toEqual({ recordsPct: 20, detailPct: 40, detailCollapsed: false });
    expect(clampLayout({ recordsPct: 70, detailPct: 30, detailCollapsed: false })).toEqual({ recordsPct: 62, detailPct: 14, detailCollapsed: false });
    expect(clampLayout({ recordsPct: 60, detailPct: 30, detailCollapsed: false })).toEqual({ recordsPct: 60, detailPct: 16, detailCollapsed: false });
  });

  it('a collapsed detail keeps its width for later and leaves the room to the records', () => {
    expect(clampLayout({ recordsPct: 70, detailPct: 30, detailCollapsed: true })).toEqual({ recordsPct: 70, detailPct: 30, detailCollapsed: true });
  });

  it('refuses widths outside the limits and unknown keys', () => {
    expect(chartLayoutSchema.safeParse({ recordsPct: 95, detailPct: 20, detailCollapsed: false }).success).toBe(false);
    expect(chartLayoutSchema.safeParse({ ...DEFAULT_CHART_LAYOUT, extra: 1 }).success).toBe(false);
  });
});
