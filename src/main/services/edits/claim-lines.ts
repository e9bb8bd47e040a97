/**
 * The claim as the edits read it: codes normalised (no dot, upper case), the principal /
 * first-listed diagnosis marked, each procedure's code system known.
 */
import { POINTER_LETTERS, type Claim } from '../../../shared/claim';
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

/**
 * One diagnosis pointer of a line, as given: a box 24E letter (claim JSON) or a diagnosis code
 * (a chart's coding). dx is the diagnosis it names, null when there is none (a letter past the
 * last diagnosis; a code no longer among the diagnoses).
 */
export interface LinePointer {
  given: string;
  by: 'letter' | 'code';
  dx: DxLine | null;
}

export interface PxLine {
  index: number;
  system: ProcedureSystem;
  code: string;
  display: string;
  modifiers: string[];
  units: number;
  pointers: LinePointer[];
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

/** A line's pointers as claim letters: A is the first diagnosis. */
function pointersByLetter(dx: readonly DxLine[], letters: readonly string[]): LinePointer[] {
  return letters.map((given) => ({ given, by: 'letter', dx: dx[POINTER_LETTERS.indexOf(given)] ?? null }));
}

/** A chart's pointers name diagnosis codes: each finds its code wherever it now stands. */
export function pointersByCode(dx: readonly DxLine[], codes: readonly string[]): LinePointer[] {
  return codes.map((given) => {
    const code = normaliseCode('icd10cm', given);
    return { given: displayCode('icd10cm', given), by: 'code', dx: dx.find((d) => d.code === code) ?? null };
  });
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
      pointers: pointersByLetter(dx, p.pointers),
    };
  });
  return { setting: claim.setting, date: claim.dateOfService, patient: claim.patient, dx, px, principal: dx[principalAt] ?? null };
}
