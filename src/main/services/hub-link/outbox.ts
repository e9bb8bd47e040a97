/**
 * The append-only outbox: every chart-level audit entry on a chart checked out from the hub adds
 * a row with a client-made id, in the entry's own transaction, so nothing the coder does offline
 * can be missed. Sending folds a chart's waiting rows into one push item under the newest row's
 * id, carrying the chart's state as it is now and its trail entries the hub has not had; the hub
 * applies an id once and keeps entries by sequence number, so a retry (same id) or a later fold
 * (new id, entries already held) never doubles anything.
 */
import crypto from 'node:crypto';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';
import { readState, type WireState } from '../packages/chart-state';

/** The most a push request carries (the hub accepts up to 200). */
export const PUSH_BATCH = 50;
/** Entries of one chart per push item (the hub accepts up to 10,000). */
const MAX_ACTIVITY = 10_000;

export interface ActivityWire {
  seq: number;
  at: string;
  user_id: string;
  action: string;
  chart_id: string | null;
  detail_json: string;
  hash: string;
}

export interface PushItem {
  clientId: string;
  chartId: string;
  epoch: number;
  state: WireState;
  activity: ActivityWire[];
}

export type PushAnswer =
  | { clientId: string; outcome: 'applied' | 'conflict'; already: boolean }
  | { clientId: string; outcome: 'refused'; reason: string };

/** One push item and the outbox rows it answers. */
export interface Pending {
  item: PushItem;
  rowIds: string[];
}

/** Called for every audit entry, inside its transaction: a chart-level entry on a hub chart joins the outbox (true). */
export function noteHubEntry(db: WorkspaceDb, entry: { seq: number; chartId: string | null; action: string }, at: string): boolean {
  if (entry.chartId === null || entry.action === 'hub.checkout') return false;
  const lease = row<{ epoch: number }>(db, 'SELECT epoch FROM hub_leases WHERE chart_id = ?', entry.chartId);
  if (!lease) return false;
  run(db, 'INSERT INTO hub_outbox(client_id, chart_id, epoch, audit_seq, created_at) VALUES (?, ?, ?, ?, ?)', crypto.randomUUID(), entry.chartId, lease.epoch, entry.seq, at);
  return true;
}

export function waitingCount(db: WorkspaceDb): number {
  return row<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM hub_outbox WHERE sent_at IS NULL')?.n ?? 0;
}

/** Answers the hub gave that need a person: conflicts (for the supervisor) and refusals. */
export function troubleCount(db: WorkspaceDb): { conflicts: number; refused: number } {
  const r = row<{ conflicts: number; refused: number }>(
    db,
    "SELECT COALESCE(SUM(outcome = 'conflict'), 0) AS conflicts, COALESCE(SUM(outcome = 'refused'), 0) AS refused FROM hub_outbox WHERE sent_at IS NOT NULL",
  );
  return r ?? { conflicts: 0, refused: 0 };
}

/** Up to `limit` push items, oldest waiting chart first: one per chart and lease epoch. */
export function nextBatch(db: WorkspaceDb, limit = PUSH_BATCH): Pending[] {
  const groups = rows<{ chart_id: string; epoch: number; first: number }>(
    db,
    'SELECT chart_id, epoch, MIN(audit_seq) AS first FROM hub_outbox WHERE sent_at IS NULL GROUP BY chart_id, epoch ORDER BY first LIMIT ?',
    limit,
  );
  return groups.map((g) => {
    const waiting = rows<{ client_id: string }>(db, 'SELECT client_id FROM hub_outbox WHERE sent_at IS NULL AND chart_id = ? AND epoch = ? ORDER BY audit_seq', g.chart_id, g.epoch);
    const through = row<{ pushed_through_seq: number }>(db, 'SELECT pushed_through_seq FROM hub_leases WHERE chart_id = ?', g.chart_id)?.pushed_through_seq ?? 0;
    const activity = rows<ActivityWire>(
      db,
      'SELECT seq, at, user_id, action, chart_id, detail_json, hash FROM audit_log WHERE chart_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      g.chart_id, through, MAX_ACTIVITY,
    );
    const newest = waiting[waiting.length - 1]!.client_id;
    return {
      item: { clientId: newest, chartId: g.chart_id, epoch: g.epoch, state: readState(db, g.chart_id), activity },
      rowIds: waiting.map((w) => w.client_id),
    };
  });
}

/**
 * Records the hub's answers inside a transaction. Applied or conflict: the chart's entries up to
 * the last one sent are on the hub. An item with no answer stays waiting for the next attempt.
 */
export function recordAnswers(db: WorkspaceDb, sent: readonly Pending[], answers: readonly PushAnswer[], at: string): { applied: number; conflicts: number; refused: number } {
  const byId = new Map(answers.map((a) => [a.clientId, a]));
  const counts = { applied: 0, conflicts: 0, refused: 0 };
  for (const p of sent) {
    const answer = byId.get(p.item.clientId);
    if (!answer) continue;
    const reason = answer.outcome === 'refused' ? answer.reason.slice(0, 300) : null;
    for (const id of p.rowIds) {
      const own = id === p.item.clientId;
      run(db, 'UPDATE hub_outbox SET sent_at = ?, outcome = ?, reason = ?, sent_as = ? WHERE client_id = ? AND sent_at IS NULL',
        at, own ? answer.outcome : 'carried', own ? reason : null, p.item.clientId, id);
    }
    if (answer.outcome === 'refused') counts.refused += 1;
    else {
      if (answer.outcome === 'applied') counts.applied += 1;
      else counts.conflicts += 1;
      const last = p.item.activity[p.item.activity.length - 1];
      if (last) run(db, 'UPDATE hub_leases SET pushed_through_seq = MAX(pushed_through_seq, ?) WHERE chart_id = ?', last.seq, p.item.chartId);
    }
  }
  return counts;
}
