/** The productivity table's groupings and the period presets. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_UNIT_WEIGHTS } from '../../../src/shared/metrics';
import { summarise, type DayFigures, type ProductivityReport } from '../../../src/shared/productivity';
import { presetRange } from '../../../src/renderer/features/productivity/period';
import { tableRows } from '../../../src/renderer/features/productivity/table-rows';

const zero = { opened: 0, activeSeconds: 0, codesChanged: 0, submitted: 0, resubmitted: 0, held: 0, queriesSent: 0, queriesAnswered: 0, queriesAgreed: 0, queryHoursSum: 0, chartsQueried: 0, chartsAudited: 0, assignedHoursSum: 0, assignedN: 0, serviceDaysSum: 0, serviceN: 0 };
const day = (d: string, userId: string, setting: DayFigures['setting'], submitted: number, activeSeconds: number): DayFigures => ({ ...zero, day: d, userId, setting, submitted, activeSeconds });

const days = [day('2026-09-02', 'u2', 'inpatient', 2, 1800), day('2026-09-01', 'u1', 'emergency', 3, 900), day('2026-09-02', 'u1', 'inpatient', 1, 600)];
const report = {
  days,
  weights: DEFAULT_UNIT_WEIGHTS,
  coders: [
    { userId: 'u1', displayName: 'Ann', ...summarise([], DEFAULT_UNIT_WEIGHTS) },
    { userId: 'u2', displayName: 'Bo', ...summarise([], DEFAULT_UNIT_WEIGHTS) },
  ],
} as unknown as ProductivityReport;

describe('productivity table rows', () => {
  it('sums a coder’s days with the shared formulas', () => {
    const rows = tableRows(report, 'coder');
    expect(rows.map((r) => [r.coder, r.submitted, r.weightedUnits, r.activeMinutes])).toEqual([
      ['Ann', 4, 2.5, 25],
      ['Bo', 2, 2, 30],
    ]);
  });

  it('groups by coder and day in day order, by setting, and by day', () => {
    expect(tableRows(report, 'coder-day').map((r) => [r.day, r.coder, r.submitted])).toEqual([
      ['2026-09-01', 'Ann', 3],
      ['2026-09-02', 'Ann', 1],
      ['2026-09-02', 'Bo', 2],
    ]);
    expect(tableRows(report, 'setting').map((r) => [r.setting, r.submitted])).toEqual([
      ['Emergency', 3],
      ['Inpatient', 3],
    ]);
    expect(tableRows(report, 'day').map((r) => [r.day, r.submitted, r.chartsPerActiveHour])).toEqual([
      ['2026-09-01', 3, 12],
      ['2026-09-02', 3, 4.5],
    ]);
  });

  it('ends the 7/30/90-day periods today, counting today', () => {
    const today = new Date('2026-12-06T15:00:00Z');
    expect(presetRange(7, today)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange(90, today)).toEqual({ from: '2026-09-08', to: '2026-12-06' });
  });
});
