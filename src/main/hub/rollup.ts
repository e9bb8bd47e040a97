/**
 * The team's figures on the hub: each event a desktop pushes is projected, once, into day figures
 * per user and setting by the same pure dayDelta the desktop uses, and the report is assembled by
 * the same assembleReport over the same sums: one set of definitions for a coder's own desktop and
 * the supervisor's team view. Assignment time on the hub is the user's first lease of the chart.
 * Accuracy comes from the audits pushed to the hub (audits.ts), summed by the same shared
 * aggregateAccuracy as the desktop's accuracyReport.
 */
import { accuracyBy, aggregateAccuracy, type AccuracySummary } from '../../shared/accuracy';
import { SETTINGS, type ChartSetting } from '../../shared/domain';
import { CODER_DAYS_ON_SCREEN, type Backlog, type ProductivityReport } from '../../shared/productivity';
import { changedColumns, dayDelta, type ActivityEvent, type ChartFacts } from '../services/activity/day-delta';
import { assembleReport, backlogOf, checkRange, GROUP_KEYS, previousPeriod, type AccuracyPair, type GroupBy, type ReportArgs, type ReportOptions, type ReportRange, type SumRow } from '../services/activity/productivity';
import { hubAuditedCharts } from './audits';
import type { Db, Tx } from './db/pool';
import { readHubWeights } from './weights';

/** Projects one newly stored event inside the push's transaction. */
export async function projectHubEvent(tx: Tx, e: ActivityEvent): Promise<void> {
  if (e.chartId === null) return;
  const chart = (await tx.query<{ setting: ChartSetting; service_date: string }>('SELECT setting, service_date FROM hub_charts WHERE id = $1', [e.chartId])).rows[0];
  if (!chart) return;
  const assignedAt = e.action === 'chart.submit'
    ? (await tx.query<{ at: Date | null }>('SELECT min(leased_at) AS at FROM hub_leases WHERE chart_id = $1 AND user_id = $2', [e.chartId, e.userId])).rows[0]?.at ?? null
    : null;
  const facts: ChartFacts = { setting: chart.setting, serviceDate: chart.service_date, assignedAt: assignedAt?.toISOString() ?? null };
  const delta = dayDelta(e, facts);
  if (!delta) return;
  const columns = changedColumns(delta);
  if (columns.length === 0) return;
  const names = columns.map(([c]) => c).join(', ');
  const marks = columns.map((_, i) => `$${i + 4}`).join(', ');
  const updates = columns.map(([c]) => `${c} = hub_activity_days.${c} + excluded.${c}`).join(', ');
  await tx.query(
    `INSERT INTO hub_activity_days(day, user_id, setting, ${names}) VALUES ($1, $2, $3, ${marks})
     ON CONFLICT (day, user_id, setting) DO UPDATE SET ${updates}`,
    [e.at.slice(0, 10), e.userId, chart.setting, ...columns.map(([, n]) => n)],
  );
}

const sum = (expr: string, as: string) => `COALESCE(SUM(${expr}), 0)::float8 AS "${as}"`;
const SUMS = [
  sum('opened', 'opened'), sum('active_seconds', 'activeSeconds'), sum('codes_changed', 'codesChanged'),
  ...SETTINGS.map((s) => sum(`CASE WHEN setting = '${s}' THEN submitted ELSE 0 END`, `s_${s}`)),
  sum('resubmitted', 'resubmitted'), sum('held', 'held'), sum('queries_sent', 'queriesSent'),
  sum('queries_answered', 'queriesAnswered'), sum('queries_agreed', 'queriesAgreed'), sum('query_hours_sum', 'queryHoursSum'),
  sum('charts_queried', 'chartsQueried'), sum('charts_audited', 'chartsAudited'), sum('assigned_hours_sum', 'assignedHoursSum'),
  sum('assigned_n', 'assignedN'), sum('service_days_sum', 'serviceDaysSum'), sum('service_n', 'serviceN'),
].join(', ');

