/** The three export formats, each from the same records: what it writes and how it counts. */
import { csvFile, csvRows } from './csv';
import { fhirBundle, fhirClaims } from './fhir-bundle';
import { hl7File } from './hl7-bar';
import type { ExportRecord } from './records';
import type { ExportFormat } from '../../../../shared/results';

export type { ExportFormat };

/** The file's text; FHIR validates every Claim first and throws (nothing written) on an invalid one. */
export function renderExport(format: ExportFormat, records: readonly ExportRecord[], at: Date): string {
  switch (format) {
    case 'fhir':
      return fhirBundle(fhirClaims(records), at);
    case 'hl7':
      return hl7File(records, at);
    case 'csv':
      return csvFile(records);
  }
}

/** Rows of the CSV export (one per code) — also the number of codes exported. */
export const codeCount = (records: readonly ExportRecord[]): number => records.reduce((n, r) => n + csvRows(r).length, 0);
