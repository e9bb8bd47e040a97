/**
 * Queries travel in packages with their charts: a coder's result carries the queries of the
 * charts it returns (so the lead reads what was asked and answered), a lead's work package
 * carries a chart's queries to whoever codes it next. Merging only moves a query forward
 * (draft → sent → answered | cancelled → closed): an older copy never undoes a newer one.
 */
import { z } from 'zod';
import { queryAnswerSchema, queryDraftSchema, QUERY_STATUSES, type QueryStatus } from '../../../shared/queries';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';
import type { QueryRow } from './queries';

const stamp = z.string().max(40);

export const queryWireSchema = z
  .object({
    id: z.string().regex(/^Q-[0-9a-f]{16}$/),
    chartId: z.string().min(1).max(64),
    createdBy: z.string().max(64),
    status: z.enum(QUERY_STATUSES),
    draft: queryDraftSchema,
    answer: queryAnswerSchema.nullable(),
    createdAt: stamp,
    sentAt: stamp.nullable(),
    answeredAt: stamp.nullable(),
    cancelledAt: stamp.nullable(),
    closedAt: stamp.nullable(),
    updatedAt: stamp,
  })
  .strict()
  .refine((q) => q.draft.chartId === q.chartId, { message: 'a query stays with its chart' });
export type QueryWire = z.infer<typeof queryWireSchema>;

/** How far along a query is; a copy only replaces one that is less far along (or an older draft). */
const STAGE: Record<QueryStatus, number> = { draft: 0, sent: 1, answered: 2, cancelled: 2, closed: 3 };

/** The queries of these charts, as they travel. */
export function queriesOf(db: WorkspaceDb, chartIds: readonly string[]): QueryWire[] {
  return chartIds.flatMap((chartId) =>
    rows<QueryRow>(db, 'SELECT * FROM queries WHERE chart_id = ? ORDER BY created_at, id', chartId).map((r) => ({
      id: r.id,
      chartId: r.chart_id,
      createdBy: r.created_by,
      status: r.status,
      draft: queryDraftSchema.parse(JSON.parse(r.draft_json)),
      answer: r.answer_json === null ? null : queryAnswerSchema.parse(JSON.parse(r.answer_json)),
      createdAt: r.created_at,
      sentAt: r.sent_at,
      answeredAt: r.answered_at,
      cancelledAt: r.cancelled_at,
      closedAt: r.closed_at,
      updatedAt: r.updated_at,
    })),
  );
}

/** Chart ids named by queries that the package does not carry (a package speaks only for its own charts). */
export const strayQueries = (wires: readonly QueryWire[], chartIds: readonly string[]): number => {
  const carried = new Set(chartIds);
  return wires.filter((q) => !carried.has(q.chartId)).length;
};

/** Takes each query that is new here or further along than the copy here; returns how many changed. */
export function mergeQueries(db: WorkspaceDb, wires: readonly QueryWire[]): number {
  let changed = 0;
  for (const q of wires) {
    const here = row<{ chart_id: string; status: QueryStatus; updated_at: string }>(db, 'SELECT chart_id, status, updated_at FROM queries WHERE id = ?', q.id);
    if (here && here.chart_id !== q.chartId) continue;
    if (here) {
      const ahead = STAGE[q.status] > STAGE[here.status] || (q.status === 'draft' && here.status === 'draft' && q.updatedAt > here.updated_at);
      if (!ahead) continue;
      run(db, 'DELETE FROM queries WHERE id = ?', q.id);
    }
    run(
      db,
      `INSERT INTO queries(id, chart_id, created_by, status, draft_json, answer_json, created_at, sent_at, answered_at, cancelled_at, closed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      q.id, q.chartId, q.createdBy, q.status, JSON.stringify(q.draft), q.answer === null ? null : JSON.stringify(q.answer),
      q.createdAt, q.sentAt, q.answeredAt, q.cancelledAt, q.closedAt, q.updatedAt,
    );
    changed += 1;
  }
  return changed;
}
