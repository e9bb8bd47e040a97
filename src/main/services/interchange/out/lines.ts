/**
 * A submission's codes as numbered lines, the one reading every format shares: diagnoses in
 * the coder's order (the first is principal / first-listed), then procedures. Pointers are
 * stored by diagnosis code; here they become diagnosis sequence numbers (1 = the first).
 */
import type { CodedProcedure } from '../../../../shared/domain';
import type { ExportRecord } from './records';

/** 'admitting' is a role the formats know; CodeDesk's coding records no admitting diagnosis yet. */
export type DiagnosisRole = 'principal' | 'admitting' | 'secondary';

export interface DiagnosisLine {
  sequence: number;
  code: string;
  role: DiagnosisRole;
  /** Inpatient only (facility claims report POA; other settings never carry it). */
  poa: string | null;
}

export interface ProcedureLine {
  sequence: number;
  system: CodedProcedure['system'];
  code: string;
  modifiers: string[];
  units: number;
  /** Diagnosis sequence numbers this line points at, its primary first. */
  pointers: number[];
  /** The PCS procedure date, else null. */
  date: string | null;
}

export interface CodeLines {
  diagnoses: DiagnosisLine[];
  procedures: ProcedureLine[];
}

export function codeLines(record: ExportRecord): CodeLines {
  const inpatient = record.setting === 'inpatient';
  const diagnoses = record.coding.diagnoses.map((d, i) => ({
    sequence: i + 1,
    code: d.code,
    role: (i === 0 ? 'principal' : 'secondary') as DiagnosisRole,
    poa: inpatient ? d.poa : null,
  }));
  const seqOf = new Map(diagnoses.map((d) => [d.code.toUpperCase(), d.sequence]));
  const procedures = record.coding.procedures.map((p, i) => ({
    sequence: i + 1,
    system: p.system,
    code: p.code,
    modifiers: p.modifiers,
    units: p.units,
    // A pointer whose diagnosis is gone cannot be submitted (the checker refuses it); skip defensively.
    pointers: (p.pointers ?? []).flatMap((c) => seqOf.get(c.toUpperCase()) ?? []),
    date: p.date,
  }));
  return { diagnoses, procedures };
}

/** What the receiving system names the encounter by: the source's reference, else our chart id. */
export function encounterRef(record: ExportRecord): string {
  return record.source?.sourceRef ?? record.chartId;
}
