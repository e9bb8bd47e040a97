/**
 * Audit accuracy from findings and their outcomes, by the two definitions of metrics.ts
 * (`accuracy_code_level`, `accuracy_record_level`), each with a Wilson 95% interval, and grouped
 * per coder, setting and period. Pure TypeScript: the same figures for screen, CLI and export.
 */
import { findingArea, type AuditFinding } from './audit-diff';
import { SETTINGS, type ChartSetting, type Coding } from './domain';
import { metricDefinition, percent } from './metrics';
import { AppFailure, ErrorCode } from './result';

/** z for a two-sided 95% interval. */
const Z95 = 1.959964;

const oneDecimal = (share: number): number => Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;

/**
 * Wilson score interval at 95%, in percent with one decimal; null when nothing was tried.
 * Chosen over the normal approximation because it stays inside 0–100 and is honest for the
 * small samples (a coder's month) and the shares near 100% that audits produce.
 */
export function wilson95(successes: number, trials: number): { low: number; high: number } | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new AppFailure(ErrorCode.BadInput, 'An interval needs whole counts with successes between 0 and the trials.');
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2n = (Z95 * Z95) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (Z95 / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  return { low: oneDecimal(centre - half), high: oneDecimal(centre + half) };
}

/**
 * A finding's life: `open` (shown to the coder) → `agreed`, or `rebutted` (the coder's comment
 * is required) → `upheld` or `withdrawn` by the auditor. Agreed, upheld and withdrawn are final.
 */
export const FINDING_OUTCOMES = ['open', 'agreed', 'rebutted', 'upheld', 'withdrawn'] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];

/** The moves allowed, who makes each, and whether it needs a comment. */
export const FINDING_MOVES: readonly { from: FindingOutcome; to: FindingOutcome; by: 'coder' | 'auditor'; comment: 'required' | 'optional' }[] = [
  { from: 'open', to: 'agreed', by: 'coder', comment: 'optional' },
  { from: 'open', to: 'rebutted', by: 'coder', comment: 'required' },
  { from: 'rebutted', to: 'upheld', by: 'auditor', comment: 'optional' },
  { from: 'rebutted', to: 'withdrawn', by: 'auditor', comment: 'optional' },
];

/**
 * Whether a finding lowers the score now. Only a withdrawal removes it: a finding stays an error
 * while open or while a rebuttal awaits the auditor, so a score never improves by rebutting
 * alone; it follows the final outcome once the auditor decides.
 */
export const countsAsError = (outcome: FindingOutcome): boolean => outcome !== 'withdrawn';

/** A finding with its current outcome, as chartAccuracy reads it. */
export type JudgedFinding = Pick<AuditFinding, 'kind' | 'coderLine'> & { outcome: FindingOutcome };

export interface ChartAccuracy {
  /** The coder's codes (diagnoses and procedure lines) plus the codes the auditor added. */
  codesConsidered: number;
  /** The coder's codes no counted finding touches. */
  codesAgreed: number;
  /** At least one counted finding: the chart is not "no change" at record level. */
  changed: boolean;
}

/**
 * One audited chart's counts. A coder's code is not agreed when any counted finding is about it
 * (revised, deleted, principal changed, resequenced, POA, modifier or units): it counts once
 * however many findings name it, so a revision is one code considered and not agreed, not two.
 * A code only the auditor has (added, or a principal where the coder had none) is considered
 * and not agreed.
 */
export function chartAccuracy(coder: Coding, findings: readonly JudgedFinding[]): ChartAccuracy {
  const disagreed = new Set<string>();
  let added = 0;
  for (const f of findings) {
    if (!countsAsError(f.outcome)) continue;
    if (f.coderLine === null) {
      added += 1;
      continue;
    }
    const area = findingArea(f.kind);
    const lines = area === 'diagnosis' ? coder.diagnoses.length : coder.procedures.length;
    if (!Number.isInteger(f.coderLine) || f.coderLine < 0 || f.coderLine >= lines) {
      throw new AppFailure(ErrorCode.BadInput, 'A finding names a line the coding does not have: was the diff made from another version?');
    }
    disagreed.add(`${area}:${f.coderLine}`);
  }
  const coderCodes = coder.diagnoses.length + coder.procedures.length;
  return { codesConsidered: coderCodes + added, codesAgreed: coderCodes - disagreed.size, changed: added + disagreed.size > 0 };
}

