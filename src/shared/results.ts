/** Exporting coded results (FHIR R4 Claim, HL7 v2 BAR^P12, CSV): inputs and answers shared by every layer. */
import { z } from 'zod';
import type { ChartSetting } from './domain';

export const EXPORT_FORMATS = ['fhir', 'hl7', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  fhir: 'FHIR R4 Claims (Bundle, JSON)',
  hl7: 'HL7 v2 BAR^P12',
  csv: 'CSV, one row per code',
};

/** The most charts one export may name one by one (a date range has no limit). */
export const MAX_CHOSEN_CHARTS = 10_000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const exportSelectionSchema = z
  .object({
    /** Submitted on or after this day (UTC). */
    since: isoDate.optional(),
    /** Submitted on or before this day (UTC). */
    until: isoDate.optional(),
    chartIds: z.array(z.string().min(1).max(64)).min(1, 'choose at least one chart').max(MAX_CHOSEN_CHARTS).optional(),
  })
  .strict()
  .refine((s) => !s.since || !s.until || s.since <= s.until, 'the start date is after the end date');

export const exportInputSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    path: z.string().min(1).max(4096),
    selection: exportSelectionSchema.default({}),
    /** true writes plain text anyone holding the file can read; must be chosen explicitly. */
    plain: z.boolean(),
    /** Required unless plain: the passphrase the receiver opens the file with. */
    passphrase: z.string().max(1024).optional(),
  })
  .strict()
  .refine((i) => i.plain || (i.passphrase ?? '') !== '', { message: 'give a passphrase for the encrypted file, or choose plain', path: ['passphrase'] })
  .refine((i) => !i.plain || i.passphrase === undefined, { message: 'a plain export takes no passphrase', path: ['passphrase'] });

export interface ExportChartRow {
  chartId: string;
  version: number;
  submittedAt: string;
  setting: ChartSetting;
  diagnoses: number;
  procedures: number;
}

export interface ExportPreview {
  /** Charts the selection exports (their latest submission each). */
  total: number;
  /** The first of them (oldest submission first), up to the row limit. */
  charts: ExportChartRow[];
  counts: { fhir: { claims: number }; hl7: { messages: number; segments: number }; csv: { rows: number } };
  /** The first chart as each format writes it; null when nothing matches. */
  sample: { chartId: string; fhir: string; hl7: string; csv: string } | null;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  charts: number;
  codes: number;
  bytes: number;
  encrypted: boolean;
}
