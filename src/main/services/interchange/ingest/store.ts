/** The ingest's reads and writes: charts, their source rows, hints and documents. */
import type { WorkspaceDb } from '../../db/handles';
import { row, run, value } from '../../db/rows';
import type { ChartStatus } from '../../../../shared/domain';
import type { IncomingChart, IncomingDocument, IncomingHint } from '../incoming';
import { documentIdFor, dueDateFor, IMPORTED_PRIORITY } from './policy';

export interface SourceRecord {
  chart_id: string;
  source_key: string;
  content_hash: string;
  changed_after_submit_at: string | null;
  pending_json: string | null;
}

export const findSource = (db: WorkspaceDb, sourceKey: string): SourceRecord | undefined =>
  row<SourceRecord>(
    db,
    'SELECT chart_id, source_key, content_hash, changed_after_submit_at, pending_json FROM chart_sources WHERE source_key = ?',
    sourceKey,
  );

export const sourceOfChart = (db: WorkspaceDb, chartId: string): SourceRecord | undefined =>
  row<SourceRecord>(
    db,
    'SELECT chart_id, source_key, content_hash, changed_after_submit_at, pending_json FROM chart_sources WHERE chart_id = ?',
    chartId,
  );

export const chartStatus = (db: WorkspaceDb, chartId: string): ChartStatus | undefined =>
  value<ChartStatus>(db, 'SELECT status FROM charts WHERE id = ?', chartId);

export function insertChart(db: WorkspaceDb, id: string, c: IncomingChart, contentHash: string, assignee: string, at: string): void {
  run(
    db,
    `INSERT INTO charts(id, patient_name, patient_age, patient_sex, setting, admit_date, discharge_date, payer,
       priority, due_date, status, assignee, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)`,
    id, c.patient.name, c.patient.ageAtEncounter, c.patient.sex, c.setting, c.admitDate, c.dischargeDate, c.payer,
    IMPORTED_PRIORITY, dueDateFor(c.dischargeDate, at), assignee, at,
  );
  run(
    db,
    `INSERT INTO chart_sources(chart_id, source_key, format, source_ref, patient_ref, facility, attending, location,
       content_hash, first_imported_at, last_imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id, c.sourceKey, c.format, c.sourceRef, c.patient.ref, c.facility, c.attending, c.location, contentHash, at, at,
  );
  replaceHints(db, id, c.hints);
}

/** The chart's imported fields and hints as the source now has them; status, assignee and coding stay. */
export function updateChart(db: WorkspaceDb, id: string, c: IncomingChart, contentHash: string, at: string): void {
  const firstImportedAt = value<string>(db, 'SELECT first_imported_at FROM chart_sources WHERE chart_id = ?', id) ?? at;
  run(
    db,
    `UPDATE charts SET patient_name = ?, patient_age = ?, patient_sex = ?, setting = ?, admit_date = ?, discharge_date = ?,
       payer = ?, due_date = ?, updated_at = ? WHERE id = ?`,
    c.patient.name, c.patient.ageAtEncounter, c.patient.sex, c.setting, c.admitDate, c.dischargeDate, c.payer,
    dueDateFor(c.dischargeDate, firstImportedAt), at, id,
  );
  run(
    db,
    `UPDATE chart_sources SET source_ref = ?, patient_ref = ?, facility = ?, attending = ?, location = ?, content_hash = ?,
       last_imported_at = ? WHERE chart_id = ?`,
    c.sourceRef, c.patient.ref, c.facility, c.attending, c.location, contentHash, at, id,
  );
  replaceHints(db, id, c.hints);
}

function replaceHints(db: WorkspaceDb, chartId: string, hints: readonly IncomingHint[]): void {
  run(db, 'DELETE FROM chart_hints WHERE chart_id = ?', chartId);
  hints.forEach((h, seq) =>
    run(db, 'INSERT INTO chart_hints(chart_id, seq, kind, system, code, display) VALUES (?, ?, ?, ?, ?, ?)', chartId, seq, h.kind, h.system, h.code, h.display),
  );
}

/** The stored hash of a document, or undefined when the chart has no document of that source id. */
export const storedDocumentHash = (db: WorkspaceDb, chartId: string, sourceId: string): string | null | undefined =>
  row<{ source_hash: string | null }>(db, 'SELECT source_hash FROM documents WHERE chart_id = ? AND id = ?', chartId, documentIdFor(sourceId))
    ?.source_hash;

export function upsertDocument(db: WorkspaceDb, chartId: string, d: IncomingDocument, hash: string, exists: boolean): void {
  const id = documentIdFor(d.sourceId);
  const data = d.data ? Buffer.from(d.data.buffer, d.data.byteOffset, d.data.byteLength) : null;
  if (exists) {
    run(
      db,
      `UPDATE documents SET kind = ?, title = ?, author = ?, doc_date = ?, body = ?, content_type = ?, data = ?, source_hash = ?
       WHERE chart_id = ? AND id = ?`,
      d.kind, d.title, d.author, d.date, d.text ?? '', d.contentType, data, hash, chartId, id,
    );
    return;
  }
  const seq = value<number>(db, 'SELECT COALESCE(MAX(seq) + 1, 0) FROM documents WHERE chart_id = ?', chartId) ?? 0;
  run(
    db,
    `INSERT INTO documents(id, chart_id, kind, title, author, doc_date, body, seq, content_type, data, source_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id, chartId, d.kind, d.title, d.author, d.date, d.text ?? '', seq, d.contentType, data, hash,
  );
}

export function setPending(db: WorkspaceDb, chartId: string, pendingJson: string, at: string): void {
  run(db, 'UPDATE chart_sources SET changed_after_submit_at = ?, pending_json = ?, last_imported_at = ? WHERE chart_id = ?', at, pendingJson, at, chartId);
}

export function clearPending(db: WorkspaceDb, chartId: string): void {
  run(db, 'UPDATE chart_sources SET changed_after_submit_at = NULL, pending_json = NULL WHERE chart_id = ?', chartId);
}
