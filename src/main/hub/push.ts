/**
 * Pushes from a desktop's outbox. Each item has a client-made id, so the same push arriving
 * twice (a retry after a dropped connection, a hub killed mid-reply) applies once. An item
 * names the chart and the fencing epoch of the lease it was coded under: at the current epoch of
 * the device's own lease it is applied; from a stale epoch (the lease was revoked or expired and
 * taken) it goes to the supervisor's conflict list with both versions kept, until a supervisor
 * keeps one; a chart this device never held at that epoch is refused. The coder's activity
 * entries are kept either way.
 */
import { z } from 'zod';
import { AppFailure } from '../../shared/result';
import { parseEventDetail } from '../services/activity/day-delta';
import { activitySchema } from '../services/packages/body';
import { stateHash, wireStateSchema, type WireState } from '../services/packages/chart-state';
import { hubAudit } from './audit';
import { projectHubEvent } from './rollup';
import { inTransaction, type Db } from './db/pool';
import { sealJson, unsealJson, type DataKey } from './seal';
import type { HubPrincipal } from './users';

export const pushItemSchema = z
  .object({
    clientId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    chartId: z.string().min(1).max(64),
    epoch: z.number().int().min(1),
    state: wireStateSchema,
    activity: z.array(activitySchema).max(10_000),
  })
  .strict();
export type PushItem = z.infer<typeof pushItemSchema>;

export type PushOutcome =
  | { clientId: string; outcome: 'applied' | 'conflict'; already: boolean }
  | { clientId: string; outcome: 'refused'; reason: string };

const HUB_STATUS: Record<WireState['status'], string> = { new: 'leased', in_progress: 'leased', on_hold: 'on_hold', submitted: 'submitted' };

/**
 * When a state made the chart submitted ($4 its status, $5 now, $6 the hub user whose push it
 * was): the first submission's time (the backlog) and who submitted it (whom its audits grade).
 */
const FIRST_SUBMISSION = `submitted_at = CASE WHEN $4 = 'submitted' THEN COALESCE(submitted_at, $5) ELSE submitted_at END,
  submitted_by = CASE WHEN $4 = 'submitted' THEN COALESCE(submitted_by, $6) ELSE submitted_by END`;

export async function applyPush(db: Db, key: DataKey, who: HubPrincipal, item: PushItem, now: Date): Promise<PushOutcome> {
  return inTransaction(db, async (tx) => {
    const before = (await tx.query<{ outcome: 'applied' | 'conflict'; device_id: string }>('SELECT outcome, device_id FROM hub_pushes WHERE client_id = $1', [item.clientId])).rows[0];
    if (before) {
      if (before.device_id !== who.deviceId) return { clientId: item.clientId, outcome: 'refused', reason: 'That push id was used by another device.' };
      return { clientId: item.clientId, outcome: before.outcome, already: true };
    }
    const lease = (await tx.query<{ device_id: string }>('SELECT device_id FROM hub_leases WHERE chart_id = $1 AND epoch = $2', [item.chartId, item.epoch])).rows[0];
    if (!lease || lease.device_id !== who.deviceId) {
      return { clientId: item.clientId, outcome: 'refused', reason: `Chart ${item.chartId} was not checked out to this device under that lease: nothing was applied.` };
    }
    const chart = (await tx.query<{ epoch: string; lease_device_id: string | null; state_sealed: Buffer | null }>(
      'SELECT epoch, lease_device_id, state_sealed FROM hub_charts WHERE id = $1 FOR UPDATE', [item.chartId],
    )).rows[0]!;
    for (const a of item.activity) {
      const added = await tx.query(
        'INSERT INTO hub_events(device_id, seq, user_id, at, action, chart_id, detail_json, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING',
        [who.deviceId, a.seq, who.userId, a.at, a.action, a.chart_id, a.detail_json, a.hash],
      );
      // New events only: an entry carried again by a later push is already in the figures.
      if (added.rowCount === 1) await projectHubEvent(tx, { at: a.at, userId: who.userId, action: a.action, chartId: a.chart_id, detail: parseEventDetail(a.detail_json) });
    }
    const current = Number(chart.epoch) === item.epoch && chart.lease_device_id === who.deviceId;
    if (current) {
      await tx.query(`UPDATE hub_charts SET state_sealed = $2, state_hash = $3, status = $4, updated_at = $5, ${FIRST_SUBMISSION} WHERE id = $1`, [
        item.chartId, sealJson(key, item.chartId, item.state), stateHash(item.state), HUB_STATUS[item.state.status], now, who.userId,
      ]);
    } else {
      await tx.query(
        `INSERT INTO hub_conflicts(chart_id, client_id, user_id, device_id, epoch, current_epoch, reason, incoming_sealed, current_sealed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'stale epoch', $7, $8, $9)`,
        [item.chartId, item.clientId, who.userId, who.deviceId, item.epoch, Number(chart.epoch), sealJson(key, `conflict:${item.clientId}`, item.state), chart.state_sealed, now],
      );
    }
    const outcome = current ? 'applied' : 'conflict';
    await tx.query('INSERT INTO hub_pushes(client_id, device_id, user_id, chart_id, epoch, outcome, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      item.clientId, who.deviceId, who.userId, item.chartId, item.epoch, outcome, now,
    ]);
    await hubAudit(tx, who, 'sync.push', item.chartId, { outcome, epoch: item.epoch, activity: item.activity.length });
    return { clientId: item.clientId, outcome, already: false };
  });
}

