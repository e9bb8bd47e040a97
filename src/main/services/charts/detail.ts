/** One chart with its document list, and one document's content as the viewer needs it. */
import type { WorkspaceDb } from '../db/handles';
import { row, rows } from '../db/rows';
import type { ChartDetail, ChartDocument, DocumentMeta, HoldReason } from '../../../shared/domain';
import { documentView } from '../../../shared/document-types';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { toChartRow, type ChartRecord } from './rows';
import { reopenOf } from './reopen-records';
import { chartSourceOf, hintsOf } from './source-info';

interface MetaRecord {
  id: string;
  kind: DocumentMeta['kind'];
  title: string;
  author: string;
  doc_date: string;
  content_type: string;
  size: number;
}

interface DocumentRecord extends MetaRecord {
  chart_id: string;
  body: string;
  data: Buffer | null;
}

// Size without reading the content: the BLOB's length, or the text's UTF-8 length.
const META_COLUMNS = `id, kind, title, author, doc_date, content_type,
  CASE WHEN data IS NOT NULL THEN length(data) ELSE length(CAST(body AS BLOB)) END AS size`;

const toMeta = (d: MetaRecord): DocumentMeta => ({
  id: d.id,
  kind: d.kind,
  title: d.title,
  author: d.author,
  date: d.doc_date,
  contentType: d.content_type,
  size: d.size,
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
  const docs = rows<MetaRecord>(db, `SELECT ${META_COLUMNS} FROM documents WHERE chart_id = ? ORDER BY seq`, chartId);
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

/**
 * A document's text, or a PDF's bytes as base64 in the same reply. Measured on the call route
 * (tests/bench/document-bytes.bench.ts): a 5 MB PDF is ~60 ms in main (read, base64, audit
 * entry, JSON) and ~140 ms round trip through the browser host, once per open (the renderer
 * keeps it for the chart). That does not earn a second, binary road into main with its own
 * token and role checks. Types the viewer cannot show keep their bytes and send none.
 */
export function getDocument(db: WorkspaceDb, chartId: string, documentId: string): ChartDocument {
  const doc = row<DocumentRecord>(
    db,
    `SELECT ${META_COLUMNS}, chart_id, body, CASE WHEN content_type LIKE 'application/pdf%' THEN data END AS data
       FROM documents WHERE chart_id = ? AND id = ?`,
    chartId,
    documentId,
  );
  if (!doc) throw new AppFailure(ErrorCode.NotFound, 'No document with that id in this chart.');
  const view = documentView(doc.content_type);
  return {
    ...toMeta(doc),
    chartId: doc.chart_id,
    body: view === 'text' || view === 'html' ? doc.body : '',
    dataBase64: view === 'pdf' && doc.data ? doc.data.toString('base64') : null,
  };
}
