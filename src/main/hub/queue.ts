/**
 * The team queue on the hub: a supervisor assigns charts (to a coder, or to the pool of a
 * setting); a coder's device checks out a batch under a lease. Each lease bumps the chart's
 * fencing epoch, and rows are taken with FOR UPDATE SKIP LOCKED, so concurrent check-outs never
 * lease one chart twice. Leases expire (the chart may then be leased again, under a new epoch)
 * and a supervisor can revoke one; either way the old holder's epoch is stale from then on.
 * A check-out whose reply was lost is made good by the next one: the device names the charts it
 * holds, and those still leased to it that it does not hold come again, under the same lease.
 */
import type { ChartSetting } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import type { ChartEntry } from '../services/packages/work-package';
import { hubAudit } from './audit';
import { inTransaction, type Db } from './db/pool';
import { unsealJson, type DataKey } from './seal';
import type { HubPrincipal } from './users';

export const DEFAULT_LEASE_HOURS = 72;
export const MAX_CHECKOUT = 200;
/** Most chart ids a device may name as already held in one check-out. */
export const MAX_HELD = 2000;

export type AssignTarget = { userId: string } | { pool: ChartSetting };

export interface LeasedChart {
  entry: ChartEntry;
  epoch: number;
  leaseExpiresAt: string;
}

export async function assignCharts(db: Db, by: HubPrincipal, chartIds: readonly string[], to: AssignTarget, now: Date): Promise<{ assigned: number }> {
  return inTransaction(db, async (tx) => {
    if ('userId' in to) {
      const user = (await tx.query<{ role: string }>('SELECT role FROM hub_users WHERE id = $1 AND disabled_at IS NULL', [to.userId])).rows[0];
      if (!user) throw new AppFailure('NOT_FOUND', 'No active hub user with that id.');
      if (user.role === 'supervisor') throw new AppFailure('BAD_INPUT', 'Charts are assigned to coders or auditors, not to a supervisor.');
    }
    const found = (await tx.query<{ id: string; status: string }>('SELECT id, status FROM hub_charts WHERE id = ANY($1) FOR UPDATE', [chartIds])).rows;
    if (found.length !== new Set(chartIds).size) throw new AppFailure('NOT_FOUND', `${new Set(chartIds).size - found.length} of the charts chosen are not in the team queue: nothing was assigned.`);
    const busy = found.filter((c) => c.status !== 'unassigned' && c.status !== 'assigned');
    if (busy.length > 0) throw new AppFailure('CONFLICT', `${busy.length} of the charts chosen are checked out or coded: revoke their lease first. Nothing was assigned.`);
    const [userId, pool] = 'userId' in to ? [to.userId, null] : [null, to.pool];
    await tx.query("UPDATE hub_charts SET status = 'assigned', assignee_id = $2, pool_setting = $3, updated_at = $4 WHERE id = ANY($1)", [chartIds, userId, pool, now]);
    await hubAudit(tx, by, 'queue.assign', null, { charts: found.length, userId, pool });
    return { assigned: found.length };
  });
}

/**
 * Leases up to `count` charts assigned to the caller (or in a pool), oldest service date first.
 * With `held` (the chart ids the device already has), charts leased to this device, unexpired,
 * that it does not hold (a check-out whose reply never arrived) come first and count toward
 * `count`: the same epoch, no new lease, the lease's own expiry (a re-delivery never extends it).
 * Without `held` none come again. The reply lists the re-delivered charts first, then the new ones.
 */
