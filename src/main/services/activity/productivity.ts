/**
 * The productivity report over a period: the recorded day figures (project.ts), summarised
 * per coder, per day and for the team with shared/productivity.ts, the same period before for
 * the trend, and the backlog at the period's end. Ids and counts only: no patient data is read.
 */
import { SETTINGS, type ChartSetting } from '../../../shared/domain';
import {
  accuracyFigures, addSums, BACKLOG_BANDS, CODER_DAYS_ON_SCREEN, emptySums, summarise, type AccuracyFigures, type Backlog, type Totals, type FigureSums, type ProductivityReport, type UnitWeights,
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
  /** Accuracy of the period's audited charts: the team's and each coder's, both measures in percent. */
  accuracy?: { team: AccuracyPair; byCoder: ReadonlyMap<string, AccuracyPair> };
}

export interface AccuracyPair {
  codeLevel: number | null;
  recordLevel: number | null;
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

export type GroupBy = 'none' | 'user_setting' | 'day' | 'day_user';
export const GROUP_KEYS: Record<GroupBy, string> = { none: '', user_setting: 'user_id, setting', day: 'day', day_user: 'day, user_id' };

/** Every figure summed in SQL (submitted pivoted per setting), so a report reads a few hundred rows, not every day row. */
const SUMS = `TOTAL(opened) AS opened, TOTAL(active_seconds) AS activeSeconds, TOTAL(codes_changed) AS codesChanged,
  ${SETTINGS.map((s) => `TOTAL(CASE WHEN setting = '${s}' THEN submitted ELSE 0 END) AS s_${s}`).join(', ')},
  TOTAL(resubmitted) AS resubmitted, TOTAL(held) AS held, TOTAL(queries_sent) AS queriesSent,
  TOTAL(queries_answered) AS queriesAnswered, TOTAL(queries_agreed) AS queriesAgreed, TOTAL(query_hours_sum) AS queryHoursSum,
  TOTAL(charts_queried) AS chartsQueried, TOTAL(charts_audited) AS chartsAudited, TOTAL(assigned_hours_sum) AS assignedHoursSum,
  TOTAL(assigned_n) AS assignedN, TOTAL(service_days_sum) AS serviceDaysSum, TOTAL(service_n) AS serviceN`;

export type SumRow = Omit<FigureSums, 'submittedBySetting'> & Record<`s_${ChartSetting}`, number> & { day?: string; user_id?: string; setting?: ChartSetting };

function toSums(r: SumRow): FigureSums {
  const submittedBySetting = Object.fromEntries(SETTINGS.map((s) => [s, r[`s_${s}`]])) as Record<ChartSetting, number>;
  return { ...r, submittedBySetting };
}

/** The recorded figures over a range, summed per group (one row for 'none'). */
export function sumsBy(db: WorkspaceDb, range: ReportRange, userId: string | null, groupBy: GroupBy, limit: number | null = null): SumRow[] {
  const keys = GROUP_KEYS[groupBy];
  const where = userId === null ? '' : ' AND user_id = ?';
  // Grouped in the table's key order (day, user): the rows stream out, so a limit stops the scan early.
  const group = keys ? ` GROUP BY ${keys}` : '';
  const params: (string | number)[] = userId === null ? [range.from, range.to] : [range.from, range.to, userId];
  if (limit !== null) params.push(limit);
  return rows<SumRow>(db, `SELECT ${keys ? `${keys}, ` : ''}${SUMS} FROM activity_days WHERE day BETWEEN ? AND ?${where}${group}${limit !== null ? ' LIMIT ?' : ''}`, ...params);
}

export interface ReportOptions {
  /** Coder × day rows past this many are left out (null: all, as the export needs). */
  coderDaysLimit: number | null;
}

/** The rows a report is made from, fetched by whichever store holds the day figures (workspace or hub). */
export interface ReportRows {
  userSetting: SumRow[];
  day: SumRow[];
  /** Up to the limit + 1 (so "more than the limit" can be told). */
  dayUser: SumRow[];
  before: SumRow | undefined;
  backlog: Backlog;
}

export function productivityReport(db: WorkspaceDb, args: ReportArgs, options: ReportOptions = { coderDaysLimit: CODER_DAYS_ON_SCREEN }): ProductivityReport {
  checkRange(args);
  const limit = options.coderDaysLimit;
  return assembleReport(args, options, {
    userSetting: sumsBy(db, args, args.userId, 'user_setting'),
    day: sumsBy(db, args, args.userId, 'day'),
    dayUser: sumsBy(db, args, args.userId, 'day_user', limit === null ? null : limit + 1),
    before: sumsBy(db, previousPeriod(args), args.userId, 'none')[0],
    backlog: backlogAt(db, args.to, args.assignee),
  });
}

/** The report from its rows: coders, settings, days and the team combined with shared/productivity.ts. */
export function assembleReport(args: ReportArgs, options: ReportOptions, data: ReportRows): ProductivityReport {
  const totals = (f: FigureSums) => summarise(f, args.weights);
  const named = (userId: string) => ({ userId, displayName: args.names.get(userId) ?? userId });
  const byUser = new Map<string, FigureSums>();
  const bySetting = new Map<ChartSetting, FigureSums>(SETTINGS.map((s) => [s, emptySums()]));
  const team = emptySums();
  for (const r of data.userSetting) {
    const f = toSums(r);
    const userId = r.user_id as string;
    const user = byUser.get(userId) ?? emptySums();
    byUser.set(userId, addSums(user, f));
    const setting = bySetting.get(r.setting as ChartSetting);
    if (setting) addSums(setting, f);
    addSums(team, f);
  }
  const withAccuracy = <T extends Totals>(t: T, pair: AccuracyPair | undefined): T & AccuracyFigures => ({
    ...t,
    ...accuracyFigures(t.weightedUnits, pair?.codeLevel ?? null, pair?.recordLevel ?? null),
  });
  const coders = [...byUser].map(([userId, f]) => withAccuracy({ ...named(userId), ...totals(f) }, args.accuracy?.byCoder.get(userId)));
  coders.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
  const byDay = new Map(data.day.map((r) => [r.day as string, toSums(r)]));
  const daily = [];
  for (let t = dayMs(args.from); t <= dayMs(args.to); t += DAY_MS) {
    const day = dayOf(t);
    daily.push({ day, ...totals(byDay.get(day) ?? emptySums()) });
  }
  const limit = options.coderDaysLimit;
  const previous = previousPeriod(args);
  return {
    from: args.from,
    to: args.to,
    previous: { ...previous, team: totals(data.before ? toSums(data.before) : emptySums()) },
    weights: args.weights,
    scope: args.userId === null ? 'team' : 'own',
    team: withAccuracy(totals(team), args.accuracy?.team),
    coders,
    daily,
    settings: SETTINGS.map((setting) => ({ setting, ...totals(bySetting.get(setting) ?? emptySums()) })),
    coderDays: limit !== null && data.dayUser.length > limit ? null : data.dayUser.map((r) => ({ day: r.day as string, ...named(r.user_id as string), ...totals(toSums(r)) })),
    backlog: data.backlog,
  };
}

/** Charts discharged or served by `asOf` with no first submission by the end of that day. */
export function backlogAt(db: WorkspaceDb, asOf: string, assignee: string | null): Backlog {
  const end = `${dayOf(dayMs(asOf) + DAY_MS)}T00:00:00.000Z`;
  // Never submitted, or first submitted after the day: both read through indexes, not a scan of every chart.
  const mine = assignee === null ? '' : ' AND c.assignee = ?';
  const who = assignee === null ? [] : [assignee];
  // Counted per discharge date in SQL: a large backlog comes back as a few hundred rows.
  const ages = rows<{ discharge_date: string; n: number }>(
    db,
    `SELECT discharge_date, count(*) AS n FROM (
       SELECT c.discharge_date FROM charts c
       WHERE c.status IN ('new', 'in_progress', 'on_hold')${mine} AND c.discharge_date <= ?
         AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.chart_id = c.id AND s.version = 1)
       UNION ALL
       SELECT c.discharge_date FROM submissions s JOIN charts c ON c.id = s.chart_id
       WHERE s.version = 1 AND s.submitted_at >= ?${mine} AND c.discharge_date <= ?)
     GROUP BY discharge_date`,
    ...who, asOf, end, ...who, asOf,
  )
    .map((r) => ({ age: Math.max(0, Math.round((dayMs(asOf) - dayMs(r.discharge_date)) / DAY_MS)), n: r.n }))
    .sort((a, b) => a.age - b.age);
  return backlogOf(asOf, ages);
}

/** Backlog figures from the count of waiting charts at each age (days since discharge or service), youngest first. */
export function backlogOf(asOf: string, ages: readonly { age: number; n: number }[]): Backlog {
  const count = ages.reduce((n, a) => n + a.n, 0);
  /** The k-th youngest age (0-based) across the counted dates. */
  const nth = (k: number): number => {
    let seen = 0;
    for (const a of ages) {
      seen += a.n;
      if (k < seen) return a.age;
    }
    return 0;
  };
  return {
    asOf,
    count,
    medianAgeDays: count === 0 ? null : count % 2 === 1 ? nth((count - 1) / 2) : (nth(count / 2 - 1) + nth(count / 2)) / 2,
    oldestAgeDays: count === 0 ? null : (ages[ages.length - 1] as { age: number }).age,
    bands: BACKLOG_BANDS.map((b) => ({ ...b, count: ages.filter((a) => a.age >= b.minDays && (b.maxDays === null || a.age <= b.maxDays)).reduce((n, a) => n + a.n, 0) })),
  };
}
