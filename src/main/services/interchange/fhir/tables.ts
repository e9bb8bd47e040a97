/**
 * The two mapping tables of the FHIR reader: which chart setting an Encounter.class becomes,
 * and which document kind a LOINC document type (or DiagnosticReport category) names.
 */
import type { ChartSetting, DocumentKind } from '../../../../shared/domain';

/** 'ambulatory' is the configured ReadOptions.ambulatorySetting (a facility's outpatient or a pro-fee chart). */
export type ClassSetting = ChartSetting | 'ambulatory';

/**
 * Encounter.class (v3 ActCode) → setting. A class not in this table is refused with its code named.
 * | code | meaning | setting |
 * |---|---|---|
 * | IMP, ACUTE, NONAC | inpatient encounter (acute, non-acute) | inpatient |
 * | AMB | ambulatory | ReadOptions.ambulatorySetting |
 * | EMER | emergency | emergency |
 * | OBSENC, SS | observation, short stay | outpatient_surgery (a facility outpatient chart) |
 * | HH, VR | home health, virtual | professional (billed as a clinician's service) |
 * Refused: PRENC (pre-admission), FLD (field), anything else.
 */
export const ENCOUNTER_CLASS_SETTINGS: Readonly<Record<string, ClassSetting>> = {
  IMP: 'inpatient',
  ACUTE: 'inpatient',
  NONAC: 'inpatient',
  AMB: 'ambulatory',
  EMER: 'emergency',
  OBSENC: 'outpatient_surgery',
  SS: 'outpatient_surgery',
  HH: 'professional',
  VR: 'professional',
};

/** LOINC document type → kind (DocumentReference.type, DiagnosticReport.code); the first known coding wins. */
export const LOINC_DOCUMENT_KINDS: Readonly<Record<string, DocumentKind>> = {
  '34117-2': 'history_physical', // History and physical note
  '11492-6': 'history_physical', // Hospital history and physical note
  '11506-3': 'progress_note', // Progress note
  '11504-8': 'operative_report', // Surgical operation note
  '28570-0': 'procedure_note', // Procedure note
  '18842-5': 'discharge_summary', // Discharge summary
  '34111-5': 'ed_note', // Emergency department note
  '34878-9': 'ed_note', // Emergency medicine note
  '11488-4': 'consult', // Consult note
  '18748-4': 'radiology', // Diagnostic imaging study
  '18782-3': 'radiology', // Radiology study observation (narrative)
  '11502-2': 'lab', // Laboratory report
  '51847-2': 'clinic_note', // Evaluation + plan note
  '34131-3': 'clinic_note', // Outpatient note
};

/** DiagnosticReport.category (v2-0074 section, US Core LOINC part) → kind, when its code names no kind. */
export const REPORT_CATEGORY_KINDS: Readonly<Record<string, DocumentKind>> = {
  RAD: 'radiology',
  CT: 'radiology',
  NMR: 'radiology',
  RUS: 'radiology',
  VUS: 'radiology',
  XRC: 'radiology',
  'LP29684-5': 'radiology', // LOINC part: Radiology
  LAB: 'lab',
  CH: 'lab',
  HM: 'lab',
  MB: 'lab',
  SR: 'lab',
};
