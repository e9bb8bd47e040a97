/**
 * The claim as the edits read it: codes normalised (no dot, upper case), the principal /
 * first-listed diagnosis marked, each procedure's code system known.
 */
import type { Claim } from '../../../shared/claim';
import type { CodeSystem } from '../../../shared/domain';
import { displayCode, normaliseCode } from '../codesets/code-format';

export type ProcedureSystem = Extract<CodeSystem, 'icd10pcs' | 'hcpcs' | 'cpt'>;

export interface DxLine {
  index: number;
  code: string;
  display: string;
  /** As given; null or '' when not reported. */
  poa: string | null;
  principal: boolean;
}

export interface PxLine {
  index: number;
  system: ProcedureSystem;
  code: string;
  display: string;
  modifiers: string[];
  units: number;
}

export interface ClaimLines {
  setting: Claim['setting'];
  date: string;
  patient: Claim['patient'];
  dx: DxLine[];
  px: PxLine[];
  principal: DxLine | null;
}

/** 7 characters: ICD-10-PCS; a letter and 4 digits: HCPCS Level II; otherwise CPT. */
export function procedureSystem(code: string): ProcedureSystem {
  const c = normaliseCode('cpt', code);
  if (/^[0-9A-HJ-NP-Z]{7}$/.test(c)) return 'icd10pcs';
  if (/^[A-Z][0-9]{4}$/.test(c)) return 'hcpcs';
  return 'cpt';
}

export function claimLines(claim: Claim, systems?: readonly (ProcedureSystem | undefined)[]): ClaimLines {
  const flagged = claim.diagnoses.findIndex((d) => d.principal === true);
  const principalAt = flagged >= 0 ? flagged : 0;
  const dx = claim.diagnoses.map((d, index) => ({
    index,
    code: normaliseCode('icd10cm', d.code),
    display: displayCode('icd10cm', d.code),
    poa: d.poa ?? null,
    principal: index === principalAt,
  }));
  const px = claim.procedures.map((p, index) => {
    const system = systems?.[index] ?? procedureSystem(p.code);
    return {
      index,
      system,
      code: normaliseCode(system, p.code),
      display: displayCode(system, p.code),
      modifiers: p.modifiers.map((m) => m.toUpperCase()),
      units: p.units,
    };
  });
  return { setting: claim.setting, date: claim.dateOfService, patient: claim.patient, dx, px, principal: dx[principalAt] ?? null };
}
