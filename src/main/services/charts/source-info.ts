/** Where an imported chart came from, the source's hints, and a source change waiting after submit. */
import type { WorkspaceDb } from '../db/handles';
import { row, rows } from '../db/rows';
import type { ChartSource, SourceHint } from '../../../shared/domain';
import { describePending } from '../interchange/ingest/pending';

interface SourceRow {
  format: ChartSource['format'];
  source_ref: string;
  facility: string | null;
  attending: string | null;
  location: string | null;
  last_imported_at: string;
  changed_after_submit_at: string | null;
  pending_json: string | null;
}

/** Null for a chart that was not imported (the demo's). */
export function chartSourceOf(db: WorkspaceDb, chartId: string): ChartSource | null {
  const s = row<SourceRow>(
    db,
    `SELECT format, source_ref, facility, attending, location, last_imported_at, changed_after_submit_at, pending_json
     FROM chart_sources WHERE chart_id = ?`,
    chartId,
  );
  if (!s) return null;
  return {
    format: s.format,
    sourceRef: s.source_ref,
    facility: s.facility,
    attending: s.attending,
    location: s.location,
    lastImportedAt: s.last_imported_at,
    changedAfterSubmitAt: s.changed_after_submit_at,
    pending: describePending(db, chartId, s.pending_json),
  };
}

export const hintsOf = (db: WorkspaceDb, chartId: string): SourceHint[] =>
  rows<SourceHint>(db, 'SELECT kind, system, code, display FROM chart_hints WHERE chart_id = ? ORDER BY seq', chartId);
