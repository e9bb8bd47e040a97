/**
 * Activity events are audit entries: this workspace's own, and the chart-level ones a coder's
 * result package carried (package_activity). This file turns each event into day figures per
 * user and setting (activity_days) and assignment times (activity_assignments), so a report
 * over 90 days reads thousands of day rows, not millions of events. Every figure is a sum, so
 * the same events give the same figures in any workspace and in any order of arrival (one
 * user's events always come in their own order). Times and counts only: no text is read.
 */
import type { WorkspaceDb } from '../db/handles';
import { row, run } from '../db/rows';

export interface ActivityEvent {
  at: string;
  userId: string;
  action: string;
  chartId: string | null;
  detail: Readonly<Record<string, unknown>>;
}

/** The day figures one event adds to (column → amount). */
type DayDelta = Partial<Record<DayColumn, number>>;

const DAY_COLUMNS = [
  'opened',
  'active_seconds',
  'codes_changed',
  'submitted',
  'resubmitted',
  'held',
  'queries_sent',
  'queries_answered',
  'queries_agreed',
  'query_hours_sum',
  'charts_queried',
  'charts_audited',
  'assigned_hours_sum',
  'assigned_n',
  'service_days_sum',
  'service_n',
] as const;
type DayColumn = (typeof DAY_COLUMNS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Applies one event inside the caller's transaction (it commits with the entry it comes from). */
export function projectActivity(db: WorkspaceDb, e: ActivityEvent): void {
  if (e.action === 'charts.import') return assignImported(db, e);
  if (e.chartId === null) return;
  if (e.action === 'package.open') {
    const assignedAt = typeof e.detail.assignedAt === 'string' ? e.detail.assignedAt : e.at;
    run(db, 'INSERT OR REPLACE INTO activity_assignments(chart_id, user_id, assigned_at) VALUES (?, ?, ?)', e.chartId, e.userId, assignedAt);
    return;
  }
  const delta = dayDelta(db, e);
  if (delta) addToDay(db, e, delta);
}

function dayDelta(db: WorkspaceDb, e: ActivityEvent): DayDelta | null {
  switch (e.action) {
    case 'chart.open':
      return { opened: 1 };
    case 'chart.activity':
      return { active_seconds: Math.max(0, Math.round(num(e.detail.activeSeconds))) };
    case 'coding.change':
      return { codes_changed: count(e.detail.added) + count(e.detail.removed) };
    case 'chart.submit':
      return num(e.detail.version) > 1 ? { resubmitted: 1 } : { submitted: 1, ...turnaround(db, e) };
    case 'chart.hold':
      return { held: 1 };
    case 'query.send':
      return { queries_sent: 1, charts_queried: e.detail.firstForChart === true ? 1 : 0 };
    case 'query.answer':
      return { queries_answered: 1, queries_agreed: e.detail.agreed === true ? 1 : 0, query_hours_sum: num(e.detail.hoursSinceSent) };
    case 'audit.complete':
      return { charts_audited: 1 };
    default:
      return null;
  }
}

/** Hours since the chart was assigned to the submitter, and days since its discharge or service date. */
function turnaround(db: WorkspaceDb, e: ActivityEvent): DayDelta {
  const out: DayDelta = {};
  const submitted = Date.parse(e.at);
  const assigned = row<{ assigned_at: string }>(db, 'SELECT assigned_at FROM activity_assignments WHERE chart_id = ? AND user_id = ?', e.chartId, e.userId);
  if (assigned) {
    out.assigned_hours_sum = Math.max(0, submitted - Date.parse(assigned.assigned_at)) / HOUR_MS;
    out.assigned_n = 1;
  }
  const chart = row<{ discharge_date: string }>(db, 'SELECT discharge_date FROM charts WHERE id = ?', e.chartId);
  const service = chart ? Date.parse(`${chart.discharge_date}T00:00:00Z`) : NaN;
  if (Number.isFinite(service)) {
    out.service_days_sum = Math.max(0, Math.floor((Date.parse(`${e.at.slice(0, 10)}T00:00:00Z`) - service) / DAY_MS));
    out.service_n = 1;
  }
  return out;
}

/** An import assigns the charts it created to whoever imported them (unless a package did first). */
function assignImported(db: WorkspaceDb, e: ActivityEvent): void {
  const ids = Array.isArray(e.detail.chartIds) ? e.detail.chartIds : [];
  for (const id of ids) {
    if (typeof id === 'string') run(db, 'INSERT OR IGNORE INTO activity_assignments(chart_id, user_id, assigned_at) VALUES (?, ?, ?)', id, e.userId, e.at);
  }
}

function addToDay(db: WorkspaceDb, e: ActivityEvent, delta: DayDelta): void {
  const setting = row<{ setting: string }>(db, 'SELECT setting FROM charts WHERE id = ?', e.chartId)?.setting;
  // Every event comes with its chart (packages carry only charts sent); one without cannot be put in a setting.
  if (!setting) return;
  const columns = DAY_COLUMNS.filter((c) => (delta[c] ?? 0) !== 0);
  if (columns.length === 0) return;
  const names = columns.join(', ');
  const marks = columns.map(() => '?').join(', ');
  const updates = columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
  run(
    db,
    `INSERT INTO activity_days(day, user_id, setting, ${names}) VALUES (?, ?, ?, ${marks})
     ON CONFLICT(day, user_id, setting) DO UPDATE SET ${updates}`,
    e.at.slice(0, 10), e.userId, setting, ...columns.map((c) => delta[c] as number),
  );
}
