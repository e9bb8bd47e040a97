/**
 * The productivity report: the day figures recorded per user and setting, and the totals every
 * screen, export and test derives from them with the formulas of metrics.ts. A coder's own
 * totals and their supervisor's view of them come from the same `summarise`.
 */
import { SETTINGS, type ChartSetting } from './domain';
import { chartsPerActiveHour, percent, weightedUnits } from './metrics';

/**
 * Sums of the recorded day figures over some rows (a coder's period, a day, a setting, the
 * team): what the database adds up; submitted charts kept per setting for the weighted units.
 */
export interface FigureSums {
  opened: number;
  activeSeconds: number;
  codesChanged: number;
  submittedBySetting: Record<ChartSetting, number>;
  resubmitted: number;
  held: number;
  queriesSent: number;
  queriesAnswered: number;
  queriesAgreed: number;
  queryHoursSum: number;
  chartsQueried: number;
  chartsAudited: number;
  assignedHoursSum: number;
  assignedN: number;
  serviceDaysSum: number;
  serviceN: number;
}

/** Nothing recorded: the sums of no rows. */
export function emptySums(): FigureSums {
  return {
    opened: 0, activeSeconds: 0, codesChanged: 0, submittedBySetting: Object.fromEntries(SETTINGS.map((s) => [s, 0])) as Record<ChartSetting, number>,
    resubmitted: 0, held: 0, queriesSent: 0, queriesAnswered: 0, queriesAgreed: 0, queryHoursSum: 0, chartsQueried: 0, chartsAudited: 0,
    assignedHoursSum: 0, assignedN: 0, serviceDaysSum: 0, serviceN: 0,
  };
}

/** Adds `b` into `a` (every figure is a sum, so groups combine exactly). */
export function addSums(a: FigureSums, b: FigureSums): FigureSums {
  for (const key of Object.keys(a) as (keyof FigureSums)[]) {
    if (key === 'submittedBySetting') for (const s of SETTINGS) a.submittedBySetting[s] += b.submittedBySetting[s];
    else a[key] += b[key];
  }
  return a;
}

/** Every metric of a group of day figures (a coder, a day, the team), derived one way. */
export interface Totals {
  submitted: number;
  submittedBySetting: Record<ChartSetting, number>;
  resubmitted: number;
  opened: number;
  activeMinutes: number;
  activeMinutesPerChart: number | null;
  chartsPerActiveHour: number | null;
  weightedUnits: number;
  holds: number;
  queriesRaised: number;
  turnaroundAssignedHours: number | null;
  turnaroundServiceDays: number | null;
  queryRate: number | null;
  queryResponseRate: number | null;
  queryAgreementRate: number | null;
  queryTurnaroundHours: number | null;
  codesChanged: number;
  chartsAudited: number;
}

export type UnitWeights = Readonly<Record<ChartSetting, number>>;

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;
const mean = (sum: number, n: number, places: number): number | null => (n > 0 ? round(sum / n, places) : null);

export function summarise(f: FigureSums, weights: UnitWeights): Totals {
  const bySetting = Object.fromEntries(SETTINGS.map((s) => [s, f.submittedBySetting[s] ?? 0])) as Record<ChartSetting, number>;
  const submitted = SETTINGS.reduce((n, s) => n + bySetting[s], 0);
  return {
    submitted,
    submittedBySetting: bySetting,
    resubmitted: f.resubmitted,
    opened: f.opened,
    activeMinutes: round(f.activeSeconds / 60, 1),
    activeMinutesPerChart: submitted > 0 && f.activeSeconds > 0 ? round(f.activeSeconds / 60 / submitted, 1) : null,
    chartsPerActiveHour: chartsPerActiveHour(submitted, f.activeSeconds / 60),
    weightedUnits: weightedUnits(bySetting, weights),
    holds: f.held,
    queriesRaised: f.queriesSent,
    turnaroundAssignedHours: mean(f.assignedHoursSum, f.assignedN, 1),
    turnaroundServiceDays: mean(f.serviceDaysSum, f.serviceN, 1),
    queryRate: percent(f.chartsQueried, submitted),
    queryResponseRate: percent(f.queriesAnswered, f.queriesSent),
    queryAgreementRate: percent(f.queriesAgreed, f.queriesAnswered),
    queryTurnaroundHours: mean(f.queryHoursSum, f.queriesAnswered, 1),
    codesChanged: f.codesChanged,
    chartsAudited: f.chartsAudited,
  };
}

/** The charts not final coded at the end of the period, by age since discharge or service. */
export interface Backlog {
  asOf: string;
  count: number;
  medianAgeDays: number | null;
  oldestAgeDays: number | null;
  bands: { label: string; minDays: number; maxDays: number | null; count: number }[];
}

/** Age bands of the backlog (days since discharge or service), as a DNFC report groups them. */
export const BACKLOG_BANDS: readonly { label: string; minDays: number; maxDays: number | null }[] = [
  { label: '0–3 days', minDays: 0, maxDays: 3 },
  { label: '4–7 days', minDays: 4, maxDays: 7 },
  { label: '8–14 days', minDays: 8, maxDays: 14 },
  { label: '15–30 days', minDays: 15, maxDays: 30 },
  { label: 'over 30 days', minDays: 31, maxDays: null },
];

export interface CoderTotals extends Totals, AccuracyFigures {
  userId: string;
  displayName: string;
}

/**
 * Accuracy beside productivity: from the audits of the charts submitted in the period (in this
 * workspace), both measures as percentages, and the weighted units scaled by code-level accuracy.
 * Null where none of those charts was audited.
 */
export interface AccuracyFigures {
  accuracyCodeLevel: number | null;
  accuracyRecordLevel: number | null;
  accuracyAdjustedUnits: number | null;
}

/** Weighted units × code-level accuracy ÷ 100 (metrics.ts accuracy_adjusted_units); null when not audited. */
export function accuracyFigures(weightedUnitsOf: number, codeLevel: number | null, recordLevel: number | null): AccuracyFigures {
  return {
    accuracyCodeLevel: codeLevel,
    accuracyRecordLevel: recordLevel,
    accuracyAdjustedUnits: codeLevel === null ? null : Math.round(weightedUnitsOf * codeLevel) / 100,
  };
}

/** One coder's figures on one day (the table's coder × day rows and the exports' Days sheet). */
export interface CoderDayTotals extends Totals {
  userId: string;
  displayName: string;
  day: string;
}

/** The screen gets coder × day rows up to this many; past it (a large team over months) the export has them. */
export const CODER_DAYS_ON_SCREEN = 5000;

export interface ProductivityReport {
  from: string;
  to: string;
  /** The period of the same length just before, for the trend beside each figure. */
  previous: { from: string; to: string; team: Totals };
  weights: UnitWeights;
  /** Only the caller's own figures (a coder or auditor), or the whole team (a supervisor). */
  scope: 'own' | 'team';
  team: Totals & AccuracyFigures;
  coders: CoderTotals[];
  /** The team's totals per day of the period (every day, zero days included), for the plots. */
  daily: ({ day: string } & Totals)[];
  /** Totals per setting (every setting). */
  settings: ({ setting: ChartSetting } & Totals)[];
  /** Per coder per day with any activity; null when there would be more than CODER_DAYS_ON_SCREEN. */
  coderDays: CoderDayTotals[] | null;
  backlog: Backlog;
}
