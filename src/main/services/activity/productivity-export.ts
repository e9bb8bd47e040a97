/**
 * The productivity report as a file: CSV (a row per coder per day, charts submitted per setting
 * in columns) or XLSX (sheets Coders, Days, Team by day, Settings, Backlog and Definitions — every metric's formula, unit and
 * exclusions from metrics.ts). Typed cells: numbers are numbers, days are dates. Ids, names
 * of the team and counts only: the report holds no patient data to begin with.
 * The file is written beside the target and takes its name only after `beforePublish` (the
 * audit entry) succeeds, as the coded-results export does.
 */
import crypto from 'node:crypto';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { METRICS } from '../../../shared/metrics';
import type { CoderDayTotals, CoderTotals, ProductivityReport, Totals } from '../../../shared/productivity';
import { csvCell } from '../interchange/out/csv';
import { checkTarget, discard, publish, writeTemp } from '../interchange/out/export-file';

export const PRODUCTIVITY_FORMATS = ['csv', 'xlsx'] as const;
export type ProductivityFormat = (typeof PRODUCTIVITY_FORMATS)[number];

type Value = string | number | null;
interface Column<R> {
  header: string;
  value: (r: R) => Value;
  /** A day column: written as a date cell in the workbook. */
  date?: boolean;
}

const TOTAL_COLUMNS: Column<Totals>[] = [
  { header: 'charts_submitted', value: (t) => t.submitted },
  { header: 'inpatient', value: (t) => t.submittedBySetting.inpatient },
  { header: 'outpatient_surgery', value: (t) => t.submittedBySetting.outpatient_surgery },
  { header: 'emergency', value: (t) => t.submittedBySetting.emergency },
  { header: 'professional', value: (t) => t.submittedBySetting.professional },
  { header: 'resubmitted', value: (t) => t.resubmitted },
  { header: 'charts_opened', value: (t) => t.opened },
  { header: 'active_minutes', value: (t) => t.activeMinutes },
  { header: 'active_minutes_per_chart', value: (t) => t.activeMinutesPerChart },
  { header: 'charts_per_active_hour', value: (t) => t.chartsPerActiveHour },
  { header: 'weighted_units', value: (t) => t.weightedUnits },
  { header: 'holds_raised', value: (t) => t.holds },
  { header: 'queries_raised', value: (t) => t.queriesRaised },
  { header: 'query_rate_pct', value: (t) => t.queryRate },
  { header: 'query_response_rate_pct', value: (t) => t.queryResponseRate },
  { header: 'query_agreement_rate_pct', value: (t) => t.queryAgreementRate },
  { header: 'query_turnaround_hours', value: (t) => t.queryTurnaroundHours },
  { header: 'turnaround_assigned_hours', value: (t) => t.turnaroundAssignedHours },
  { header: 'turnaround_service_days', value: (t) => t.turnaroundServiceDays },
  { header: 'codes_changed', value: (t) => t.codesChanged },
  { header: 'charts_audited', value: (t) => t.chartsAudited },
];

const DAY_COLUMNS: Column<CoderDayTotals>[] = [
  { header: 'day', value: (d) => d.day, date: true },
  { header: 'coder_id', value: (d) => d.userId },
  { header: 'coder', value: (d) => d.displayName },
  ...TOTAL_COLUMNS,
];

const CODER_COLUMNS: Column<CoderTotals>[] = [
  { header: 'coder_id', value: (c) => c.userId },
  { header: 'coder', value: (c) => c.displayName },
  ...TOTAL_COLUMNS,
  { header: 'accuracy_code_level_pct', value: (c) => c.accuracyCodeLevel },
  { header: 'accuracy_record_level_pct', value: (c) => c.accuracyRecordLevel },
  { header: 'accuracy_adjusted_units', value: (c) => c.accuracyAdjustedUnits },
];

const TEAM_DAY_COLUMNS: Column<{ day: string } & Totals>[] = [{ header: 'day', value: (d) => d.day, date: true }, ...TOTAL_COLUMNS];
const SETTING_COLUMNS: Column<{ setting: string } & Totals>[] = [{ header: 'setting', value: (d) => d.setting }, ...TOTAL_COLUMNS];

/** The export always has every coder × day row (the screen's report may leave them out past a limit). */
function coderDays(report: ProductivityReport): CoderDayTotals[] {
  if (report.coderDays === null) throw new Error('the export needs the report with every coder × day row');
  return report.coderDays;
}

export function productivityCsv(report: ProductivityReport): string {
  const lines = [DAY_COLUMNS.map((c) => c.header).join(',')];
  for (const line of coderDays(report)) lines.push(DAY_COLUMNS.map((c) => csvCell(c.value(line) ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const header = (columns: readonly { header: string }[]): Cell[] => columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));

function cell(value: Value, date: boolean | undefined): Cell {
  if (value === null) return null;
  if (date && typeof value === 'string') return { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' };
  return typeof value === 'number' ? { value, type: Number } : { value, type: String };
}

function table<R>(columns: readonly Column<R>[], items: readonly R[]): SheetData {
  return [header(columns), ...items.map((item) => columns.map((c) => cell(c.value(item), c.date)))];
}

function backlogSheet(report: ProductivityReport): SheetData {
  const b = report.backlog;
  return [
    header([{ header: 'as_of' }, { header: 'age_band' }, { header: 'min_days' }, { header: 'max_days' }, { header: 'charts' }]),
    ...b.bands.map((band) => [cell(b.asOf, true), cell(band.label, false), cell(band.minDays, false), cell(band.maxDays, false), cell(band.count, false)]),
    [cell(b.asOf, true), cell('all', false), null, null, cell(b.count, false)],
  ];
}

function definitionsSheet(): SheetData {
  return [
    header([{ header: 'metric' }, { header: 'label' }, { header: 'formula' }, { header: 'unit' }, { header: 'excludes' }]),
    ...METRICS.map((m) => [m.id, m.label, m.formula, m.unit, m.excludes].map((v) => cell(v, false))),
  ];
}

export async function productivityXlsx(report: ProductivityReport): Promise<Buffer> {
  const sheets = [
    { sheet: 'Coders', data: table(CODER_COLUMNS, report.coders) },
    { sheet: 'Days', data: table(DAY_COLUMNS, coderDays(report)) },
    { sheet: 'Team by day', data: table(TEAM_DAY_COLUMNS, report.daily) },
    { sheet: 'Settings', data: table(SETTING_COLUMNS, report.settings) },
    { sheet: 'Backlog', data: backlogSheet(report) },
    { sheet: 'Definitions', data: definitionsSheet() },
  ];
  return writeXlsxFile(sheets.map((s) => ({ ...s, stickyRowsCount: 1 }))).toBuffer();
}

export interface WrittenReport {
  path: string;
  format: ProductivityFormat;
  bytes: number;
  rows: number;
  sha256: string;
}

/** Writes the file; `beforePublish` (the audit entry) runs before the file takes its name. */
export async function writeProductivity(
  report: ProductivityReport,
  format: ProductivityFormat,
  target: string,
  beforePublish: (written: Omit<WrittenReport, 'path'>) => void,
): Promise<WrittenReport> {
  const out = checkTarget(target);
  const bytes = format === 'csv' ? Buffer.from(productivityCsv(report), 'utf8') : await productivityXlsx(report);
  const written = { format, bytes: bytes.length, rows: coderDays(report).length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  let temp: string | null = null;
  try {
    temp = writeTemp(out, bytes);
    beforePublish(written);
    publish(temp, out);
    temp = null;
  } finally {
    discard(temp);
  }
  return { path: out, ...written };
}
