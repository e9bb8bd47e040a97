/** The stored reopens of a chart (read side; versions.ts writes them). */
import type { WorkspaceDb } from '../db/handles';
import { row, rows } from '../db/rows';
import type { ReopenReason, ReopenRecord } from '../../../shared/domain';

interface ReopenRow {
  version: number;
  reason: ReopenReason;
  note: string;
  reopened_at: string;
  reopened_by: string;
}

const toReopen = (r: ReopenRow): ReopenRecord => ({ version: r.version, reason: r.reason, note: r.note, at: r.reopened_at, by: r.reopened_by });

const REOPEN_COLUMNS = 'version, reason, note, reopened_at, reopened_by';

/** The reopen that started `version`, or null for version 1. */
export function reopenOf(db: WorkspaceDb, chartId: string, version: number): ReopenRecord | null {
  if (version < 2) return null;
  const found = row<ReopenRow>(db, `SELECT ${REOPEN_COLUMNS} FROM chart_reopens WHERE chart_id = ? AND version = ?`, chartId, version);
  return found ? toReopen(found) : null;
}

export function listReopens(db: WorkspaceDb, chartId: string): ReopenRecord[] {
  return rows<ReopenRow>(db, `SELECT ${REOPEN_COLUMNS} FROM chart_reopens WHERE chart_id = ? ORDER BY version`, chartId).map(toReopen);
}
