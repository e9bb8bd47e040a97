/**
 * TXA-2 document type → the kind a coder files it under. The codes are HL7 table 0270 (v2.5),
 * plus a few local codes interfaces commonly send instead. Anything else is 'other' and keeps the
 * sender's own title, so an unknown type is shown, never dropped.
 */
import type { DocumentKind } from '../../../../shared/domain';

interface KindEntry {
  kind: DocumentKind;
  title: string;
}

const TABLE_0270: Record<string, KindEntry> = {
  AR: { kind: 'other', title: 'Autopsy report' },
  CD: { kind: 'procedure_note', title: 'Cardiodiagnostics' },
  CN: { kind: 'consult', title: 'Consultation' },
  DI: { kind: 'radiology', title: 'Diagnostic imaging' },
  DS: { kind: 'discharge_summary', title: 'Discharge summary' },
  ED: { kind: 'ed_note', title: 'Emergency department report' },
  HP: { kind: 'history_physical', title: 'History and physical' },
  OP: { kind: 'operative_report', title: 'Operative report' },
  PC: { kind: 'consult', title: 'Psychiatric consultation' },
  PH: { kind: 'history_physical', title: 'Psychiatric history and physical' },
  // Table 0270's PN is a procedure note, not a progress note (that is PR).
  PN: { kind: 'procedure_note', title: 'Procedure note' },
  PR: { kind: 'progress_note', title: 'Progress note' },
  SP: { kind: 'lab', title: 'Surgical pathology' },
  TS: { kind: 'discharge_summary', title: 'Transfer summary' },
};

const LOCAL_CODES: Record<string, KindEntry> = {
  'H&P': TABLE_0270.HP!,
  ER: TABLE_0270.ED!,
  RAD: { kind: 'radiology', title: 'Radiology report' },
  LAB: { kind: 'lab', title: 'Laboratory report' },
  CLN: { kind: 'clinic_note', title: 'Clinic note' },
};

/** The kind and a title for TXA-2 (code, and the sender's own text when it sends one). */
export function documentKind(code: string, senderTitle: string): KindEntry {
  const key = code.trim().toUpperCase();
  const entry = TABLE_0270[key] ?? LOCAL_CODES[key];
  if (entry) return { kind: entry.kind, title: senderTitle || entry.title };
  return { kind: 'other', title: senderTitle || code || 'Document' };
}
