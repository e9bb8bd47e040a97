/** Domain types shared by every layer. Pure TypeScript: no node:, no DOM, no electron. */
import type { PendingSourceChange } from './chart-import';

export const ROLES = ['coder', 'auditor', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const SETTINGS = ['inpatient', 'outpatient_surgery', 'emergency', 'professional'] as const;
export type ChartSetting = (typeof SETTINGS)[number];

export const CHART_STATUSES = ['new', 'in_progress', 'on_hold', 'submitted'] as const;
export type ChartStatus = (typeof CHART_STATUSES)[number];

export const HOLD_REASONS = ['missing_documentation', 'awaiting_query', 'other'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** Why a submitted chart is reopened for correction (DOMAIN: late documents, audit findings, a coder's own catch, payer denials). */
export const REOPEN_REASONS = ['late_documentation', 'audit_finding', 'coder_correction', 'payer_denial', 'other'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];
/** The reopen note's length limit; a note is required when the reason is 'other'. */
export const REOPEN_NOTE_MAX = 500;

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
  // An imported document whose type names none of the above (its own title is shown).
  'other',
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
  /** Gaps between inputs longer than this many minutes are not counted as active time on a chart. */
  activityIdleMinutes: number;
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
  /** 1 until the chart is reopened after a submit; each reopen starts the next version. */
  version: number;
  /** Imported charts: the source sent a change after submit that is not applied (see ChartSource). */
  sourceChanged?: boolean;
}

export interface DocumentMeta {
  id: string;
  kind: DocumentKind;
  title: string;
  author: string;
  date: string;
  /** As received, e.g. 'text/plain', 'text/html', 'application/pdf', 'image/tiff' (see document-types.ts). */
  contentType: string;
  /** Bytes: of the text (UTF-8) for text types, of the stored data for binary ones. */
  size: number;
}

export interface ChartDetail extends ChartRow {
  patientName: string;
  /** The date that selects the code-set version: discharge (inpatient) or service date. */
  codingDate: string;
  documents: DocumentMeta[];
  holdReason: HoldReason | null;
  holdNote: string | null;
  /** Why the current version was reopened (null for version 1). */
  reopened: ReopenRecord | null;
  /** Where an imported chart came from (absent or null for demo charts). */
  source?: ChartSource | null;
  /** The source system's own conditions, procedures and reasons: for reference, never codes. */
  hints?: SourceHint[];
}

/** An imported chart's origin, as the header shows it. */
export interface ChartSource {
  format: 'fhir' | 'hl7v2';
  /** What coded results name the encounter by: 'Encounter/<id>' or the HL7 visit number. */
  sourceRef: string;
  facility: string | null;
  attending: string | null;
  location: string | null;
  lastImportedAt: string;
  /** Set when the source changed after the chart was submitted; the change waits in `pending`. */
  changedAfterSubmitAt: string | null;
  pending: PendingSourceChange | null;
}

export interface SourceHint {
  kind: 'condition' | 'procedure' | 'reason';
  /** The coding system as the source named it (a URI or an HL7 table), e.g. http://snomed.info/sct. */
  system: string;
  code: string;
  display: string;
}

export interface ChartDocument extends DocumentMeta {
  chartId: string;
  /** The text of text/plain and text/html documents (HTML raw, sanitised by the viewer); '' for binary ones. */
  body: string;
  /** A PDF's bytes as base64; null for every other type (the viewer cannot show them, so they are not sent). */
  dataBase64: string | null;
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
  /**
   * Professional charts: the diagnosis codes this line points at (up to 4, the line's primary
   * first). Stored by code, not position, so reordering the diagnoses keeps each pointer on its
   * code and removing one leaves a pointer the checker reports. Absent on codings saved before
   * pointers existed: read as none.
   */
  pointers?: string[];
}

/** The coder's work on a chart. diagnoses[0] is the principal / first-listed diagnosis. */
export interface Coding {
  diagnoses: CodedDiagnosis[];
  procedures: CodedProcedure[];
}

/** One reopen of a submitted chart: it started `version` from the submission of version - 1. */
export interface ReopenRecord {
  version: number;
  reason: ReopenReason;
  note: string;
  at: string;
  /** Profile id. */
  by: string;
}

/** One immutable submission of a chart. */
export interface SubmittedVersion {
  version: number;
  coding: Coding;
  submittedAt: string;
  /** Profile id. */
  submittedBy: string;
}

/** A chart's versions: its submissions (oldest first) and the reopens between them. */
export interface ChartVersions {
  chartId: string;
  /** The version being worked on, or the latest submitted one. */
  current: number;
  submissions: SubmittedVersion[];
  reopens: ReopenRecord[];
}

export interface CodeHit {
  system: CodeSystem;
  /** Display form: dotted for ICD-10-CM. */
  code: string;
  title: string;
  billable: boolean;
  /**
   * Why this code matched when it was not its title: an index path, an inclusion term, a
   * synonym, a corrected spelling; 'partial' when some typed words were ignored (`text` lists them);
   * 'pair' when no code covers every concept typed and this one goes with another (`text`: "with N18.32").
   */
  matchedBy?: { kind: 'index' | 'inclusion' | 'synonym' | 'typo' | 'partial' | 'pair'; text: string };
  /**
   * Set on a code terminated before the search date (then billable is false): its last day in
   * force and the codes the code set names as its replacement (may be empty). Only a code typed
   * exactly comes back terminated; a word search never returns one.
   */
  terminated?: { on: string; replacedBy: string[] };
  /** Set on a code in force only from this later date (then billable is false); typed exactly only. */
  startsOn?: string;
}

export interface ValidationProblem {
  /** Stable id, e.g. "code.unknown", "code.header", "dx.principal-missing". */
  rule: string;
  /** error blocks submit, warning needs an acknowledgement, note (an edit that could not run) neither. */
  severity: 'error' | 'warning' | 'note';
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

/** Automatic logoff: short enough to protect an unattended screen, never off (HIPAA 164.312(a)(2)(iii)). */
export const IDLE_LOCK_LIMITS = { min: 1, max: 30 } as const;

/**
 * The modifiers the modifier field suggests (its placeholder and its error): a CPT one and a
 * Level II anatomic one. Each must be accepted by the edits on the demo as on official files
 * (tests/main/edits/demo-edits.test.ts).
 */
export const MODIFIER_EXAMPLES = ['25', 'LT'] as const;
