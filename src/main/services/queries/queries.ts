/**
 * Physician queries in the workspace: the draft as composed, its status moves with their
 * dates (shared/queries.ts), the linter before sending, and the chart's hold while a query is
 * out ("awaiting query answer"), released when the last open query is answered or cancelled.
 * Every function runs inside the caller's transaction, beside the audit entry it records.
 */
import crypto from 'node:crypto';
import { answerProblem, canMoveQuery, QUERY_STATUS_DATE, QUERY_STATUS_LABELS, type QueryAnswer, type QueryDraft, type QueryStatus } from '../../../shared/queries';
import type { ChartStatus, HoldReason } from '../../../shared/domain';
import type { QueryChange, QueryRecord } from '../../../shared/query-records';
import { lintQuery } from '../../../shared/query-lint';
import { AppFailure } from '../../../shared/result';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run, value } from '../db/rows';

/** A row of the queries table. */
export interface QueryRow {
  id: string;
  chart_id: string;
  created_by: string;
  status: QueryStatus;
  draft_json: string;
  answer_json: string | null;
  created_at: string;
  sent_at: string | null;
  answered_at: string | null;
  cancelled_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

const toRecord = (r: QueryRow): QueryRecord => ({
  id: r.id,
  chartId: r.chart_id,
  createdBy: r.created_by,
  status: r.status,
  draft: JSON.parse(r.draft_json) as QueryDraft,
  answer: r.answer_json ? (JSON.parse(r.answer_json) as QueryAnswer) : null,
  dates: { createdAt: r.created_at, sentAt: r.sent_at, answeredAt: r.answered_at, cancelledAt: r.cancelled_at, closedAt: r.closed_at },
});

export function listQueries(db: WorkspaceDb, chartId: string): QueryRecord[] {
  return rows<QueryRow>(db, 'SELECT * FROM queries WHERE chart_id = ? ORDER BY created_at, id', chartId).map(toRecord);
}

export function getQuery(db: WorkspaceDb, id: string): QueryRecord {
  const r = row<QueryRow>(db, 'SELECT * FROM queries WHERE id = ?', id);
  if (!r) throw new AppFailure('NOT_FOUND', 'No query with that id in this workspace.');
  return toRecord(r);
}

/** A new draft, or the draft `id` rewritten (only while it is a draft). */
export function saveDraft(db: WorkspaceDb, args: { id: string | null; draft: QueryDraft; userId: string; at: string }): QueryRecord {
  if (!row(db, 'SELECT 1 FROM charts WHERE id = ?', args.draft.chartId)) throw new AppFailure('NOT_FOUND', 'No chart with that id in this workspace.');
  if (args.id === null) {
    const id = `Q-${crypto.randomBytes(8).toString('hex')}`;
    run(db, 'INSERT INTO queries(id, chart_id, created_by, status, draft_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id, args.draft.chartId, args.userId, 'draft', JSON.stringify(args.draft), args.at, args.at);
    return getQuery(db, id);
  }
  const current = getQuery(db, args.id);
  if (current.status !== 'draft') throw new AppFailure('CONFLICT', `This query is ${QUERY_STATUS_LABELS[current.status].toLowerCase()}: only a draft can be changed.`);
  if (current.chartId !== args.draft.chartId) throw new AppFailure('BAD_INPUT', 'A query stays with the chart it was written for.');
  run(db, 'UPDATE queries SET draft_json = ?, updated_at = ? WHERE id = ?', JSON.stringify(args.draft), args.at, args.id);
  return getQuery(db, args.id);
}

function move(db: WorkspaceDb, q: QueryRecord, to: QueryStatus, at: string): void {
  if (!canMoveQuery(q.status, to)) {
    throw new AppFailure('CONFLICT', `A query that is ${QUERY_STATUS_LABELS[q.status].toLowerCase()} cannot become ${QUERY_STATUS_LABELS[to].toLowerCase()}.`);
  }
  const column = { createdAt: 'created_at', sentAt: 'sent_at', answeredAt: 'answered_at', cancelledAt: 'cancelled_at', closedAt: 'closed_at' }[QUERY_STATUS_DATE[to]];
  run(db, `UPDATE queries SET status = ?, ${column} = ?, updated_at = ? WHERE id = ?`, to, at, at, q.id);
}

/** The chart's status and hold after a query moved. */
export function chartHold(db: WorkspaceDb, chartId: string): QueryChange['chart'] {
  const c = row<{ status: ChartStatus; hold_reason: HoldReason | null; hold_note: string | null }>(db, 'SELECT status, hold_reason, hold_note FROM charts WHERE id = ?', chartId);
  if (!c) throw new AppFailure('NOT_FOUND', 'No chart with that id in this workspace.');
  return { status: c.status, holdReason: c.hold_reason, holdNote: c.hold_note };
}

/** Queries of the chart sent and not yet answered or cancelled. */
export const openQueries = (db: WorkspaceDb, chartId: string): number =>
  value<number>(db, "SELECT count(*) FROM queries WHERE chart_id = ? AND status = 'sent'", chartId) ?? 0;

/** Sends a draft the linter passes (or refuses with every reason), and holds the chart awaiting its answer. */
export function sendQuery(db: WorkspaceDb, id: string, at: string): { query: QueryRecord; firstForChart: boolean } {
  const q = getQuery(db, id);
  if (q.status !== 'draft') move(db, q, 'sent', at); // says why it cannot be sent
  const problems = lintQuery(q.draft);
  if (problems.length > 0) {
    throw new AppFailure('BAD_INPUT', `This query cannot be sent: ${problems.map((p) => p.message).join(' ')}`, { rules: problems.map((p) => p.rule).join(',') });
  }
  const firstForChart = (value<number>(db, "SELECT count(*) FROM queries WHERE chart_id = ? AND sent_at IS NOT NULL", q.chartId) ?? 0) === 0;
  move(db, q, 'sent', at);
  const chart = row<{ status: string }>(db, 'SELECT status FROM charts WHERE id = ?', q.chartId);
  if (chart && chart.status !== 'submitted') {
    // The note is ours, not the coder's: no clinical text on the queue.
    run(db, "UPDATE charts SET status = 'on_hold', hold_reason = 'awaiting_query', hold_note = 'Physician query sent; waiting for the answer.', updated_at = ? WHERE id = ?", at, q.chartId);
  }
  return { query: getQuery(db, id), firstForChart };
}

/** The chart goes back to the coder once no query of it is waiting (unless it was put on hold for another reason). */
function releaseIfAnswered(db: WorkspaceDb, chartId: string, at: string): void {
  if (openQueries(db, chartId) > 0) return;
  run(db, "UPDATE charts SET status = 'in_progress', hold_reason = NULL, hold_note = NULL, updated_at = ? WHERE id = ? AND status = 'on_hold' AND hold_reason = 'awaiting_query'", at, chartId);
}

export function answerQuery(db: WorkspaceDb, id: string, answer: QueryAnswer, at: string): { query: QueryRecord; hoursSinceSent: number } {
  const q = getQuery(db, id);
  const problem = answerProblem(q.draft, answer);
  if (problem) throw new AppFailure('BAD_INPUT', problem);
  move(db, q, 'answered', at);
  run(db, 'UPDATE queries SET answer_json = ? WHERE id = ?', JSON.stringify(answer), id);
  releaseIfAnswered(db, q.chartId, at);
  const hoursSinceSent = Math.max(0, Date.parse(at) - Date.parse(q.dates.sentAt ?? at)) / 3_600_000;
  return { query: getQuery(db, id), hoursSinceSent: Math.round(hoursSinceSent * 100) / 100 };
}

export function cancelQuery(db: WorkspaceDb, id: string, at: string): QueryRecord {
  const q = getQuery(db, id);
  move(db, q, 'cancelled', at);
  releaseIfAnswered(db, q.chartId, at);
  return getQuery(db, id);
}

export function closeQuery(db: WorkspaceDb, id: string, at: string): QueryRecord {
  move(db, getQuery(db, id), 'closed', at);
  return getQuery(db, id);
}
