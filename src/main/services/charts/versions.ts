/**
 * Chart versions. A submission is immutable (the `submissions` table refuses UPDATE and
 * DELETE); correcting a submitted chart reopens it as the next version, a working draft that
 * starts from the submitted coding, and its next submit adds a new submission row beside the
 * old one. Each reopen is kept, with its reason, who and when.
 */
import type { WorkspaceDb } from '../db/handles';
import { rows, run, value } from '../db/rows';
import { transaction } from '../db/transaction';
import { REOPEN_NOTE_MAX, REOPEN_REASONS, type ChartVersions, type Coding, type ReopenReason } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { chartRecord } from './detail';
import { listReopens } from './reopen-records';

export function listVersions(db: WorkspaceDb, chartId: string): ChartVersions {
  const chart = chartRecord(db, chartId);
  const submissions = rows<{ version: number; coding_json: string; submitted_at: string; submitted_by: string }>(
    db,
    'SELECT version, coding_json, submitted_at, submitted_by FROM submissions WHERE chart_id = ? ORDER BY version',
    chartId,
  );
  return {
    chartId,
    current: chart.version,
    submissions: submissions.map((s) => ({
      version: s.version,
      coding: JSON.parse(s.coding_json) as Coding,
      submittedAt: s.submitted_at,
      submittedBy: s.submitted_by,
    })),
    reopens: listReopens(db, chartId),
  };
}

/**
 * Reopens a submitted chart as its next version, assigned to the reopener and in progress.
 * The draft (`codings`) already holds the submitted coding (a submit copies it and a
 * submitted chart's draft cannot change), so the new version starts from it as it is.
 */
export function reopenChart(
  db: WorkspaceDb,
  args: { chartId: string; reason: ReopenReason; note: string; userId: string; assignee: string; deviceId: string; at: string },
): { version: number; fromVersion: number } {
  return transaction(db, () => {
    const chart = chartRecord(db, args.chartId);
    if (chart.status !== 'submitted') {
      throw new AppFailure(ErrorCode.Conflict, 'Only a submitted chart can be reopened; this one is still open for coding.');
    }
    const note = args.note.trim();
    if (!(REOPEN_REASONS as readonly string[]).includes(args.reason)) {
      throw new AppFailure(ErrorCode.BadInput, 'Choose why the chart is reopened.');
    }
    if (args.reason === 'other' && note === '') {
      throw new AppFailure(ErrorCode.BadInput, 'Say in the note why the chart is reopened (the reason is "Other").');
    }
    if (note.length > REOPEN_NOTE_MAX) {
      throw new AppFailure(ErrorCode.BadInput, `Keep the note to ${REOPEN_NOTE_MAX} characters.`);
    }
    // The version being corrected must be the one on record as submitted.
    const submitted = value<number>(db, 'SELECT max(version) FROM submissions WHERE chart_id = ?', args.chartId);
    if (submitted !== chart.version) {
      throw new AppFailure(ErrorCode.Conflict, 'This chart has no submission for its current version, so it cannot be reopened.');
    }
    const version = chart.version + 1;
    run(
      db,
      `INSERT INTO chart_reopens(chart_id, version, reason, note, reopened_at, reopened_by, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      args.chartId, version, args.reason, note, args.at, args.userId, args.deviceId,
    );
    run(
      db,
      "UPDATE charts SET status = 'in_progress', version = ?, assignee = ?, hold_reason = NULL, hold_note = NULL, updated_at = ? WHERE id = ?",
      version, args.assignee, args.at, args.chartId,
    );
    return { version, fromVersion: chart.version };
  });
}
