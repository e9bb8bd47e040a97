/**
 * What an export reads: each chart that is submitted now, at its latest submission (a reopened
 * chart still being corrected is left out: its last submission is known to need correcting,
 * and its next submit will export). Dates select by submission time, UTC calendar day.
 */
import type { WorkspaceDb } from '../../db/handles';
import { eachRow } from '../../db/rows';
import type { ChartSetting, Coding } from '../../../../shared/domain';

export interface ExportSelection {
  /** Submitted on or after this day (YYYY-MM-DD, UTC). */
  since?: string;
  /** Submitted on or before this day (YYYY-MM-DD, UTC). */
  until?: string;
  /** Only these charts (still only when submitted and within the dates). */
  chartIds?: readonly string[];
}

export interface ExportRecord {
  chartId: string;
  version: number;
  submittedAt: string;
  /** Profile id of the coder who submitted this version. */
  coderId: string;
  setting: ChartSetting;
  admitDate: string;
  dischargeDate: string;
  payer: string;
  /** Where an imported chart came from; null for charts made here (the demo). */
  source: { format: 'fhir' | 'hl7v2'; sourceRef: string; patientRef: string | null; facility: string | null } | null;
  coding: Coding;
}

interface Row {
  chart_id: string;
  version: number;
  submitted_at: string;
  submitted_by: string;
  coding_json: string;
  setting: ChartSetting;
  admit_date: string;
  discharge_date: string;
  payer: string;
  format: 'fhir' | 'hl7v2' | null;
  source_ref: string | null;
  patient_ref: string | null;
  facility: string | null;
}

// The chart's own version is its latest submitted one while it is submitted (a reopen bumps it).
const SQL = `
  SELECT s.chart_id, s.version, s.submitted_at, s.submitted_by, s.coding_json,
         c.setting, c.admit_date, c.discharge_date, c.payer,
         src.format, src.source_ref, src.patient_ref, src.facility
  FROM charts c
  JOIN submissions s ON s.chart_id = c.id AND s.version = c.version
  LEFT JOIN chart_sources src ON src.chart_id = c.id
  WHERE c.status = 'submitted'
    AND (? IS NULL OR substr(s.submitted_at, 1, 10) >= ?)
    AND (? IS NULL OR substr(s.submitted_at, 1, 10) <= ?)
    AND (? IS NULL OR c.id IN (SELECT value FROM json_each(?)))
  ORDER BY s.submitted_at, s.chart_id`;

const toRecord = (r: Row): ExportRecord => ({
  chartId: r.chart_id,
  version: r.version,
  submittedAt: r.submitted_at,
  coderId: r.submitted_by,
  setting: r.setting,
  admitDate: r.admit_date,
  dischargeDate: r.discharge_date,
  payer: r.payer,
  source: r.format && r.source_ref ? { format: r.format, sourceRef: r.source_ref, patientRef: r.patient_ref, facility: r.facility } : null,
  coding: JSON.parse(r.coding_json) as Coding,
});

/** The selected charts' latest submissions, oldest submission first. */
export function* exportRecords(db: WorkspaceDb, selection: ExportSelection): Generator<ExportRecord> {
  const since = selection.since ?? null;
  const until = selection.until ?? null;
  const ids = selection.chartIds ? JSON.stringify(selection.chartIds) : null;
  for (const r of eachRow<Row>(db, SQL, since, since, until, until, ids, ids)) yield toRecord(r);
}
