/** Readable labels for the domain's code values, in one place so every screen agrees. */
import type {
  ChartSetting,
  ChartStatus,
  CodeSystem,
  DocumentKind,
  HoldReason,
  PoaValue,
  ReopenReason,
  Role,
} from '../../shared/domain';

export const SETTING_LABELS: Record<ChartSetting, string> = {
  inpatient: 'Inpatient',
  outpatient_surgery: 'Outpatient surgery',
  emergency: 'Emergency',
  professional: 'Professional fee',
};

export const STATUS_LABELS: Record<ChartStatus, string> = {
  new: 'New',
  in_progress: 'In progress',
  on_hold: 'On hold',
  submitted: 'Submitted',
};

export const HOLD_REASON_LABELS: Record<HoldReason, string> = {
  missing_documentation: 'Missing documentation',
  awaiting_query: 'Awaiting query answer',
  other: 'Other',
};

export const REOPEN_REASON_LABELS: Record<ReopenReason, string> = {
  late_documentation: 'Late documentation',
  audit_finding: 'Audit finding',
  coder_correction: 'Coder correction',
  payer_denial: 'Payer denial',
  other: 'Other',
};

export const ROLE_LABELS: Record<Role, string> = {
  coder: 'Coder',
  auditor: 'Auditor',
  supervisor: 'Supervisor',
};

export const SYSTEM_LABELS: Record<CodeSystem, string> = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS',
  cpt: 'CPT',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  history_physical: 'History & physical',
  progress_note: 'Progress note',
  operative_report: 'Operative report',
  procedure_note: 'Procedure note',
  discharge_summary: 'Discharge summary',
  ed_note: 'ED note',
  radiology: 'Radiology',
  lab: 'Lab',
  consult: 'Consult',
  clinic_note: 'Clinic note',
  other: 'Document',
};

/** What each POA value means: the POA select's options and tooltip. */
export const POA_MEANINGS: Record<PoaValue, string> = {
  Y: 'Present at the time of inpatient admission',
  N: 'Not present at the time of inpatient admission',
  U: 'Documentation is insufficient to determine',
  W: 'Clinically undetermined',
  '1': 'Exempt from POA reporting',
};

export const SEX_LABELS = { F: 'Female', M: 'Male', U: 'Unknown' } as const;
