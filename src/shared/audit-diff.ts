/**
 * The typed difference between a coder's coding and an auditor's re-coding of the same chart
 * (DOMAIN.md "Audit and accuracy"): every change is a finding of one kind, computed, never
 * hand-counted. Pure TypeScript.
 *
 * Matching is deterministic and goes from the closest match to none:
 * 1. Principal / first-listed: diagnoses[0] of each side. When they differ, one
 *    `principal_changed` finding names both codes, and those two codes are then taken out of the
 *    other side's secondaries, so a swap, a promotion or a replacement of the principal is one
 *    finding, never also a secondary added + deleted pair for the same codes.
 * 2. Secondaries: equal codes pair first; then a coder's leftover pairs with the first auditor
 *    leftover of the same ICD-10-CM category (first 3 characters) as `secondary_revised`; what is
 *    left is `secondary_deleted` (coder's) or `secondary_added` (auditor's).
 * 3. Procedures: lines pair first when equal in system, code, modifiers and units; then on system
 *    and code (`modifier_changed`, `units_changed`); then on system and code family as
 *    `procedure_revised`; what is left is `procedure_deleted` / `procedure_added`.
 * Within each step coder lines are taken in their order, each with the first free auditor line.
 */
import type { ChartSetting, Coding, PoaValue } from './domain';

export const AUDIT_FINDING_KINDS = [
  'principal_changed',
  'secondary_added',
  'secondary_deleted',
  'secondary_revised',
  'resequenced',
  'poa_changed',
  'procedure_added',
  'procedure_deleted',
  'procedure_revised',
  'modifier_changed',
  'units_changed',
] as const;
export type AuditFindingKind = (typeof AUDIT_FINDING_KINDS)[number];

/** A principal-diagnosis change is the serious error (DOMAIN.md); screens may flag it. */
export const SERIOUS_FINDING_KINDS: readonly AuditFindingKind[] = ['principal_changed'];

const PROCEDURE_KINDS: ReadonlySet<AuditFindingKind> = new Set(['procedure_added', 'procedure_deleted', 'procedure_revised', 'modifier_changed', 'units_changed']);

/** Which of the coder's lists a finding's `coderLine` indexes. */
export const findingArea = (kind: AuditFindingKind): 'diagnosis' | 'procedure' => (PROCEDURE_KINDS.has(kind) ? 'procedure' : 'diagnosis');

export interface AuditFinding {
  /** Stable within one diff: `${kind}:${code}` (the coder's code, else the auditor's), `#2`… on repeats. */
  id: string;
  kind: AuditFindingKind;
  /** Display form (ICD-10-CM dotted); null when the coder had no such code. */
  coderCode: string | null;
  auditorCode: string | null;
  /** Index into the coder's diagnoses or procedures (see findingArea); null for a code only the auditor has. */
  coderLine: number | null;
  /** Plain text naming codes only: no PHI. */
  detail: string;
}

/** Inpatient has a principal diagnosis (UHDDS); every other setting a first-listed one. */
export const principalLabel = (setting: ChartSetting): string => (setting === 'inpatient' ? 'Principal diagnosis' : 'First-listed diagnosis');

const KIND_LABELS: Record<Exclude<AuditFindingKind, 'principal_changed'>, string> = {
  secondary_added: 'Secondary diagnosis added',
  secondary_deleted: 'Secondary diagnosis deleted',
  secondary_revised: 'Secondary diagnosis revised',
  resequenced: 'Diagnosis resequenced',
  poa_changed: 'POA indicator changed',
  procedure_added: 'Procedure added',
  procedure_deleted: 'Procedure deleted',
  procedure_revised: 'Procedure revised',
  modifier_changed: 'Modifier changed',
  units_changed: 'Units changed',
};

export function findingLabel(kind: AuditFindingKind, setting: ChartSetting): string {
  return kind === 'principal_changed' ? `${principalLabel(setting)} changed` : KIND_LABELS[kind];
}

/**
 * How many diagnoses the claim carries: 837P / CMS-1500 box 21 holds 12 (A–L); the 837I holds
 * the principal and 24 others. Beyond the principal, diagnosis order matters only where it
 * decides whether a code reaches the claim: MS-DRG reads every secondary whatever its place,
 * and procedure lines point at codes, not positions. So `resequenced` is a secondary both sides
 * report that the coder placed beyond these slots and the auditor within them, ahead of at least
 * one other code both report (a code that only rose because others were deleted is no finding).
 */
