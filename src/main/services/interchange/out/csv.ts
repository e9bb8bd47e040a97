/**
 * The CSV export: one row per code (diagnoses, then procedures, per chart), RFC 4180 (CRLF,
 * fields with comma, quote or line break quoted, quotes doubled), UTF-8 without a BOM.
 * A cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
 * prefixed with an apostrophe: codes never start so, but an imported id or name might.
 * Columns are documented in README.md ("Exporting coded results").
 */
import { codeLines, encounterRef } from './lines';
import type { ExportRecord } from './records';

export const CSV_COLUMNS = [
  'chart_id',
  'version',
  'submitted_at',
  'coder',
  'setting',
  'code_system',
  'code',
  'sequence',
  'role',
  'poa',
  'modifiers',
  'units',
  'pointers',
  'procedure_date',
  'encounter_ref',
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

/** A cell as text a spreadsheet shows and never evaluates. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(record: ExportRecord): CsvRow[] {
  const lines = codeLines(record);
  const common = {
    chart_id: record.chartId,
    version: record.version,
    submitted_at: record.submittedAt,
    coder: record.coderId,
    setting: record.setting,
    encounter_ref: encounterRef(record),
  };
  return [
    ...lines.diagnoses.map((d) => ({
      ...common,
      code_system: 'icd10cm',
      code: d.code,
      sequence: d.sequence,
      role: d.role,
      poa: d.poa ?? '',
      modifiers: '',
      units: '',
      pointers: '',
      procedure_date: '',
    })),
    ...lines.procedures.map((p) => ({
      ...common,
      code_system: p.system,
      code: p.code,
      sequence: p.sequence,
      role: 'procedure',
      poa: '',
      modifiers: p.modifiers.join(';'),
      units: p.units,
      pointers: p.pointers.join(';'),
      procedure_date: p.date ?? '',
    })),
  ];
}

const line = (row: CsvRow): string => CSV_COLUMNS.map((c) => csvCell(row[c])).join(',');

export function csvFile(records: readonly ExportRecord[]): string {
  const out = [CSV_COLUMNS.join(',')];
  for (const record of records) for (const row of csvRows(record)) out.push(line(row));
  return `${out.join('\r\n')}\r\n`;
}
