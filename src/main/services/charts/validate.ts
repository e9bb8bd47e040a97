/**
 * Validation at submit, v1: every code exists and is billable in the code-set version in
 * force on the chart's coding date, and a principal / first-listed diagnosis exists.
 * (The full edits catalogue — Excludes1, MCE, NCCI, MUE — builds on this later.)
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ChartSetting, CodeSystem, Coding, ValidationProblem } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { lookupCodes, versionFor } from '../codesets/lookup';

const SYSTEM_NAMES: Record<CodeSystem, string> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS Level II',
  cpt: 'CPT',
};

interface CheckTarget {
  system: CodeSystem;
  codes: string[];
}

function checkCodes(
  content: Database.Database,
  target: CheckTarget,
  date: string,
  problems: ValidationProblem[],
): void {
  if (target.codes.length === 0) return;
  const name = SYSTEM_NAMES[target.system];
  const version = versionFor(content, target.system, date);
  if (!version) {
    const blocking = target.system === 'icd10cm' || target.system === 'icd10pcs';
    problems.push({
      rule: blocking ? 'codeset.missing' : 'codeset.unverified',
      severity: blocking ? 'error' : 'warning',
      message: blocking
        ? `No ${name} code set is in force on ${date}. Import the ${name} files for that fiscal year to check these codes.`
        : `No ${name} code set is imported for ${date}, so these codes could not be checked.`,
      codes: target.codes,
    });
    return;
  }
  let found: ReturnType<typeof lookupCodes>;
  try {
    found = lookupCodes(content, target.system, target.codes, date);
  } catch (e) {
    if (e instanceof AppFailure && e.code === ErrorCode.NoCodeSet) return;
    throw e;
  }
  const seen = new Set<string>();
  for (const code of target.codes) {
    const key = code.replace('.', '').toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const hit = found.get(key);
    if (!hit) {
      problems.push({
        rule: 'code.unknown',
        severity: 'error',
        message: `${code} is not a valid ${name} code in ${version.label} (in force on ${date}).`,
        codes: [code],
      });
    } else if (!hit.billable) {
      problems.push({
        rule: 'code.not-billable',
        severity: 'error',
        message: `${hit.display} is a header, not a billable code: choose a more specific code below it.`,
        codes: [hit.display],
      });
    }
  }
}

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const c of codes) {
    const key = c.replace('.', '').toUpperCase();
    if (seen.has(key)) dups.add(c);
    seen.add(key);
  }
  return [...dups];
}

export function validateCoding(
  content: Database.Database,
  chart: { setting: ChartSetting; codingDate: string },
  coding: Coding,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const inpatient = chart.setting === 'inpatient';
  if (coding.diagnoses.length === 0) {
    problems.push({
      rule: 'dx.principal-missing',
      severity: 'error',
      message: inpatient
        ? 'Add a principal diagnosis: every inpatient chart needs one.'
        : 'Add a first-listed diagnosis: every chart needs one.',
      codes: [],
    });
  }
  const dxCodes = coding.diagnoses.map((d) => d.code);
  checkCodes(content, { system: 'icd10cm', codes: dxCodes }, chart.codingDate, problems);
  for (const dup of duplicates(dxCodes)) {
    problems.push({ rule: 'dx.duplicate', severity: 'error', message: `${dup} is listed more than once.`, codes: [dup] });
  }
  if (inpatient) {
    const missing = coding.diagnoses.filter((d) => d.poa === null).map((d) => d.code);
    if (missing.length > 0) {
      problems.push({
        rule: 'poa.missing',
        severity: 'warning',
        message: `Choose a present-on-admission indicator for ${missing.join(', ')}.`,
        codes: missing,
      });
    }
  }
  for (const system of ['icd10pcs', 'hcpcs', 'cpt'] as const) {
    const codes = coding.procedures.filter((p) => p.system === system).map((p) => p.code);
    checkCodes(content, { system, codes }, chart.codingDate, problems);
    for (const dup of system === 'icd10pcs' ? duplicates(codes) : []) {
      problems.push({ rule: 'px.duplicate', severity: 'warning', message: `${dup} is listed more than once.`, codes: [dup] });
    }
  }
  const pcs = coding.procedures.filter((p) => p.system === 'icd10pcs').map((p) => p.code);
  if (!inpatient && pcs.length > 0) {
    problems.push({
      rule: 'px.pcs-not-inpatient',
      severity: 'warning',
      message: 'ICD-10-PCS codes are reported on inpatient facility claims; this chart is not inpatient.',
      codes: pcs,
    });
  }
  return problems;
}

export const hasErrors = (problems: ValidationProblem[]): boolean => problems.some((p) => p.severity === 'error');
