/**
 * What one activity event adds to the day figures of its user and setting: pure, so the
 * desktop workspace (project.ts, SQLite) and the team hub (PostgreSQL) project the same events
 * into the same sums. The facts an event needs about its chart (setting, service date, when it
 * was assigned to this user) are looked up by the caller.
 */
import type { ChartSetting } from '../../../shared/domain';

export interface ActivityEvent {
  at: string;
  userId: string;
  action: string;
  chartId: string | null;
  detail: Readonly<Record<string, unknown>>;
}

/** What the projection needs to know of the event's chart. */
export interface ChartFacts {
  setting: ChartSetting;
  /** Discharge or service date (YYYY-MM-DD). */
  serviceDate: string | null;
  /** When the chart was assigned to the event's user (ISO), if known. */
  assignedAt: string | null;
}

/** The day figures one event adds to (column → amount). */
export type DayDelta = Partial<Record<DayColumn, number>>;

export const DAY_COLUMNS = [
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
export type DayColumn = (typeof DAY_COLUMNS)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The day figures the event adds to, or null when it adds nothing (not chart activity, or no chart known). */
export function dayDelta(e: ActivityEvent, facts: ChartFacts | null): DayDelta | null {
  if (e.chartId === null || facts === null) return null;
  switch (e.action) {
    case 'chart.open':
      return { opened: 1 };
    case 'chart.activity':
      return { active_seconds: Math.max(0, Math.round(num(e.detail.activeSeconds))) };
    case 'coding.change':
      return { codes_changed: count(e.detail.added) + count(e.detail.removed) };
    case 'chart.submit':
      return num(e.detail.version) > 1 ? { resubmitted: 1 } : { submitted: 1, ...turnaround(e, facts) };
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
function turnaround(e: ActivityEvent, facts: ChartFacts): DayDelta {
  const out: DayDelta = {};
  const submitted = Date.parse(e.at);
  if (facts.assignedAt) {
    out.assigned_hours_sum = Math.max(0, submitted - Date.parse(facts.assignedAt)) / HOUR_MS;
    out.assigned_n = 1;
  }
  const service = facts.serviceDate ? Date.parse(`${facts.serviceDate}T00:00:00Z`) : NaN;
  if (Number.isFinite(service)) {
    out.service_days_sum = Math.max(0, Math.floor((Date.parse(`${e.at.slice(0, 10)}T00:00:00Z`) - service) / DAY_MS));
    out.service_n = 1;
  }
  return out;
}

/** The columns an event changes, in DAY_COLUMNS order, with their amounts. */
export const changedColumns = (delta: DayDelta): [DayColumn, number][] =>
  DAY_COLUMNS.filter((c) => (delta[c] ?? 0) !== 0).map((c) => [c, delta[c] as number]);

/** An event's detail as carried (in a package or a push): parsed defensively, anything but an object is empty. */
export function parseEventDetail(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
