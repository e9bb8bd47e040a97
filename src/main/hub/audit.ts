/**
 * The hub's audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and
 * hash-chained, each entry written in the transaction of the change it records. Appends are
 * serialised by a transaction-scoped advisory lock, so entries from two hub processes still
 * form one chain.
 */
import crypto from 'node:crypto';
import type { Db, Tx } from './db/pool';

const AUDIT_LOCK = 0x6875_625f_6175_6469n;
const GENESIS = '0'.repeat(64);

export interface HubActor {
  userId: string | null;
  deviceId: string | null;
}

interface Entry {
  seq: number;
  at: string;
  userId: string | null;
  deviceId: string | null;
  action: string;
  chartId: string | null;
  detailJson: string;
}

const entryHash = (prev: string, e: Entry): string =>
  crypto.createHash('sha256').update(prev).update(JSON.stringify([e.seq, e.at, e.userId, e.deviceId, e.action, e.chartId, e.detailJson])).digest('hex');

/** Appends one entry inside `tx`. Detail holds ids, kinds and counts: never document text. */
export async function hubAudit(tx: Tx, actor: HubActor, action: string, chartId: string | null, detail: Record<string, unknown> = {}): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK.toString()]);
  const last = (await tx.query<{ seq: string; hash: string }>('SELECT seq, hash FROM hub_audit ORDER BY seq DESC LIMIT 1')).rows[0];
  const entry: Entry = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: new Date().toISOString(),
    userId: actor.userId,
    deviceId: actor.deviceId,
    action,
    chartId,
    detailJson: JSON.stringify(detail),
  };
  const prev = last?.hash ?? GENESIS;
  await tx.query(
    'INSERT INTO hub_audit(seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [entry.seq, entry.at, entry.userId, entry.deviceId, entry.action, entry.chartId, entry.detailJson, prev, entryHash(prev, entry)],
  );
  return entry.seq;
}

/** Walks the chain; the first entry that does not follow from the one before, if any. */
export async function verifyHubAudit(db: Db): Promise<{ ok: boolean; entries: number; brokenAt: number | null }> {
  const rows = (await db.query<{ seq: string; at: Date; user_id: string | null; device_id: string | null; action: string; chart_id: string | null; detail_json: string; prev_hash: string; hash: string }>(
    'SELECT * FROM hub_audit ORDER BY seq',
  )).rows;
  let prev = GENESIS;
  for (const [i, r] of rows.entries()) {
    const e: Entry = { seq: Number(r.seq), at: r.at.toISOString(), userId: r.user_id, deviceId: r.device_id, action: r.action, chartId: r.chart_id, detailJson: r.detail_json };
    if (e.seq !== i + 1 || r.prev_hash !== prev || r.hash !== entryHash(prev, e)) return { ok: false, entries: rows.length, brokenAt: e.seq };
    prev = r.hash;
  }
  return { ok: true, entries: rows.length, brokenAt: null };
}
