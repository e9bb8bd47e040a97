/**
 * Activity events are audit entries: this workspace's own, and the chart-level ones a coder's
 * result package carried (package_activity). This file turns each event into day figures per
 * user and setting (activity_days) and assignment times (activity_assignments), so a report
 * over 90 days reads thousands of day rows, not millions of events. Every figure is a sum, so
 * the same events give the same figures in any workspace and in any order of arrival (one
 * user's events always come in their own order). Times and counts only: no text is read.
 */
import type { ChartSetting } from '../../../shared/domain';
import type { WorkspaceDb } from '../db/handles';
import { row, run } from '../db/rows';
import { changedColumns, dayDelta, type ActivityEvent, type ChartFacts, type DayDelta } from './day-delta';

export type { ActivityEvent } from './day-delta';

/** Applies one event inside the caller's transaction (it commits with the entry it comes from). */
export function projectActivity(db: WorkspaceDb, e: ActivityEvent): void {
  if (e.action === 'charts.import') return assignImported(db, e);
  if (e.chartId === null) return;
  // A chart reaches a coder by package or by hub check-out: either is its assignment.
  if (e.action === 'package.open' || e.action === 'hub.checkout') {
    const assignedAt = typeof e.detail.assignedAt === 'string' ? e.detail.assignedAt : e.at;
    run(db, 'INSERT OR REPLACE INTO activity_assignments(chart_id, user_id, assigned_at) VALUES (?, ?, ?)', e.chartId, e.userId, assignedAt);
    return;
  }
  const facts = chartFacts(db, e);
  const delta = dayDelta(e, facts);
  if (delta && facts) addToDay(db, e, facts.setting, delta);
}

/** The event's chart as the projection needs it; the assignment is read for a submit only (the one event that uses it). */
function chartFacts(db: WorkspaceDb, e: ActivityEvent): ChartFacts | null {
  // Every event comes with its chart (packages carry only charts sent); one without cannot be put in a setting.
  const chart = row<{ setting: ChartSetting; discharge_date: string }>(db, 'SELECT setting, discharge_date FROM charts WHERE id = ?', e.chartId);
  if (!chart) return null;
  const assigned = e.action === 'chart.submit'
    ? row<{ assigned_at: string }>(db, 'SELECT assigned_at FROM activity_assignments WHERE chart_id = ? AND user_id = ?', e.chartId, e.userId)
    : undefined;
  return { setting: chart.setting, serviceDate: chart.discharge_date, assignedAt: assigned?.assigned_at ?? null };
}

/** An import assigns the charts it created to whoever imported them (unless a package did first). */
function assignImported(db: WorkspaceDb, e: ActivityEvent): void {
  const ids = Array.isArray(e.detail.chartIds) ? e.detail.chartIds : [];
  for (const id of ids) {
    if (typeof id === 'string') run(db, 'INSERT OR IGNORE INTO activity_assignments(chart_id, user_id, assigned_at) VALUES (?, ?, ?)', id, e.userId, e.at);
  }
}

function addToDay(db: WorkspaceDb, e: ActivityEvent, setting: ChartSetting, delta: DayDelta): void {
  const columns = changedColumns(delta);
  if (columns.length === 0) return;
  const names = columns.map(([c]) => c).join(', ');
  const marks = columns.map(() => '?').join(', ');
  const updates = columns.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ');
  run(
    db,
    `INSERT INTO activity_days(day, user_id, setting, ${names}) VALUES (?, ?, ?, ${marks})
     ON CONFLICT(day, user_id, setting) DO UPDATE SET ${updates}`,
    e.at.slice(0, 10), e.userId, setting, ...columns.map(([, n]) => n),
  );
}
