/**
 * Validation at submit and live in the chart screen: the chart's coding becomes a claim
 * (inpatient -> inpatient facility; emergency and outpatient surgery -> outpatient facility;
 * professional -> professional) and runs through the claim checker (services/edits), so the
 * chart shows the same findings, with their sources, as `claim check`. Rule ids are the
 * edit ids; the v1 ids (code.unknown, code.not-billable, dx.duplicate, poa.missing …) are kept.
 */
import type { ContentDb } from '../db/handles';
import { pointerLetter, type Claim } from '../../../shared/claim';
import type { ChartSetting, Coding, ValidationProblem } from '../../../shared/domain';
import { claimLines, pointersByCode } from '../edits/claim-lines';
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

/**
 * The chart as a claim. Pointers become box 24E letters by each code's place in the diagnoses
 * now; one whose code is gone or past L has no letter, so it is left out here and reported by
 * validateCoding, which reads the pointers by code.
 */
export function claimForChart(chart: ChartForValidation, coding: Coding): Claim {
  const setting = CLAIM_SETTING[chart.setting];
  const dxCodes = coding.diagnoses.map((d) => d.code.toUpperCase());
  const letters = (codes: readonly string[] = []): string[] =>
    setting === 'professional' ? codes.flatMap((c) => pointerLetter(dxCodes.indexOf(c.toUpperCase())) ?? []) : [];
  return {
    setting,
    dateOfService: chart.codingDate,
    patient: chart.patient,
    diagnoses: coding.diagnoses.map((d, i) => ({ code: d.code, poa: d.poa, principal: i === 0 })),
    procedures: coding.procedures.map((p) => ({ code: p.code, modifiers: p.modifiers, units: p.units, pointers: letters(p.pointers) })),
  };
}

export function validateCoding(content: ContentDb, chart: ChartForValidation, coding: Coding): ValidationProblem[] {
  const claim = claimLines(
    claimForChart(chart, coding),
    coding.procedures.map((p) => p.system),
  );
  const px = claim.px.map((line, i) => ({ ...line, pointers: pointersByCode(claim.dx, coding.procedures[i]?.pointers ?? []) }));
  return checkLines(content, { ...claim, px }).map((f) => ({
    rule: f.edit,
    severity: f.severity,
    message: f.message,
    codes: f.codes,
    // Structural checks have no file behind them.
    ...(f.source === 'claim' ? {} : { source: f.source }),
  }));
}

export const hasErrors = (problems: ValidationProblem[]): boolean => problems.some((p) => p.severity === 'error');
