/** One chart with its document list, and one document's text. */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ChartDetail, ChartDocument, DocumentMeta, HoldReason } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { toChartRow, type ChartRecord } from './rows';

interface DocumentRecord {
  id: string;
  chart_id: string;
  kind: DocumentMeta['kind'];
  title: string;
  author: string;
  doc_date: string;
  body: string;
}

const toMeta = (d: Omit<DocumentRecord, 'body' | 'chart_id'>): DocumentMeta => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  author: d.author,
  date: d.doc_date,
});

export function chartRecord(db: Database.Database, chartId: string): ChartRecord {
  const chart = db.prepare('SELECT * FROM charts WHERE id = ?').get(chartId) as ChartRecord | undefined;
  if (!chart) throw new AppFailure(ErrorCode.NotFound, 'No chart with that id in this workspace.');
  return chart;
}

/** The date that selects the code-set version: discharge (inpatient) or date of service. */
export const codingDateOf = (chart: Pick<ChartRecord, 'discharge_date'>): string => chart.discharge_date;

export function getChart(db: Database.Database, chartId: string): ChartDetail {
  const chart = chartRecord(db, chartId);
  const docs = db
    .prepare('SELECT id, kind, title, author, doc_date FROM documents WHERE chart_id = ? ORDER BY seq')
    .all(chartId) as Omit<DocumentRecord, 'body' | 'chart_id'>[];
  return {
    ...toChartRow(chart),
    patientName: chart.patient_name,
    codingDate: codingDateOf(chart),
    documents: docs.map(toMeta),
    holdReason: chart.hold_reason as HoldReason | null,
    holdNote: chart.hold_note,
  };
}

export function getDocument(db: Database.Database, chartId: string, documentId: string): ChartDocument {
  const doc = db.prepare('SELECT * FROM documents WHERE chart_id = ? AND id = ?').get(chartId, documentId) as
    | DocumentRecord
    | undefined;
  if (!doc) throw new AppFailure(ErrorCode.NotFound, 'No document with that id in this chart.');
  return { ...toMeta(doc), chartId: doc.chart_id, body: doc.body };
}