export const claimDiagnosisSlots = (setting: ChartSetting): number => (setting === 'professional' ? 12 : 25);

const SYSTEM_LABELS = { icd10pcs: 'ICD-10-PCS', cpt: 'CPT', hcpcs: 'HCPCS' } as const;

/** Upper case without dots or blanks: 'e11.9' and 'E119' are one code. */
const normalise = (code: string): string => code.replace(/[.\s]/g, '').toUpperCase();
const dotted = (code: string): string => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/**
 * Code family for a revision: ICD-10-PCS section, body system and root operation (first 3);
 * CPT and HCPCS the first 4 characters (E/M levels 99213/99214, ED levels 99284/99285, HCPCS
 * neighbours such as E0100/E0105). Different systems never revise each other.
 */
const familyLength = (system: keyof typeof SYSTEM_LABELS): number => (system === 'icd10pcs' ? 3 : 4);

interface DxLine {
  code: string;
  line: number;
  poa: PoaValue | null;
}

interface PxLine {
  system: keyof typeof SYSTEM_LABELS;
  code: string;
  modifiers: string;
  units: number;
  line: number;
}

type Draft = Omit<AuditFinding, 'id'>;

/** Pairs coder and auditor lines that satisfy `same`, coder order first; removes them from both lists. */
function pairOff<T>(coder: T[], auditor: T[], same: (c: T, a: T) => boolean): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i < coder.length; ) {
    const c = coder[i] as T;
    const j = auditor.findIndex((a) => same(c, a));
    if (j < 0) {
      i += 1;
      continue;
    }
    pairs.push([c, auditor[j] as T]);
    coder.splice(i, 1);
    auditor.splice(j, 1);
  }
  return pairs;
}

function removeCode(lines: DxLine[], code: string | undefined): DxLine[] {
  const at = lines.findIndex((l) => l.code === code);
  return at < 0 ? lines : [...lines.slice(0, at), ...lines.slice(at + 1)];
}

function resequenced(kept: [DxLine, DxLine][], slots: number): Draft[] {
  // Rank among the codes both kept: a code the auditor put on the claim by moving it up ranks higher.
  const auditorRank = new Map([...kept].sort((x, y) => x[1].line - y[1].line).map(([c], rank) => [c, rank]));
  const out: Draft[] = [];
  kept.forEach(([c, a], coderRank) => {
    if (c.line < slots || a.line >= slots || (auditorRank.get(c) as number) >= coderRank) return;
    out.push({ kind: 'resequenced', coderCode: dotted(c.code), auditorCode: dotted(a.code), coderLine: c.line, detail: `${dotted(c.code)} moved from position ${c.line + 1} to ${a.line + 1}; the claim carries the first ${slots}` });
  });
  return out;
}

function diagnosisFindings(coder: DxLine[], auditor: DxLine[], setting: ChartSetting): Draft[] {
  const out: Draft[] = [];
  const cp = coder[0];
  const ap = auditor[0];
  let cSec = coder.slice(1);
  let aSec = auditor.slice(1);
  if (cp?.code !== ap?.code) {
    const from = cp ? dotted(cp.code) : 'none';
    const to = ap ? dotted(ap.code) : 'none';
    out.push({ kind: 'principal_changed', coderCode: cp ? dotted(cp.code) : null, auditorCode: ap ? dotted(ap.code) : null, coderLine: cp ? 0 : null, detail: `${principalLabel(setting)} changed from ${from} to ${to}` });
    cSec = removeCode(cSec, ap?.code);
    aSec = removeCode(aSec, cp?.code);
  }
  const kept = pairOff(cSec, aSec, (c, a) => c.code === a.code);
  out.push(...resequenced(kept, claimDiagnosisSlots(setting)));
  for (const [c, a] of pairOff(cSec, aSec, (x, y) => x.code.slice(0, 3) === y.code.slice(0, 3))) {
    out.push({ kind: 'secondary_revised', coderCode: dotted(c.code), auditorCode: dotted(a.code), coderLine: c.line, detail: `${dotted(c.code)} revised to ${dotted(a.code)} (category ${c.code.slice(0, 3)})` });
  }
  for (const c of cSec) out.push({ kind: 'secondary_deleted', coderCode: dotted(c.code), auditorCode: null, coderLine: c.line, detail: `${dotted(c.code)} deleted` });
  for (const a of aSec) out.push({ kind: 'secondary_added', coderCode: null, auditorCode: dotted(a.code), coderLine: null, detail: `${dotted(a.code)} added` });
  if (setting === 'inpatient') out.push(...poaFindings(coder, auditor));
  return out;
}

