/** One chart with its document list, and one document's text. */
import type { WorkspaceDb } from '../db/handles';
import { row, rows } from '../db/rows';
import type { ChartDetail, ChartDocument, DocumentMeta, HoldReason } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { toChartRow, type ChartRecord } from './rows';
import { reopenOf } from './reopen-records';
import { chartSourceOf, hintsOf } from './source-info';

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

export function chartRecord(db: WorkspaceDb, chartId: string): ChartRecord {
  const chart = row<ChartRecord>(db, 'SELECT * FROM charts WHERE id = ?', chartId);
  if (!chart) throw new AppFailure(ErrorCode.NotFound, 'No chart with that id in this workspace.');
  return chart;
}

/** The date that selects the code-set version: discharge (inpatient) or date of service. */
export const codingDateOf = (chart: Pick<ChartRecord, 'discharge_date'>): string => chart.discharge_date;

export function getChart(db: WorkspaceDb, chartId: string): ChartDetail {
  const chart = chartRecord(db, chartId);
  const docs = rows<Omit<DocumentRecord, 'body' | 'chart_id'>>(
    db,
    'SELECT id, kind, title, author, doc_date FROM documents WHERE chart_id = ? ORDER BY seq',
    chartId,
  );
  return {
    ...toChartRow(chart),
    patientName: chart.patient_name,
    codingDate: codingDateOf(chart),
    documents: docs.map(toMeta),
    holdReason: chart.hold_reason as HoldReason | null,
    holdNote: chart.hold_note,
    reopened: reopenOf(db, chartId, chart.version),
    source: chartSourceOf(db, chartId),
    hints: hintsOf(db, chartId),
  };
}

export function getDocument(db: WorkspaceDb, chartId: string, documentId: string): ChartDocument {
  const doc = row<DocumentRecord>(db, 'SELECT * FROM documents WHERE chart_id = ? AND id = ?', chartId, documentId);
  if (!doc) throw new AppFailure(ErrorCode.NotFound, 'No document with that id in this chart.');
  return { ...toMeta(doc), chartId: doc.chart_id, body: doc.body };
}
