/**
 * One submission as an HL7 v2.6 BAR^P12 (update diagnosis/procedure) for HIM systems.
 * Version 2.6 because DG1-26 (POA indicator) first appears there. Decisions:
 * - PID carries identifiers only (PID-3 the source's MRN or patient id, PID-18 the account);
 *   PID-5 (name) stays empty: the receiver matches the account, and the file no more PHI.
 * - DG1-6 diagnosis type 'F' (final): these are the coder's submitted codes, not working ones.
 *   DG1-15 priority: 1 for the principal / first-listed, then 2, 3 … in the coder's order.
 * - PR1 per procedure (PCS 'I10P', CPT 'C4', HCPCS 'HCPCS'), PR1-5 the PCS date or the date of
 *   service, PR1-16 the modifiers (repeating), PR1-15 the line's primary pointed diagnosis.
 *   v2 PR1 has no quantity: units travel in the FHIR and CSV exports only.
 * Segments end with CR; each message is followed by LF, so a file holds one message a line.
 */
import { codeLines, encounterRef } from './lines';
import type { ExportRecord } from './records';

const CLASS: Record<ExportRecord['setting'], string> = { inpatient: 'I', outpatient_surgery: 'O', emergency: 'E', professional: 'O' };
const PROCEDURE_SYSTEM = { icd10pcs: 'I10P', cpt: 'C4', hcpcs: 'HCPCS' } as const;

/** HL7 escapes for the delimiters; line breaks would end a segment, so they become spaces. */
export function hl7Escape(text: string): string {
  return text
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/~/g, '\\R\\')
    .replace(/&/g, '\\T\\')
    .replace(/[\r\n]+/g, ' ');
}

/** YYYYMMDDHHMMSS from an ISO timestamp; YYYYMMDD from an ISO date. */
export function hl7Time(iso: string): string {
  return iso.replace(/\.\d+/, '').replace(/Z$|[+-]\d\d:\d\d$/, '').replace(/[-:T]/g, '');
}

/** A segment from raw (already composed) fields; trailing empty fields are dropped. */
function segment(name: string, fields: readonly string[]): string {
  const out = [...fields];
  while (out.length && out[out.length - 1] === '') out.pop();
  return [name, ...out].join('|');
}

const field = (values: Record<number, string>): string[] => {
  const max = Math.max(0, ...Object.keys(values).map(Number));
  return Array.from({ length: max }, (_, i) => values[i + 1] ?? '');
};

/** PID-3's identifier type: the MRN an HL7 source sent, a FHIR Patient id (patient internal), else our account number. */
const patientIdType = (record: ExportRecord): string => (!record.source?.patientRef ? 'AN' : record.source.format === 'hl7v2' ? 'MR' : 'PI');

export function barP12(record: ExportRecord, controlId: string, at: Date): string {
  const e = hl7Escape;
  const lines = codeLines(record);
  const account = e(record.chartId);
  const patientId = record.source?.patientRef ? e(record.source.patientRef.replace(/^Patient\//, '')) : account;
  const visit = e(encounterRef(record).replace(/^Encounter\//, ''));
  const dxCode = new Map(lines.diagnoses.map((d) => [d.sequence, d.code]));
  const segments = [
    `MSH|^~\\&|CODEDESK|${e(record.source?.facility ?? '')}|||${hl7Time(at.toISOString())}||BAR^P12^BAR_P12|${e(controlId)}|P|2.6`,
    segment('EVN', field({ 1: 'P12', 2: hl7Time(record.submittedAt), 5: e(record.coderId) })),
    segment('PID', field({ 1: '1', 3: `${patientId}^^^^${patientIdType(record)}`, 18: account })),
    segment('PV1', field({ 1: '1', 2: CLASS[record.setting], 19: visit, 44: hl7Time(record.admitDate), 45: hl7Time(record.dischargeDate) })),
    ...lines.diagnoses.map((d) =>
      segment('DG1', field({ 1: String(d.sequence), 3: `${e(d.code)}^^I10`, 6: 'F', 15: String(d.sequence), 26: d.poa ? e(d.poa) : '' })),
    ),
    ...lines.procedures.map((p) =>
      segment(
        'PR1',
        field({
          1: String(p.sequence),
          3: `${e(p.code)}^^${PROCEDURE_SYSTEM[p.system]}`,
          5: hl7Time(p.date ?? record.dischargeDate),
          14: String(p.sequence),
          15: p.pointers[0] !== undefined ? `${e(dxCode.get(p.pointers[0]) ?? '')}^^I10` : '',
          16: p.modifiers.map(e).join('~'),
        }),
      ),
    ),
  ];
  return `${segments.join('\r')}\r`;
}

export function hl7File(records: readonly ExportRecord[], at: Date): string {
  const stamp = hl7Time(at.toISOString());
  return records.map((r, i) => `${barP12(r, `CD${stamp}${String(i + 1).padStart(5, '0')}`, at)}\n`).join('');
}
