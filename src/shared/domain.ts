/** Domain types shared by every layer. Pure TypeScript: no node:, no DOM, no electron. */

export const ROLES = ['coder', 'auditor', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const SETTINGS = ['inpatient', 'outpatient_surgery', 'emergency', 'professional'] as const;
export type ChartSetting = (typeof SETTINGS)[number];

export const CHART_STATUSES = ['new', 'in_progress', 'on_hold', 'submitted'] as const;
export type ChartStatus = (typeof CHART_STATUSES)[number];

export const HOLD_REASONS = ['missing_documentation', 'awaiting_query', 'other'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const CODE_SYSTEMS = ['icd10cm', 'icd10pcs', 'hcpcs', 'cpt'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export const POA_VALUES = ['Y', 'N', 'U', 'W', '1'] as const;
/** '1' is the UB-04 value for "exempt from POA reporting". */
export type PoaValue = (typeof POA_VALUES)[number];

export const DOCUMENT_KINDS = [
  'history_physical',
  'progress_note',
  'operative_report',
  'procedure_note',
  'discharge_summary',
  'ed_note',
  'radiology',
  'lab',
  'consult',
  'clinic_note',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface ProfileSummary {
  id: string;
  displayName: string;
  role: Role;
  createdAt: string;
}

export interface SessionStatus {
  unlocked: boolean;
  profile: ProfileSummary | null;
  idleLockMinutes: number;
  deviceId: string;
  /** Set when the audit trail did not match its seal on unlock: the workspace is read-only until it is restored or re-anchored. */
  trailProblem: string | null;
}

export interface ChartRow {
  id: string;
  patientAge: number;
  patientSex: 'F' | 'M' | 'U';
  setting: ChartSetting;
  /** Admission (inpatient) or service date, ISO YYYY-MM-DD. */
  admitDate: string;
  /** Discharge date (inpatient) or the service date. */
  dischargeDate: string;
  payer: string;
  /** 1 = highest. */
  priority: number;
  dueDate: string;
  status: ChartStatus;
  assignee: string;
}

export interface DocumentMeta {
  id: string;
  kind: DocumentKind;
  title: string;
  author: string;
  date: string;
}

export interface ChartDetail extends ChartRow {
  patientName: string;
  /** The date that selects the code-set version: discharge (inpatient) or service date. */
  codingDate: string;
  documents: DocumentMeta[];
  holdReason: HoldReason | null;
  holdNote: string | null;
}

export interface ChartDocument extends DocumentMeta {
  chartId: string;
  body: string;
}

export interface CodedDiagnosis {
  code: string;
  /** Inpatient only; null elsewhere or when not yet chosen. */
  poa: PoaValue | null;
}

export interface CodedProcedure {
  system: 'icd10pcs' | 'cpt' | 'hcpcs';
  code: string;
  modifiers: string[];
  units: number;
  /** ISO date, inpatient PCS. */
  date: string | null;
}

/** The coder's work on a chart. diagnoses[0] is the principal / first-listed diagnosis. */
export interface Coding {
  diagnoses: CodedDiagnosis[];
  procedures: CodedProcedure[];
}

export interface CodeHit {
  system: CodeSystem;
  /** Display form: dotted for ICD-10-CM. */
  code: string;
  title: string;
  billable: boolean;
  /** Why this code matched when it was not its title: an index path, an inclusion term, a synonym. */
  matchedBy?: { kind: 'index' | 'inclusion' | 'synonym' | 'typo'; text: string };
}

export interface ValidationProblem {
  /** Stable id, e.g. "code.unknown", "code.header", "dx.principal-missing". */
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  codes: string[];
  /** Where the rule comes from (file, version, row or note), when it comes from a file. */
  source?: string;
}

export interface ContentVersion {
  id: number;
  system: CodeSystem;
  label: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  isDemo: boolean;
  /** Imported from a known official release, byte for byte (false for demo and unverified files). */
  verified: boolean;
  codeCount: number;
  importedAt: string;
}

/** A finding's identity for acknowledgements: its rule and the codes involved. */
export const problemKey = (p: Pick<ValidationProblem, 'rule' | 'codes'>): string => `${p.rule}|${p.codes.join(',')}`;

/**
 * The modifiers the modifier field suggests (its placeholder and its error): a CPT one and a
 * Level II anatomic one. Each must be accepted by the edits on the demo as on official files
 * (tests/main/edits/demo-edits.test.ts).
 */
export const MODIFIER_EXAMPLES = ['25', 'LT'] as const;