async function hubSumsBy(db: Db, range: ReportRange, userId: string | null, groupBy: GroupBy, limit: number | null = null): Promise<SumRow[]> {
  const keys = GROUP_KEYS[groupBy];
  const params: (string | number)[] = [range.from, range.to];
  let where = 'day BETWEEN $1 AND $2';
  if (userId !== null) {
    params.push(userId);
    where += ` AND user_id = $${params.length}`;
  }
  let tail = keys ? ` GROUP BY ${keys} ORDER BY ${keys}` : '';
  if (limit !== null) {
    params.push(limit);
    tail += ` LIMIT $${params.length}`;
  }
  return (await db.query<SumRow>(`SELECT ${keys ? `${keys}, ` : ''}${SUMS} FROM hub_activity_days WHERE ${where}${tail}`, params)).rows;
}

/** Charts served by `asOf` with no submission by the end of that day, counted per service date. */
async function hubBacklogAt(db: Db, asOf: string, userId: string | null): Promise<Backlog> {
  const DAY_MS = 86_400_000;
  const end = new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY_MS);
  const mine = userId === null ? '' : ' AND (assignee_id = $3 OR lease_user_id = $3)';
  const ages = (await db.query<{ service_date: string; n: string }>(
    `SELECT service_date, count(*) AS n FROM hub_charts WHERE service_date <= $1 AND (submitted_at IS NULL OR submitted_at >= $2)${mine} GROUP BY service_date`,
    userId === null ? [asOf, end] : [asOf, end, userId],
  )).rows
    .map((r) => ({ age: Math.max(0, Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${r.service_date}T00:00:00Z`)) / DAY_MS)), n: Number(r.n) }))
    .sort((a, b) => a.age - b.age);
  return backlogOf(asOf, ages);
}

/**
 * Accuracy of the period's audited charts (the audited submission in the range, as the desktop's
 * accuracyReport reads it), the team's and each coder's, by the shared aggregateAccuracy.
 */
async function hubAccuracy(db: Db, range: ReportRange, userId: string | null): Promise<NonNullable<ReportArgs['accuracy']>> {
  const charts = await hubAuditedCharts(db, { from: range.from, to: range.to, coderId: userId });
  const pair = (summary: AccuracySummary): AccuracyPair => ({ codeLevel: summary.codeLevel.percent, recordLevel: summary.recordLevel.percent });
  return {
    team: pair(aggregateAccuracy(charts.map((c) => c.accuracy))),
    byCoder: new Map(accuracyBy(charts, (c) => c.coderId).map((g) => [g.key, pair(g.summary)])),
  };
}

/** The team's (or one user's) report from the hub, with the hub's user names and the audits' accuracy. */
export async function hubProductivityReport(db: Db, args: ReportRange & { userId: string | null }, options: ReportOptions = { coderDaysLimit: CODER_DAYS_ON_SCREEN }): Promise<ProductivityReport> {
  checkRange(args);
  const names = new Map((await db.query<{ id: string; name: string }>('SELECT id, name FROM hub_users')).rows.map((u) => [u.id, u.name]));
  const limit = options.coderDaysLimit;
  const [userSetting, day, dayUser, before, backlog, weights, accuracy] = await Promise.all([
    hubSumsBy(db, args, args.userId, 'user_setting'),
    hubSumsBy(db, args, args.userId, 'day'),
    hubSumsBy(db, args, args.userId, 'day_user', limit === null ? null : limit + 1),
    hubSumsBy(db, previousPeriod(args), args.userId, 'none'),
    hubBacklogAt(db, args.to, args.userId),
    readHubWeights(db),
    hubAccuracy(db, args, args.userId),
  ]);
  return assembleReport({ ...args, weights, names, assignee: null, accuracy }, options, { userSetting, day, dayUser, before: before[0], backlog });
}