/** Inpatient only: a code both sides report, at any position, with a different POA indicator. */
function poaFindings(coder: DxLine[], auditor: DxLine[]): Draft[] {
  const auditorPoa = new Map<string, PoaValue | null>();
  for (const a of auditor) if (!auditorPoa.has(a.code)) auditorPoa.set(a.code, a.poa);
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const c of coder) {
    if (seen.has(c.code) || !auditorPoa.has(c.code)) continue;
    seen.add(c.code);
    const poa = auditorPoa.get(c.code) ?? null;
    if (poa === c.poa) continue;
    out.push({ kind: 'poa_changed', coderCode: dotted(c.code), auditorCode: dotted(c.code), coderLine: c.line, detail: `POA for ${dotted(c.code)} changed from ${c.poa ?? 'none'} to ${poa ?? 'none'}` });
  }
  return out;
}

function procedureFindings(coder: PxLine[], auditor: PxLine[]): Draft[] {
  const out: Draft[] = [];
  const sameCode = (c: PxLine, a: PxLine): boolean => c.system === a.system && c.code === a.code;
  // Equal lines first, so two lines of one code (20610-LT, 20610-RT) pair with their own twins.
  pairOff(coder, auditor, (c, a) => sameCode(c, a) && c.modifiers === a.modifiers && c.units === a.units);
  for (const [c, a] of pairOff(coder, auditor, sameCode)) {
    if (c.modifiers !== a.modifiers) {
      out.push({ kind: 'modifier_changed', coderCode: c.code, auditorCode: a.code, coderLine: c.line, detail: `Modifiers on ${c.code} changed from ${c.modifiers || 'none'} to ${a.modifiers || 'none'}` });
    }
    if (c.units !== a.units) {
      out.push({ kind: 'units_changed', coderCode: c.code, auditorCode: a.code, coderLine: c.line, detail: `Units on ${c.code} changed from ${c.units} to ${a.units}` });
    }
  }
  const sameFamily = (c: PxLine, a: PxLine): boolean => c.system === a.system && c.code.slice(0, familyLength(c.system)) === a.code.slice(0, familyLength(a.system));
  for (const [c, a] of pairOff(coder, auditor, sameFamily)) {
    out.push({ kind: 'procedure_revised', coderCode: c.code, auditorCode: a.code, coderLine: c.line, detail: `${SYSTEM_LABELS[c.system]} ${c.code} revised to ${a.code}` });
  }
  for (const c of coder) out.push({ kind: 'procedure_deleted', coderCode: c.code, auditorCode: null, coderLine: c.line, detail: `${SYSTEM_LABELS[c.system]} ${c.code} deleted` });
  for (const a of auditor) out.push({ kind: 'procedure_added', coderCode: null, auditorCode: a.code, coderLine: null, detail: `${SYSTEM_LABELS[a.system]} ${a.code} added` });
  return out;
}

const dxLines = (coding: Coding): DxLine[] => coding.diagnoses.map((d, line) => ({ code: normalise(d.code), line, poa: d.poa }));
const pxLines = (coding: Coding): PxLine[] =>
  coding.procedures.map((p, line) => ({
    system: p.system,
    code: normalise(p.code),
    // Modifiers compare as a set: the coding keeps them as typed, their order is not judged.
    modifiers: p.modifiers.map(normalise).sort().join(' '),
    units: p.units,
    line,
  }));

const KIND_ORDER = new Map(AUDIT_FINDING_KINDS.map((k, i) => [k, i]));

/** Every difference between the coder's and the auditor's coding, ordered by kind, then line. */
export function auditDiff(coder: Coding, auditor: Coding, setting: ChartSetting): AuditFinding[] {
  const drafts = [...diagnosisFindings(dxLines(coder), dxLines(auditor), setting), ...procedureFindings(pxLines(coder), pxLines(auditor))];
  // A stable sort keeps the line order each step produced within a kind.
  drafts.sort((x, y) => (KIND_ORDER.get(x.kind) as number) - (KIND_ORDER.get(y.kind) as number));
  const used = new Map<string, number>();
  return drafts.map((d) => {
    const base = `${d.kind}:${d.coderCode ?? d.auditorCode ?? ''}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n === 1 ? base : `${base}#${n}`, ...d };
  });
}
