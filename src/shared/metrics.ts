/**
 * Every productivity, query and audit figure CodeDesk shows or exports, defined once: what it
 * counts, its formula, its unit and what it leaves out. The productivity screen shows a
 * definition one hover away, the XLSX export writes them on its Definitions sheet, and the tests
 * compute from the same formulas (DOMAIN.md "Productivity", "Audit and accuracy").
 *
 * Pure TypeScript: the figures are computed from recorded events elsewhere; this file only says
 * what they mean and holds the arithmetic every caller shares. Turnarounds are means, not
 * medians: a mean adds up across days and coders, so a day table, a team total and (later) the
 * hub's roll-up of many desktops all give the same figure from the same events.
 */
import { SETTINGS, type ChartSetting } from './domain';

export const METRIC_IDS = [
  'charts_submitted',
  'active_minutes_per_chart',
  'charts_per_active_hour',
  'weighted_units',
  'holds_raised',
  'queries_raised',
  'turnaround_assigned_hours',
  'turnaround_service_days',
  'backlog_count',
  'backlog_age_days',
  'accuracy_code_level',
  'accuracy_record_level',
  'accuracy_adjusted_units',
  'query_rate',
  'query_response_rate',
  'query_agreement_rate',
  'query_turnaround_hours',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface MetricDefinition {
  id: MetricId;
  label: string;
  /** The formula in words a supervisor can check by hand. */
  formula: string;
  unit: 'charts' | 'minutes' | 'charts per hour' | 'units' | 'count' | 'hours' | 'days' | 'percent';
  /** What is left out, and why. */
  excludes: string;
}

/** Idle gaps longer than this (minutes) are not active time, unless the workspace sets another. */
export const DEFAULT_ACTIVITY_IDLE_MINUTES = 2;

/**
 * Default weight of one submitted chart per setting. Inpatient 1, outpatient surgery 0.75 and
 * ED 0.5 are DOMAIN.md's example weights; professional fee 0.25 is the team issue's default
 * (a pro-fee chart is one encounter's E/M and procedure codes). A workspace may set its own.
 */
export const DEFAULT_UNIT_WEIGHTS: Readonly<Record<ChartSetting, number>> = {
  inpatient: 1,
  outpatient_surgery: 0.75,
  emergency: 0.5,
  professional: 0.25,
};

export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'charts_submitted',
    label: 'Charts submitted',
    formula: 'Number of charts whose first submission falls in the period, by setting.',
    unit: 'charts',
    excludes: 'Resubmissions after a reopen (the chart counts once, on its first submission).',
  },
  {
    id: 'active_minutes_per_chart',
    label: 'Active minutes per chart',
    formula: 'Active minutes recorded on charts in the period ÷ charts submitted in the period.',
    unit: 'minutes',
    excludes: `Idle gaps longer than the idle threshold (default ${DEFAULT_ACTIVITY_IDLE_MINUTES} minutes) and time with the window out of focus.`,
  },
  {
    id: 'charts_per_active_hour',
    label: 'Charts per active hour',
    formula: 'Charts submitted ÷ (active minutes in the period ÷ 60).',
    unit: 'charts per hour',
    excludes: 'Idle time, as for active minutes; not shown when no active time was recorded.',
  },
  {
    id: 'weighted_units',
    label: 'Weighted units',
    formula: 'Σ over charts submitted of the weight of the chart’s setting (defaults: inpatient 1, outpatient surgery 0.75, ED 0.5, professional 0.25).',
    unit: 'units',
    excludes: 'Resubmissions, as for charts submitted.',
  },
  {
    id: 'holds_raised',
    label: 'Holds raised',
    formula: 'Number of times a chart was put on hold in the period.',
    unit: 'count',
    excludes: 'Nothing: a chart held twice counts twice.',
  },
  {
    id: 'queries_raised',
    label: 'Queries raised',
    formula: 'Number of physician queries sent in the period.',
    unit: 'count',
    excludes: 'Drafts never sent, and queries cancelled before sending.',
  },
  {
    id: 'turnaround_assigned_hours',
    label: 'Turnaround from assignment',
    formula: 'Mean over charts submitted of (first submission − assignment to the submitter), in hours. Assignment is when the lead made the work package, or the import.',
    unit: 'hours',
    excludes: 'Charts with no recorded assignment.',
  },
  {
    id: 'turnaround_service_days',
    label: 'Turnaround from discharge or service',
    formula: 'Mean over charts submitted of (first submission date − discharge or service date), in whole days.',
    unit: 'days',
    excludes: 'Charts with neither a discharge nor a service date.',
  },
  {
    id: 'backlog_count',
    label: 'Backlog not final coded',
    formula: 'Charts discharged or served by the end of the period and not submitted by then (new, in progress or on hold).',
    unit: 'charts',
    excludes: 'Charts submitted, even if later reopened and resubmitted within the period.',
  },
  {
    id: 'backlog_age_days',
    label: 'Backlog age',
    formula: 'For each chart in the backlog, end of period − discharge or service date (the age a DNFC report uses), in days; shown as median and oldest, and by age band.',
    unit: 'days',
    excludes: 'Submitted charts.',
  },
  {
    id: 'accuracy_code_level',
    label: 'Accuracy (code level)',
    formula: 'Codes the auditor agreed with ÷ all codes considered (the coder’s codes plus codes the auditor added) × 100.',
    unit: 'percent',
    excludes: 'Findings the auditor withdrew after a rebuttal; charts not audited.',
  },
  {
    id: 'accuracy_record_level',
    label: 'Accuracy (record level)',
    formula: 'Charts audited with no change upheld ÷ charts audited × 100.',
    unit: 'percent',
    excludes: 'Findings the auditor withdrew after a rebuttal; charts not audited.',
  },
  {
    id: 'accuracy_adjusted_units',
    label: 'Accuracy-adjusted units',
    formula: 'Weighted units × code-level accuracy ÷ 100.',
    unit: 'units',
    excludes: 'Shown only when at least one of the coder’s charts in the period was audited.',
  },
  {
    id: 'query_rate',
    label: 'Query rate',
    formula: 'Charts with at least one query sent ÷ charts submitted × 100.',
    unit: 'percent',
    excludes: 'Drafts never sent.',
  },
  {
    id: 'query_response_rate',
    label: 'Query response rate',
    formula: 'Queries answered ÷ queries sent × 100.',
    unit: 'percent',
    excludes: 'Queries cancelled after sending.',
  },
  {
    id: 'query_agreement_rate',
    label: 'Query agreement rate',
    formula: 'Answered queries whose answer confirmed a documented or offered diagnosis ÷ queries answered × 100.',
    unit: 'percent',
    excludes: 'Answers of "clinically undetermined" count as answered, not as agreement.',
  },
  {
    id: 'query_turnaround_hours',
    label: 'Query turnaround',
    formula: 'Mean over queries answered of (answer − sent), in hours.',
    unit: 'hours',
    excludes: 'Queries not yet answered, and cancelled ones.',
  },
];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

/** The definition of a metric (a test checks that every id has exactly one). */
export function metricDefinition(id: MetricId): MetricDefinition {
  return BY_ID.get(id) as MetricDefinition;
}

/** Weighted units of charts submitted per setting. Every setting needs a weight (a missing one is an error, not 0). */
export function weightedUnits(submitted: Readonly<Partial<Record<ChartSetting, number>>>, weights: Readonly<Record<ChartSetting, number>> = DEFAULT_UNIT_WEIGHTS): number {
  let units = 0;
  for (const setting of SETTINGS) units += (submitted[setting] ?? 0) * weights[setting];
  return Math.round(units * 100) / 100;
}

/** Charts per active hour; null when no active time was recorded (never infinite). */
export function chartsPerActiveHour(charts: number, activeMinutes: number): number | null {
  if (activeMinutes <= 0) return null;
  return Math.round((charts / (activeMinutes / 60)) * 100) / 100;
}

/** A share as a percentage with one decimal; null when nothing was considered. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
