/**
 * The productivity table's rows: the recorded day figures grouped by coder, coder and day,
 * setting, or day, each group summarised with the same shared formulas as every total.
 */
import type { ChartSetting } from '../../../shared/domain';
import { summarise, type DayFigures, type ProductivityReport, type Totals } from '../../../shared/productivity';
import { SETTING_LABELS } from '../../lib/labels';

export const GROUPINGS = ['coder', 'coder-day', 'setting', 'day'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const GROUPING_LABELS: Record<Grouping, string> = { coder: 'Coder', 'coder-day': 'Coder × day', setting: 'Setting', day: 'Day' };

export interface TableRow extends Totals {
  id: string;
  coder: string;
  day: string;
  setting: string;
}

export function tableRows(report: ProductivityReport, grouping: Grouping): TableRow[] {
  const names = new Map(report.coders.map((c) => [c.userId, c.displayName]));
  const keyOf = (d: DayFigures): string =>
    grouping === 'coder' ? d.userId : grouping === 'coder-day' ? `${d.day}|${d.userId}` : grouping === 'setting' ? d.setting : d.day;
  const groups = new Map<string, DayFigures[]>();
  for (const d of report.days) {
    const key = keyOf(d);
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const rows = [...groups].map(([id, figures]) => {
    const first = figures[0] as DayFigures;
    return {
      id,
      coder: grouping === 'coder' || grouping === 'coder-day' ? (names.get(first.userId) ?? first.userId) : '',
      day: grouping === 'coder-day' || grouping === 'day' ? first.day : '',
      setting: grouping === 'setting' ? SETTING_LABELS[first.setting as ChartSetting] : '',
      ...summarise(figures, report.weights),
    };
  });
  // Days in order, then coders by name: the order a supervisor reads before choosing a sort.
  return rows.sort((a, b) => a.day.localeCompare(b.day) || a.coder.localeCompare(b.coder) || a.setting.localeCompare(b.setting));
}
