/** Second-level audits as the API answers them: a drawn sample, an audit with its findings, accuracy. */
import type { AccuracyGroup, AccuracySummary, ChartAccuracy, FindingOutcome } from './accuracy';
import type { AuditFinding } from './audit-diff';
import type { StratumDraw } from './audit-sample';
import type { ChartSetting, Coding } from './domain';

export const AUDIT_MODES = ['blind', 'review'] as const;
export type AuditMode = (typeof AUDIT_MODES)[number];

export interface SampleDrawn {
  sampleId: string;
  /** Shown to the auditor: the same seed on the same charts draws the same sample. */
  seed: string;
  population: number;
  chartIds: string[];
  perStratum: StratumDraw[];
}

export interface AuditFindingView extends AuditFinding {
  outcome: FindingOutcome;
  coderComment: string | null;
  auditorComment: string | null;
}

export interface AuditView {
  id: string;
  chartId: string;
  setting: ChartSetting;
  /** The submitted version audited. */
  version: number;
  coderId: string;
  auditorId: string;
  mode: AuditMode;
  status: 'in_progress' | 'committed';
  startedAt: string;
  committedAt: string | null;
  auditorCoding: Coding;
  /** Null while a blind audit is in progress: the auditor codes without seeing the coder's codes. */
  coderCoding: Coding | null;
  findings: AuditFindingView[];
  /** Once committed: this chart's counts for both accuracy measures. */
  accuracy: ChartAccuracy | null;
}

export interface AuditAccuracyReport {
  from: string;
  to: string;
  team: AccuracySummary;
  byCoder: AccuracyGroup[];
  bySetting: AccuracyGroup[];
  /** By ISO week of the audited submission (2026-W49): the trend over time. */
  byWeek: AccuracyGroup[];
}
