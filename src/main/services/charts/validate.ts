/**
 * Validation at submit and live in the chart screen: the chart's coding becomes a claim
 * (inpatient -> inpatient facility; emergency and outpatient surgery -> outpatient facility;
 * professional -> professional) and runs through the claim checker (services/edits), so the
 * chart shows the same findings, with their sources, as `claim check`. Rule ids are the
 * edit ids; the v1 ids (code.unknown, code.not-billable, dx.duplicate, poa.missing …) are kept.
 */
import type { ContentDb } from '../db/handles';
import type { Claim } from '../../../shared/claim';
import type { ChartSetting, Coding, ValidationProblem } from '../../../shared/domain';
import { claimLines } from '../edits/claim-lines';
import { checkLines } from '../edits/check';

export interface ChartForValidation {
  setting: ChartSetting;
  codingDate: string;
  patient: Claim['patient'];
}

const CLAIM_SETTING: Record<ChartSetting, Claim['setting']> = {
  inpatient: 'inpatient',
  emergency: 'outpatient',
  outpatient_surgery: 'outpatient',
  professional: 'professional',
};

export function claimForChart(chart: ChartForValidation, coding: Coding): Claim {
  return {
    setting: CLAIM_SETTING[chart.setting],
    dateOfService: chart.codingDate,
    patient: chart.patient,
    diagnoses: coding.diagnoses.map((d, i) => ({ code: d.code, poa: d.poa, principal: i === 0 })),
    procedures: coding.procedures.map((p) => ({ code: p.code, modifiers: p.modifiers, units: p.units })),
  };
}

export function validateCoding(content: ContentDb, chart: ChartForValidation, coding: Coding): ValidationProblem[] {
  const lines = claimLines(
    claimForChart(chart, coding),
    coding.procedures.map((p) => p.system),
  );
  return checkLines(content, lines).map((f) => ({
    rule: f.edit,
    severity: f.severity,
    message: f.message,
    codes: f.codes,
    // Structural checks have no file behind them.
    ...(f.source === 'claim' ? {} : { source: f.source }),
  }));
}

export const hasErrors = (problems: ValidationProblem[]): boolean => problems.some((p) => p.severity === 'error');
