/**
 * The productivity table's rows: the report's groups (by coder, coder and day, setting, day),
 * each already summarised in main with the same shared formulas as every total.
 */
import type { AccuracyFigures, ProductivityReport, Totals } from '../../../shared/productivity';
import { SETTING_LABELS } from '../../lib/labels';

export const GROUPINGS = ['coder', 'coder-day', 'setting', 'day'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const GROUPING_LABELS: Record<Grouping, string> = { coder: 'Coder', 'coder-day': 'Coder × day', setting: 'Setting', day: 'Day' };

export interface TableRow extends Totals, Partial<AccuracyFigures> {
  id: string;
  coder: string;
  day: string;
  setting: string;
}

const blank = { coder: '', day: '', setting: '' };

/** null: the report left the coder × day rows out (a large team over a long period). */
export function tableRows(report: ProductivityReport, grouping: Grouping): TableRow[] | null {
  switch (grouping) {
    case 'coder':
      return report.coders.map((c) => ({ ...c, ...blank, id: c.userId, coder: c.displayName }));
    case 'coder-day':
      return report.coderDays?.map((c) => ({ ...c, ...blank, id: `${c.day}|${c.userId}`, coder: c.displayName, day: c.day })) ?? null;
    case 'setting':
      return report.settings.map((s) => ({ ...s, ...blank, id: s.setting, setting: SETTING_LABELS[s.setting] }));
    case 'day':
      // Days with anything recorded: a quiet day is in the plots, not a row of zeros here.
      return report.daily.filter((d) => d.opened > 0 || d.submitted > 0 || d.holds > 0).map((d) => ({ ...d, ...blank, id: d.day, day: d.day }));
  }
}