export interface HubConflict {
  id: number;
  chartId: string;
  userId: string;
  epoch: number;
  currentEpoch: number;
  reason: string;
  createdAt: string;
  incoming: WireState;
  current: WireState | null;
}

/** The supervisor's list: both versions of each unresolved conflict. */
export async function listConflicts(db: Db, key: DataKey): Promise<HubConflict[]> {
  const rows = (await db.query<{ id: string; chart_id: string; client_id: string; user_id: string; epoch: string; current_epoch: string; reason: string; created_at: Date; incoming_sealed: Buffer; current_sealed: Buffer | null }>(
    'SELECT * FROM hub_conflicts WHERE resolved_at IS NULL ORDER BY id',
  )).rows;
  return rows.map((r) => ({
    id: Number(r.id),
    chartId: r.chart_id,
    userId: r.user_id,
    epoch: Number(r.epoch),
    currentEpoch: Number(r.current_epoch),
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    incoming: unsealJson<WireState>(key, `conflict:${r.client_id}`, r.incoming_sealed),
    current: r.current_sealed ? unsealJson<WireState>(key, r.chart_id, r.current_sealed) : null,
  }));
}

export type ConflictKeep = 'current' | 'incoming';

/**
 * A supervisor settles a conflict: 'current' leaves the chart as it is; 'incoming' makes the
 * stale push's version the chart's state, sealed and mapped as an applied push would be. A chart
 * with no lease holder keeps its queue status rather than becoming 'leased' to nobody.
 */
export async function resolveConflict(db: Db, key: DataKey, by: HubPrincipal, conflictId: number, keep: ConflictKeep, now: Date): Promise<{ resolved: number; keep: ConflictKeep }> {
  return inTransaction(db, async (tx) => {
    const c = (await tx.query<{ chart_id: string; client_id: string; user_id: string; incoming_sealed: Buffer; resolved_at: Date | null }>(
      'SELECT chart_id, client_id, user_id, incoming_sealed, resolved_at FROM hub_conflicts WHERE id = $1 FOR UPDATE', [conflictId],
    )).rows[0];
    if (!c) throw new AppFailure('NOT_FOUND', 'No conflict with that id.');
    if (c.resolved_at) throw new AppFailure('CONFLICT', 'That conflict was already resolved: nothing was changed.');
    if (keep === 'incoming') {
      const chart = (await tx.query<{ status: string; lease_device_id: string | null }>('SELECT status, lease_device_id FROM hub_charts WHERE id = $1 FOR UPDATE', [c.chart_id])).rows[0]!;
      const state = unsealJson<WireState>(key, `conflict:${c.client_id}`, c.incoming_sealed);
      const mapped = HUB_STATUS[state.status];
      const status = mapped === 'leased' && chart.lease_device_id === null ? chart.status : mapped;
      await tx.query(`UPDATE hub_charts SET state_sealed = $2, state_hash = $3, status = $4, updated_at = $5, ${FIRST_SUBMISSION} WHERE id = $1`, [
        c.chart_id, sealJson(key, c.chart_id, state), stateHash(state), status, now, c.user_id,
      ]);
    }
    await tx.query('UPDATE hub_conflicts SET resolved_at = $2, resolution = $3, resolved_by = $4 WHERE id = $1', [conflictId, now, keep, by.userId]);
    await hubAudit(tx, by, 'conflict.resolve', c.chart_id, { conflictId, keep });
    return { resolved: conflictId, keep };
  });
}
