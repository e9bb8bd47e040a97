/** The productivity table's groupings and the period presets. */
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../src/shared/domain';
import { DEFAULT_UNIT_WEIGHTS } from '../../../src/shared/metrics';
import { summarise, type FigureSums, type ProductivityReport } from '../../../src/shared/productivity';
import { presetRange } from '../../../src/renderer/features/productivity/period';
import { tableRows } from '../../../src/renderer/features/productivity/table-rows';

const none = Object.fromEntries(SETTINGS.map((s) => [s, 0])) as FigureSums['submittedBySetting'];
const sums = (inpatient: number, emergency: number, activeSeconds: number): FigureSums => ({
  opened: 1, activeSeconds, codesChanged: 0, submittedBySetting: { ...none, inpatient, emergency }, resubmitted: 0, held: 0, queriesSent: 0,
  queriesAnswered: 0, queriesAgreed: 0, queryHoursSum: 0, chartsQueried: 0, chartsAudited: 0, assignedHoursSum: 0, assignedN: 0, serviceDaysSum: 0, serviceN: 0,
});
const totals = (inpatient: number, emergency: number, activeSeconds: number) => summarise(sums(inpatient, emergency, activeSeconds), DEFAULT_UNIT_WEIGHTS);

const report = {
  weights: DEFAULT_UNIT_WEIGHTS,
  coders: [{ userId: 'u1', displayName: 'Ann', ...totals(1, 3, 1500) }],
  coderDays: [
    { day: '2026-09-01', userId: 'u1', displayName: 'Ann', ...totals(0, 3, 900) },
    { day: '2026-09-02', userId: 'u1', displayName: 'Ann', ...totals(1, 0, 600) },
  ],
  settings: SETTINGS.map((setting) => ({ setting, ...totals(setting === 'inpatient' ? 1 : 0, setting === 'emergency' ? 3 : 0, 0) })),
  daily: [
    { day: '2026-09-01', ...totals(0, 3, 900) },
    { day: '2026-09-02', ...totals(1, 0, 600) },
    { day: '2026-09-03', ...summarise({ ...sums(0, 0, 0), opened: 0 }, DEFAULT_UNIT_WEIGHTS) },
  ],
} as unknown as ProductivityReport;

describe('productivity table rows', () => {
  it('shows the groups main summarised, named for the table', () => {
    expect(tableRows(report, 'coder')!.map((r) => [r.coder, r.submitted, r.weightedUnits, r.activeMinutes])).toEqual([['Ann', 4, 2.5, 25]]);
    expect(tableRows(report, 'coder-day')!.map((r) => [r.day, r.coder, r.submitted, r.chartsPerActiveHour])).toEqual([
      ['2026-09-01', 'Ann', 3, 12],
      ['2026-09-02', 'Ann', 1, 6],
    ]);
    expect(tableRows(report, 'setting')!.map((r) => [r.setting, r.submitted])).toEqual([
      ['Inpatient', 1],
      ['Outpatient surgery', 0],
      ['Emergency', 3],
      ['Professional fee', 0],
    ]);
  });

  it('leaves quiet days out of the day rows, and says when coder × day rows were left out', () => {
    expect(tableRows(report, 'day')!.map((r) => r.day)).toEqual(['2026-09-01', '2026-09-02']);
    expect(tableRows({ ...report, coderDays: null }, 'coder-day')).toBeNull();
  });

  it('ends the 7/30/90-day periods today, counting today', () => {
    const today = new Date('2026-12-06T15:00:00Z');
    expect(presetRange(7, today)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange(90, today)).toEqual({ from: '2026-09-08', to: '2026-12-06' });
  });
});
