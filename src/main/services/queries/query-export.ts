/** One query to a new file as HL7 v2 MDM^T02 or a FHIR Bundle of its Communication(s), with the chart's visit and source. */
import crypto from 'node:crypto';
import type { QueryExportFormat, QueryRecord } from '../../../shared/query-records';
import { AppFailure } from '../../../shared/result';
import type { WorkspaceDb } from '../db/handles';
import { row } from '../db/rows';
import { checkTarget, discard, publish, writeTemp } from '../interchange/out/export-file';
import { queryCommunications } from '../interchange/out/query-fhir';
import { queryMdm } from '../interchange/out/query-hl7';
import type { QueryExportRecord } from '../interchange/out/query-record';

interface ChartRow {
  setting: QueryExportRecord['setting'];
  admit_date: string;
  discharge_date: string;
  format: 'fhir' | 'hl7v2' | null;
  source_ref: string | null;
  patient_ref: string | null;
  facility: string | null;
}

export function queryExportRecord(db: WorkspaceDb, q: QueryRecord): QueryExportRecord {
  const c = row<ChartRow>(
    db,
    `SELECT c.setting, c.admit_date, c.discharge_date, s.format, s.source_ref, s.patient_ref, s.facility
     FROM charts c LEFT JOIN chart_sources s ON s.chart_id = c.id WHERE c.id = ?`,
    q.chartId,
  );
  if (!c) throw new AppFailure('NOT_FOUND', 'No chart with that id in this workspace.');
  return {
    ...q.draft,
    queryId: q.id,
    status: q.status,
    coderId: q.createdBy,
    setting: c.setting,
    admitDate: c.admit_date,
    dischargeDate: c.discharge_date,
    source: c.format && c.source_ref ? { format: c.format, sourceRef: c.source_ref, patientRef: c.patient_ref, facility: c.facility } : null,
    createdAt: q.dates.createdAt,
    sentAt: q.dates.sentAt,
    answeredAt: q.dates.answeredAt,
    answer: q.answer,
  };
}

export function renderQuery(record: QueryExportRecord, format: QueryExportFormat, at: Date): string {
  if (format === 'hl7') return `${queryMdm(record, `Q${crypto.randomBytes(6).toString('hex')}`, at)}\n`;
  const bundle = { resourceType: 'Bundle', type: 'collection', timestamp: at.toISOString(), entry: queryCommunications(record).map((resource) => ({ resource })) };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** Writes the file beside the target; `beforePublish` (the audit entry) runs before it takes its name. */
export function writeQueryFile(text: string, target: string, beforePublish: (bytes: number, sha256: string) => void): { path: string; bytes: number } {
  const out = checkTarget(target);
  const bytes = Buffer.from(text, 'utf8');
  let temp: string | null = null;
  try {
    temp = writeTemp(out, bytes);
    beforePublish(bytes.length, crypto.createHash('sha256').update(bytes).digest('hex'));
    publish(temp, out);
    temp = null;
  } finally {
    discard(temp);
  }
  return { path: out, bytes: bytes.length };
}
