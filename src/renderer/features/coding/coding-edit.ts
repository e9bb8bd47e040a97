/** Pure edits of a Coding value; the store applies them and schedules the save. */
import { MAX_POINTERS } from '../../../shared/claim';
import { MODIFIER_EXAMPLES, type CodedProcedure, type CodeHit, type Coding, type PoaValue } from '../../../shared/domain';

export type AddOutcome = { coding: Coding; added: true } | { coding: Coding; added: false; message: string };

export const MAX_MODIFIERS = 4;

export function addCode(coding: Coding, hit: CodeHit): AddOutcome {
  if (!hit.billable) {
    return { coding, added: false, message: `${hit.code} is a header, not billable. Choose a more specific code.` };
  }
  if (hit.system === 'icd10cm') {
    if (coding.diagnoses.some((d) => d.code === hit.code)) {
      return { coding, added: false, message: `${hit.code} is already in the diagnoses.` };
    }
    return { coding: { ...coding, diagnoses: [...coding.diagnoses, { code: hit.code, poa: null }] }, added: true };
  }
  const procedure: CodedProcedure = { system: hit.system, code: hit.code, modifiers: [], units: 1, date: null };
  return { coding: { ...coding, procedures: [...coding.procedures, procedure] }, added: true };
}

/** Moves item `index` by `delta` places; out-of-range moves return the list unchanged. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  const item = list[index];
  if (item === undefined || to < 0 || to >= list.length) return [...list];
  const next = list.filter((_, i) => i !== index);
  next.splice(to, 0, item);
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function setPoa(coding: Coding, index: number, poa: PoaValue | null): Coding {
  return { ...coding, diagnoses: coding.diagnoses.map((d, i) => (i === index ? { ...d, poa } : d)) };
}

export function updateProcedure(coding: Coding, index: number, patch: Partial<Omit<CodedProcedure, 'system' | 'code'>>): Coding {
  return { ...coding, procedures: coding.procedures.map((p, i) => (i === index ? { ...p, ...patch } : p)) };
}

/** Parses the modifier box ("25 59", "25,LT") into at most four upper-case 2-character modifiers. */
export function parseModifiers(text: string): { modifiers: string[]; problem: string | null } {
  const parts = text
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const bad = parts.find((p) => !/^[A-Z0-9]{2}$/.test(p));
  if (bad !== undefined) return { modifiers: [], problem: `A modifier has 2 letters or digits, e.g. ${MODIFIER_EXAMPLES.join(' or ')}.` };
  if (parts.length > MAX_MODIFIERS) return { modifiers: [], problem: `At most ${MAX_MODIFIERS} modifiers.` };
  return { modifiers: parts, problem: null };
}

export function sameCoding(a: Coding, b: Coding): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Points line `index` at diagnosis `code`, or takes the pointer away when it is there. Pointers
 * are kept in the order set: the first is the line's primary diagnosis.
 */
export function togglePointer(coding: Coding, index: number, code: string): { coding: Coding; problem: string | null } {
  const pointers = coding.procedures[index]?.pointers ?? [];
  if (pointers.includes(code)) return { coding: updateProcedure(coding, index, { pointers: pointers.filter((c) => c !== code) }), problem: null };
  if (pointers.length >= MAX_POINTERS) return { coding, problem: `At most ${MAX_POINTERS} diagnosis pointers on a line: take one away first.` };
  return { coding: updateProcedure(coding, index, { pointers: [...pointers, code] }), problem: null };
}