export interface AccuracyMeasure {
  label: string;
  percent: number | null;
  ci: { low: number; high: number } | null;
}

export interface AccuracySummary {
  codeLevel: AccuracyMeasure & { agreed: number; considered: number };
  recordLevel: AccuracyMeasure & { unchanged: number; audited: number };
}

const CODE_LABEL = metricDefinition('accuracy_code_level').label;
const RECORD_LABEL = metricDefinition('accuracy_record_level').label;

/** Both measures over some audited charts, labelled so the two are never confused. */
export function aggregateAccuracy(charts: readonly ChartAccuracy[]): AccuracySummary {
  let agreed = 0;
  let considered = 0;
  let unchanged = 0;
  for (const c of charts) {
    agreed += c.codesAgreed;
    considered += c.codesConsidered;
    if (!c.changed) unchanged += 1;
  }
  return {
    codeLevel: { label: CODE_LABEL, agreed, considered, percent: percent(agreed, considered), ci: wilson95(agreed, considered) },
    recordLevel: { label: RECORD_LABEL, unchanged, audited: charts.length, percent: percent(unchanged, charts.length), ci: wilson95(unchanged, charts.length) },
  };
}

/** An audited chart with what it is grouped by. */
export interface AuditedChart {
  coderId: string;
  setting: ChartSetting;
  /** ISO date or timestamp of the audited submission: trends follow when the work was done. */
  submittedAt: string;
  accuracy: ChartAccuracy;
}

export interface AccuracyGroup {
  key: string;
  summary: AccuracySummary;
}

/** Charts grouped by a key, the groups in the order `compare` gives. */
export function accuracyBy<T extends { accuracy: ChartAccuracy }>(charts: readonly T[], keyOf: (chart: T) => string, compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0)): AccuracyGroup[] {
  const groups = new Map<string, ChartAccuracy[]>();
  for (const c of charts) {
    const key = keyOf(c);
    const list = groups.get(key);
    if (list) list.push(c.accuracy);
    else groups.set(key, [c.accuracy]);
  }
  return [...groups.keys()].sort(compare).map((key) => ({ key, summary: aggregateAccuracy(groups.get(key) as ChartAccuracy[]) }));
}

export const accuracyByCoder = (charts: readonly AuditedChart[]): AccuracyGroup[] => accuracyBy(charts, (c) => c.coderId);

const SETTING_ORDER = new Map<string, number>(SETTINGS.map((s, i) => [s, i]));
export const accuracyBySetting = (charts: readonly AuditedChart[]): AccuracyGroup[] =>
  accuracyBy(charts, (c) => c.setting, (a, b) => (SETTING_ORDER.get(a) ?? 0) - (SETTING_ORDER.get(b) ?? 0));

export type PeriodUnit = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/**
 * The UTC period a date falls in, as ISO 8601 text that sorts in time order: day 2026-05-04,
 * week 2026-W19 (weeks start on Monday; week 1 holds the year's first Thursday), month 2026-05.
 */
export function periodOf(iso: string, unit: PeriodUnit): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new AppFailure(ErrorCode.BadInput, 'A date is not an ISO date.');
  const day = new Date(time).toISOString().slice(0, 10);
  if (unit === 'day') return day;
  if (unit === 'month') return day.slice(0, 7);
  const midnight = Date.parse(day);
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
  const thursday = new Date(midnight + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const accuracyByPeriod = (charts: readonly AuditedChart[], unit: PeriodUnit): AccuracyGroup[] => accuracyBy(charts, (c) => periodOf(c.submittedAt, unit));
