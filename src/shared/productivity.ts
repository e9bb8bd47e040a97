/**
 * The productivity report: the day figures recorded per user and setting, and the totals every
 * screen, export and test derives from them with the formulas of metrics.ts. A coder's own
 * totals and their supervisor's view of them come from the same `summarise`.
 */
import { SETTINGS, type ChartSetting } from './domain';
import { chartsPerActiveHour, percent, weightedUnits } from './metrics';

/** One user's figures on one UTC day in one setting, as recorded (sums only). */
export interface DayFigures {
  day: string;
  userId: string;
  setting: ChartSetting;
  opened: number;
  activeSeconds: number;
  codesChanged: number;
  submitted: number;
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

export function summarise(rows: readonly DayFigures[], weights: UnitWeights): Totals {
  const bySetting = Object.fromEntries(SETTINGS.map((s) => [s, 0])) as Record<ChartSetting, number>;
  let activeSeconds = 0, opened = 0, resubmitted = 0, held = 0, sent = 0, answered = 0, agreed = 0, queryHours = 0;
  let chartsQueried = 0, audited = 0, assignedHours = 0, assignedN = 0, serviceDays = 0, serviceN = 0, codesChanged = 0;
  for (const r of rows) {
    bySetting[r.setting] += r.submitted;
    activeSeconds += r.activeSeconds;
    opened += r.opened;
    resubmitted += r.resubmitted;
    held += r.held;
    sent += r.queriesSent;
    answered += r.queriesAnswered;
    agreed += r.queriesAgreed;
    queryHours += r.queryHoursSum;
    chartsQueried += r.chartsQueried;
    audited += r.chartsAudited;
    assignedHours += r.assignedHoursSum;
    assignedN += r.assignedN;
    serviceDays += r.serviceDaysSum;
    serviceN += r.serviceN;
    codesChanged += r.codesChanged;
  }
  const submitted = SETTINGS.reduce((n, s) => n + bySetting[s], 0);
  const activeMinutes = round(activeSeconds / 60, 1);
  return {
    submitted,
    submittedBySetting: bySetting,
    resubmitted,
    opened,
    activeMinutes,
    activeMinutesPerChart: submitted > 0 && activeSeconds > 0 ? round(activeSeconds / 60 / submitted, 1) : null,
    chartsPerActiveHour: chartsPerActiveHour(submitted, activeSeconds / 60),
    weightedUnits: weightedUnits(bySetting, weights),
    holds: held,
    queriesRaised: sent,
    turnaroundAssignedHours: mean(assignedHours, assignedN, 1),
    turnaroundServiceDays: mean(serviceDays, serviceN, 1),
    queryRate: percent(chartsQueried, submitted),
    queryResponseRate: percent(answered, sent),
    queryAgreementRate: percent(agreed, answered),
    queryTurnaroundHours: mean(queryHours, answered, 1),
    codesChanged,
    chartsAudited: audited,
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

export interface CoderTotals extends Totals {
  userId: string;
  displayName: string;
}

export interface ProductivityReport {
  from: string;
  to: string;
  /** The period of the same length just before, for the trend beside each figure. */
  previous: { from: string; to: string; team: Totals };
  weights: UnitWeights;
  /** Only the caller's own figures (a coder or auditor), or the whole team (a supervisor). */
  scope: 'own' | 'team';
  team: Totals;
  coders: CoderTotals[];
  /** The team's totals per day of the period (every day, zero days included), for the plots. */
  daily: ({ day: string } & Totals)[];
  /** Day × coder × setting rows, as recorded: the table and the exports. */
  days: DayFigures[];
  backlog: Backlog;
}
