/**
 * What every reader of a hospital export (FHIR R4 bundle or bulk NDJSON, HL7 v2 files) turns its
 * input into, and what the ingest applies to the workspace. Readers never touch the database;
 * the ingest never parses a wire format. One item per resource-level outcome, so one refused
 * encounter never blocks the rest of its file.
 */
import type { ChartSetting, DocumentKind } from '../../../shared/domain';

export type SourceFormat = 'fhir' | 'hl7v2';

/** A document as the source sent it; `text` for text/plain and text/html, `data` for bytes. */
export interface IncomingDocument {
  /** Stable within the source: the DocumentReference/DiagnosticReport id, or TXA-12. */
  sourceId: string;
  kind: DocumentKind;
  title: string;
  author: string;
  /** ISO YYYY-MM-DD. */
  date: string;
  /** Lower-case MIME type without parameters: 'text/plain', 'text/html', 'application/pdf', … */
  contentType: string;
  /** Decoded text (text/* types); null for binary content. */
  text: string | null;
  /** Raw bytes for every non-text type (kept even when the viewer cannot show them). */
  data: Uint8Array | null;
}

/** An existing Condition/Procedure/reason from the source system: shown beside the chart, never a code. */
export interface IncomingHint {
  kind: 'condition' | 'procedure' | 'reason';
  system: string;
  code: string;
  display: string;
}

/** One encounter, as one chart. */
export interface IncomingChart {
  /** 'fhir:Encounter/<id>' or 'hl7:<sending facility>|<visit or account number>'. */
  sourceKey: string;
  format: SourceFormat;
  /** What coded results name the encounter by: 'Encounter/<id>' or the HL7 visit number. */
  sourceRef: string;
  /** The account or visit number a coder knows the chart by, when the source has a short one. */
  accountNumber: string | null;
  patient: {
    /** 'Family, Given' as the source spells it. */
    name: string;
    /** 'Patient/<id>' or the HL7 medical record number. */
    ref: string | null;
    /** Whole years at the start of the encounter. */
    ageAtEncounter: number;
    sex: 'F' | 'M' | 'U';
  };
  setting: ChartSetting;
  /** ISO YYYY-MM-DD; for a single-day visit both are the service date. */
  admitDate: string;
  dischargeDate: string;
  payer: string;
  facility: string | null;
  attending: string | null;
  location: string | null;
  hints: IncomingHint[];
  /** Documents that arrived with the encounter; more may follow as `document` items. */
  documents: IncomingDocument[];
}

/** Where a refused resource was: the file, and the 1-based line for NDJSON/HL7 (null for a bundle entry). */
export interface Refusal {
  file: string;
  line: number | null;
  reason: string;
}

export type IncomingItem =
  /** `file`/`line`, when the reader gives them, name where a chart the ingest refuses came from. */
  | { type: 'chart'; chart: IncomingChart; file?: string; line?: number | null }
  /** A document for an encounter given by its sourceKey (an MDM^T02, or a bulk file read after the encounters). */
  | { type: 'document'; chartSourceKey: string; document: IncomingDocument; file: string; line: number | null }
  | { type: 'refused'; refusal: Refusal };

export interface ReadOptions {
  /** Encounter.class AMB (and HL7 PV1-2 'O') becomes this setting: a facility's outpatient chart or a pro-fee one. */
  ambulatorySetting: Extract<ChartSetting, 'outpatient_surgery' | 'professional'>;
  /** An attachment larger than this is refused (its chart still imports, without it). */
  maxAttachmentBytes: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  ambulatorySetting: 'outpatient_surgery',
  maxAttachmentBytes: 25 * 1024 * 1024,
};

/** A reader yields items in an order the ingest can apply: a chart before its `document` items. */
export type IncomingReader = AsyncIterable<IncomingItem>;