export async function checkOut(
  db: Db,
  key: DataKey,
  who: HubPrincipal,
  args: { count: number; leaseHours?: number; held?: readonly string[]; now: Date },
): Promise<LeasedChart[]> {
  const expires = new Date(args.now.getTime() + (args.leaseHours ?? DEFAULT_LEASE_HOURS) * 3_600_000);
  type Row = { id: string; epoch: string; sealed: Buffer; lease_expires_at: Date };
  const { again, leased } = await inTransaction(db, async (tx) => {
    const want = Math.min(args.count, MAX_CHECKOUT);
    // Leased to this device, not expired, and not among what it holds: the lost reply's charts. Read only, nothing changes.
    const again = args.held === undefined ? [] : (await tx.query<Row>(
      `SELECT id, epoch, sealed, lease_expires_at FROM hub_charts
       WHERE lease_device_id = $1 AND status = 'leased' AND lease_expires_at > $2 AND NOT (id = ANY($3))
       ORDER BY service_date, id LIMIT ${want} FOR UPDATE SKIP LOCKED`,
      [who.deviceId, args.now, args.held],
    )).rows;
    // Then own assignments, the pools, leases that ran out: each an ordered index scan, locked rows skipped.
    const room = want - again.length;
    const picked: string[] = [];
    const take = async (sql: string, params: unknown[]) => {
      if (picked.length >= room) return;
      const got = await tx.query<{ id: string }>(`${sql} LIMIT ${room - picked.length} FOR UPDATE SKIP LOCKED`, params);
      picked.push(...got.rows.map((r) => r.id));
    };
    await take("SELECT id FROM hub_charts WHERE status = 'assigned' AND assignee_id = $1 ORDER BY service_date, id", [who.userId]);
    await take("SELECT id FROM hub_charts WHERE status = 'assigned' AND assignee_id IS NULL AND pool_setting IS NOT NULL ORDER BY pool_setting, service_date, id", []);
    await take(
      "SELECT id FROM hub_charts WHERE status = 'leased' AND lease_expires_at <= $1 AND (assignee_id = $2 OR (assignee_id IS NULL AND pool_setting IS NOT NULL)) ORDER BY lease_expires_at",
      [args.now, who.userId],
    );
    if (picked.length === 0 && again.length === 0) return { again, leased: [] };
    const leased = picked.length === 0 ? [] : (await tx.query<Row>(
      `UPDATE hub_charts SET status = 'leased', epoch = epoch + 1, lease_user_id = $2, lease_device_id = $3, lease_expires_at = $4, updated_at = $5
       WHERE id = ANY($1) RETURNING id, epoch, sealed, lease_expires_at`,
      [picked, who.userId, who.deviceId, expires, args.now],
    )).rows;
    if (picked.length > 0) {
      await tx.query(
        'INSERT INTO hub_leases(chart_id, epoch, user_id, device_id, leased_at) SELECT id, epoch, $2, $3, $4 FROM hub_charts WHERE id = ANY($1)',
        [picked, who.userId, who.deviceId, args.now],
      );
    }
    await hubAudit(tx, who, 'queue.checkout', null, { charts: leased.length, redelivered: again.length });
    return { again, leased };
  });
  const reply = (rows: Row[]) => rows
    .map((r) => ({ entry: unsealJson<ChartEntry>(key, r.id, r.sealed), epoch: Number(r.epoch), leaseExpiresAt: r.lease_expires_at.toISOString() }))
    .sort((a, b) => (a.entry.id < b.entry.id ? -1 : 1));
  return [...reply(again), ...reply(leased)];
}

/** A supervisor takes a chart back: the holder's epoch goes stale, and the chart waits for its assignee again. */
export async function revokeLease(db: Db, by: HubPrincipal, chartId: string, now: Date): Promise<{ epoch: number }> {
  return inTransaction(db, async (tx) => {
    const c = (await tx.query<{ status: string; epoch: string }>('SELECT status, epoch FROM hub_charts WHERE id = $1 FOR UPDATE', [chartId])).rows[0];
    if (!c) throw new AppFailure('NOT_FOUND', 'No chart with that id in the team queue.');
    if (c.status !== 'leased') throw new AppFailure('CONFLICT', 'That chart is not checked out.');
    const epoch = Number(c.epoch) + 1;
    await tx.query(
      "UPDATE hub_charts SET status = 'assigned', epoch = $2, lease_user_id = NULL, lease_device_id = NULL, lease_expires_at = NULL, updated_at = $3 WHERE id = $1",
      [chartId, epoch, now],
    );
    await hubAudit(tx, by, 'queue.revoke', chartId, { epoch });
    return { epoch };
  });
}

/** The charts this device holds under a live lease now, with their epochs: a desktop compares them with its own. */
export async function leasesOf(db: Db, who: HubPrincipal): Promise<{ leases: { chartId: string; epoch: number; leaseExpiresAt: string }[] }> {
  const rows = (await db.query<{ id: string; epoch: string; lease_expires_at: Date }>(
    "SELECT id, epoch, lease_expires_at FROM hub_charts WHERE lease_device_id = $1 AND status IN ('leased', 'on_hold') ORDER BY id",
    [who.deviceId],
  )).rows;
  return { leases: rows.map((r) => ({ chartId: r.id, epoch: Number(r.epoch), leaseExpiresAt: r.lease_expires_at.toISOString() })) };
}
