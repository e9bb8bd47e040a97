/**
 * Code spelling rules shared by importers, search, lookup and (later) edits: how a code is
 * stored (normalised: upper case, no dot) and how it is shown (ICD-10-CM dotted).
 * Pure functions, no database.
 */
import type { CodeSystem } from '../../../shared/domain';

export const SYSTEM_LABELS: Record<CodeSystem, string> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS',
  cpt: 'CPT',
};

/** Upper case, no dots, no spaces: the form stored in the content database and used as map key. */
export function normaliseCode(_system: CodeSystem, code: string): string {
  // Every system drops dots and blanks; only ICD-10-CM shows a dot, and only on display.
  return code.replace(/[.\s]/g, '').toUpperCase();
}

/** The form a coder reads: ICD-10-CM gets its dot after the 3rd character (E1165 -> E11.65). */
export function displayCode(system: CodeSystem, code: string): string {
  const normal = normaliseCode(system, code);
  if (system === 'icd10cm' && normal.length > 3) return `${normal.slice(0, 3)}.${normal.slice(3)}`;
  return normal;
}

// Shapes of normalised codes. PCS never uses the letters I and O (they look like 1 and 0).
const SHAPES: Record<CodeSystem, RegExp> = {
  // A letter, then letters and digits: FY2026 added categories such as QA0 (QA00101).
  icd10cm: /^[A-Z][0-9A-Z]{2,6}$/,
  icd10pcs: /^[0-9A-HJ-NP-Z]{7}$/,
  // Level II codes (letter + 4 digits) and the 2-character modifiers.
  hcpcs: /^(?:[A-Z][0-9]{4}|[0-9A-Z]{2})$/,
  // Category I (5 digits), II (4 digits + F), III (4 digits + T), PLA (4 digits + U), modifiers.
  cpt: /^(?:[0-9]{4}[0-9A-Z]|[0-9A-Z]{2})$/,
};

/** True when a normalised code has the shape of a code (or a PCS table / CM category header) of the system. */
export function hasCodeShape(system: CodeSystem, normalisedCode: string): boolean {
  if (system === 'icd10pcs' && /^[0-9A-HJ-NP-Z]{3}$/.test(normalisedCode)) return true;
  return SHAPES[system].test(normalisedCode);
}
