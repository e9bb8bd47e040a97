/**
 * A source change for a submitted chart is never applied silently: it waits in
 * chart_sources.pending_json (the newest state the source sent) and the chart carries the
 * "Source changed after submit" flag until a coder, on the reopened chart, applies it.
 * Once flagged, later changes for the chart wait there too, so nothing lands out of order.
 */
import type { WorkspaceDb } from '../../db/handles';
import { row, rows } from '../../db/rows';
import type { PendingSourceChange } from '../../../../shared/chart-import';
import type { IncomingChart, IncomingDocument } from '../incoming';
import { clearPending, setPending, storedDocumentHash, updateChart, upsertDocument } from './store';

type StoredDocument = Omit<IncomingDocument, 'data'> & { data: string | null };

interface StoredPending {
  chart: { state: Omit<IncomingChart, 'documents'>; hash: string } | null;
  documents: { document: StoredDocument; hash: string }[];
}

const toStored = (d: IncomingDocument): StoredDocument => ({ ...d, data: d.data ? Buffer.from(d.data).toString('base64') : null });
const fromStored = (d: StoredDocument): IncomingDocument => ({ ...d, data: d.data === null ? null : new Uint8Array(Buffer.from(d.data, 'base64')) });

export function readPending(json: string | null): StoredPending {
  return json ? (JSON.parse(json) as StoredPending) : { chart: null, documents: [] };
}

/** Is this chart state or document already what the source has (stored, or waiting)? */
export function pendingHas(pending: StoredPending, what: { chartHash?: string; documentHash?: string }): boolean {
  if (what.chartHash !== undefined) return pending.chart?.hash === what.chartHash;
  return pending.documents.some((d) => d.hash === what.documentHash);
}

/** Adds the source's newest chart state or document to what waits; an empty change clears the flag. */
export function mergePending(
  db: WorkspaceDb,
  chartId: string,
  current: string | null,
  change: { chart: IncomingChart | null; chartHash: string } | { document: IncomingDocument; hash: string },
  at: string,
): void {
  const pending = readPending(current);
  if ('document' in change) {
    pending.documents = pending.documents.filter((d) => d.document.sourceId !== change.document.sourceId);
    pending.documents.push({ document: toStored(change.document), hash: change.hash });
  } else if (change.chart) {
    const { documents: _documents, ...state } = change.chart;
    pending.chart = { state, hash: change.chartHash };
  } else {
    pending.chart = null; // the source went back to what the chart has
  }
  if (!pending.chart && pending.documents.length === 0) clearPending(db, chartId);
  else setPending(db, chartId, JSON.stringify(pending), at);
}

interface StoredView {
  patient_name: string;
  patient_age: number;
  patient_sex: string;
  setting: string;
  admit_date: string;
  discharge_date: string;
  payer: string;
  source_ref: string;
  patient_ref: string | null;
  facility: string | null;
  attending: string | null;
  location: string | null;
}

/** What applying the waiting change would change, by field name and document count. */
export function describePending(db: WorkspaceDb, chartId: string, json: string | null): PendingSourceChange | null {
  if (!json) return null;
  const pending = readPending(json);
  const fields: string[] = [];
  let hintsChanged = false;
  const next = pending.chart?.state;
  const now = row<StoredView>(
    db,
    `SELECT c.patient_name, c.patient_age, c.patient_sex, c.setting, c.admit_date, c.discharge_date, c.payer,
       s.source_ref, s.patient_ref, s.facility, s.attending, s.location
     FROM charts c JOIN chart_sources s ON s.chart_id = c.id WHERE c.id = ?`,
    chartId,
  );
  if (next && now) {
    const pairs: [string, unknown, unknown][] = [
      ['patientName', now.patient_name, next.patient.name],
      ['patientAge', now.patient_age, next.patient.ageAtEncounter],
      ['patientSex', now.patient_sex, next.patient.sex],
      ['setting', now.setting, next.setting],
      ['admitDate', now.admit_date, next.admitDate],
      ['dischargeDate', now.discharge_date, next.dischargeDate],
      ['payer', now.payer, next.payer],
      ['sourceRef', now.source_ref, next.sourceRef],
      ['patientRef', now.patient_ref, next.patient.ref],
      ['facility', now.facility, next.facility],
      ['attending', now.attending, next.attending],
      ['location', now.location, next.location],
    ];
    fields.push(...pairs.filter(([, a, b]) => a !== b).map(([name]) => name));
    const stored = rows<{ kind: string; system: string; code: string; display: string }>(
      db,
      'SELECT kind, system, code, display FROM chart_hints WHERE chart_id = ? ORDER BY seq',
      chartId,
    );
    hintsChanged = JSON.stringify(stored) !== JSON.stringify(next.hints.map((h) => ({ kind: h.kind, system: h.system, code: h.code, display: h.display })));
  }
  let documentsAdded = 0;
  for (const d of pending.documents) if (storedDocumentHash(db, chartId, d.document.sourceId) === undefined) documentsAdded += 1;
  return { fields, hintsChanged, documentsAdded, documentsChanged: pending.documents.length - documentsAdded };
}

/** Applies the waiting change to a chart that is no longer submitted, and clears the flag. */
export function applyPending(db: WorkspaceDb, chartId: string, json: string, at: string): PendingSourceChange {
  const change = describePending(db, chartId, json)!;
  const pending = readPending(json);
  if (pending.chart) updateChart(db, chartId, { ...pending.chart.state, documents: [] }, pending.chart.hash, at);
  for (const { document, hash } of pending.documents) {
    const exists = storedDocumentHash(db, chartId, document.sourceId) !== undefined;
    upsertDocument(db, chartId, fromStored(document), hash, exists);
  }
  clearPending(db, chartId);
  return change;
}
