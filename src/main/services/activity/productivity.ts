/**
 * The productivity report over a period: the recorded day figures (project.ts), summarised
 * per coder, per day and for the team with shared/productivity.ts, the same period before for
 * the trend, and the backlog at the period's end. Ids and counts only: no patient data is read.
 */
import { median } from '../../../shared/metrics';
import {
  BACKLOG_BANDS, summarise, type Backlog, type CoderTotals, type DayFigures, type ProductivityReport, type UnitWeights,
} from '../../../shared/productivity';
import { AppFailure } from '../../../shared/result';
import type { WorkspaceDb } from '../db/handles';
import { rows } from '../db/rows';

const DAY_MS = 86_400_000;
/** A report covers at most this many days (a year and a leap day, with the previous period beside it). */
export const MAX_REPORT_DAYS = 366;

export interface ReportRange {
  from: string;
  to: string;
}

export interface ReportArgs extends ReportRange {
  /** Only this user's figures (a coder's own view); null for the whole team. */
  userId: string | null;
  weights: UnitWeights;
  /** Names for the ids in the figures (this profile and the pinned cards). */
  names: ReadonlyMap<string, string>;
  /** The backlog counts charts assigned to this name only (a coder's own view); null for all. */
  assignee: string | null;
}

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Refuses a reversed, impossible or too long range with a plain reason. */
export function checkRange(range: ReportRange): void {
  const from = dayMs(range.from);
  const to = dayMs(range.to);
  if (!Number.isFinite(from) || dayOf(from) !== range.from) throw new AppFailure('BAD_INPUT', `The start date ${range.from} is not a calendar date.`);
  if (!Number.isFinite(to) || dayOf(to) !== range.to) throw new AppFailure('BAD_INPUT', `The end date ${range.to} is not a calendar date.`);
  if (to < from) throw new AppFailure('BAD_INPUT', `The date range is reversed: ${range.from} is after ${range.to}. Give the earlier date first.`);
  if ((to - from) / DAY_MS + 1 > MAX_REPORT_DAYS) throw new AppFailure('BAD_INPUT', `A report covers at most ${MAX_REPORT_DAYS} days.`);
}

/** The period of the same length ending the day before `from`. */
export function previousPeriod(range: ReportRange): ReportRange {
  const days = (dayMs(range.to) - dayMs(range.from)) / DAY_MS + 1;
  return { from: dayOf(dayMs(range.from) - days * DAY_MS), to: dayOf(dayMs(range.from) - DAY_MS) };
}

const FIGURES_SQL = `SELECT day, user_id AS userId, setting, opened, active_seconds AS activeSeconds, codes_changed AS codesChanged,
  submitted, resubmitted, held, queries_sent AS queriesSent, queries_answered AS queriesAnswered, queries_agreed AS queriesAgreed,
  query_hours_sum AS queryHoursSum, charts_queried AS chartsQueried, charts_audited AS chartsAudited,
  assigned_hours_sum AS assignedHoursSum, assigned_n AS assignedN, service_days_sum AS serviceDaysSum, service_n AS serviceN
  FROM activity_days WHERE day BETWEEN ? AND ?`;

export function dayFigures(db: WorkspaceDb, range: ReportRange, userId: string | null): DayFigures[] {
  return userId === null
    ? rows<DayFigures>(db, `${FIGURES_SQL} ORDER BY day, user_id, setting`, range.from, range.to)
    : rows<DayFigures>(db, `${FIGURES_SQL} AND user_id = ? ORDER BY day, setting`, range.from, range.to, userId);
}

export function productivityReport(db: WorkspaceDb, args: ReportArgs): ProductivityReport {
  checkRange(args);
  const days = dayFigures(db, args, args.userId);
  const previous = previousPeriod(args);
  const byUser = groupBy(days, (d) => d.userId);
  const byDay = groupBy(days, (d) => d.day);
  const coders: CoderTotals[] = [...byUser].map(([userId, figures]) => ({
    userId,
    displayName: args.names.get(userId) ?? userId,
    ...summarise(figures, args.weights),
  }));
  coders.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
  const daily = [];
  for (let t = dayMs(args.from); t <= dayMs(args.to); t += DAY_MS) {
    const day = dayOf(t);
    daily.push({ day, ...summarise(byDay.get(day) ?? [], args.weights) });
  }
  return {
    from: args.from,
    to: args.to,
    previous: { ...previous, team: summarise(dayFigures(db, previous, args.userId), args.weights) },
    weights: args.weights,
    scope: args.userId === null ? 'team' : 'own',
    team: summarise(days, args.weights),
    coders,
    daily,
    days,
    backlog: backlogAt(db, args.to, args.assignee),
  };
}

/** Charts discharged or served by `asOf` with no first submission by the end of that day. */
export function backlogAt(db: WorkspaceDb, asOf: string, assignee: string | null): Backlog {
  const end = `${dayOf(dayMs(asOf) + DAY_MS)}T00:00:00.000Z`;
  const ages = rows<{ discharge_date: string }>(
    db,
    `SELECT c.discharge_date FROM charts c
     WHERE c.discharge_date <= ? AND (? IS NULL OR c.assignee = ?)
       AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.chart_id = c.id AND s.version = 1 AND s.submitted_at < ?)`,
    asOf, assignee, assignee, end,
  ).map((r) => Math.max(0, Math.round((dayMs(asOf) - dayMs(r.discharge_date)) / DAY_MS)));
  return {
    asOf,
    count: ages.length,
    medianAgeDays: median(ages),
    oldestAgeDays: ages.length ? ages.reduce((a, b) => Math.max(a, b), 0) : null,
    bands: BACKLOG_BANDS.map((b) => ({ ...b, count: ages.filter((a) => a >= b.minDays && (b.maxDays === null || a <= b.maxDays)).length })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
