/**
 * Second-level audits on the hub. An auditor's device checks out submitted charts coded by
 * someone else (each chart audit-leased to one auditor, taken with FOR UPDATE SKIP LOCKED so two
 * auditors never get the same chart), with the coded state and who coded it. The committed audit
 * comes back as the desktop's AuditWire: the hub keeps it sealed, with the chart's accuracy
 * counts computed by the same chartAccuracy the desktop uses, against the coder's submitted
 * version and attributed to the hub user who submitted the chart. The same audit pushed again
 * (the auditor's later decisions on rebuttals) replaces the one kept.
 */
import { chartAccuracy, type ChartAccuracy, type JudgedFinding } from '../../shared/accuracy';
import type { Coding } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import type { AuditWire } from '../services/audits/audit-wire';
import type { WireState } from '../services/packages/chart-state';
import type { ChartEntry } from '../services/packages/work-package';
import { hubAudit } from './audit';
import { inTransaction, type Db, type Tx } from './db/pool';
import { MAX_CHECKOUT } from './queue';
import { sealJson, unsealJson, type DataKey } from './seal';
import type { HubPrincipal } from './users';

export interface AuditChart {
  entry: ChartEntry;
  state: WireState;
  /** The hub user who submitted the chart: the coder the audit grades. */
  coderUserId: string;
  coderName: string;
}

export type AuditPushOutcome = { id: string; outcome: 'stored' } | { id: string; outcome: 'refused'; reason: string };

/** Where an audit's sealed wire is bound (a chart's own row id is the chart id). */
const auditRowId = (id: string): string => `audit:${id}`;

/**
 * Audit-leases up to `count` submitted charts to the caller's device, oldest submission first:
 * charts with a coded state, submitted by another hub user, not audit-leased to anyone. With
 * `held` (the chart ids the device already has), charts audit-leased to this device that it does
 * not hold and has no audit of yet (a check-out whose reply never arrived) come first, under the
 * same lease, and count toward `count`. Without `held` none come again.
 */
export async function checkOutAudits(db: Db, key: DataKey, who: HubPrincipal, args: { count: number; held?: readonly string[]; now: Date }): Promise<AuditChart[]> {
  type Row = { id: string; sealed: Buffer; state_sealed: Buffer; submitted_by: string; coder_name: string };
  const { again, leased } = await inTransaction(db, async (tx) => {
    const want = Math.min(args.count, MAX_CHECKOUT);
    const again = args.held === undefined ? [] : (await tx.query<Row>(
      `SELECT c.id, c.sealed, c.state_sealed, c.submitted_by, u.name AS coder_name
       FROM hub_audit_leases l JOIN hub_charts c ON c.id = l.chart_id JOIN hub_users u ON u.id = c.submitted_by
       WHERE l.device_id = $1 AND l.auditor_id = $2 AND NOT (l.chart_id = ANY($3)) AND c.state_sealed IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM hub_audits a WHERE a.chart_id = l.chart_id AND a.auditor_id = l.auditor_id)
       ORDER BY c.submitted_at, c.id LIMIT ${want}`,
      [who.deviceId, who.userId, args.held],
    )).rows;
    const room = want - again.length;
    if (room <= 0) {
      await hubAudit(tx, who, 'audits.checkout', null, { charts: 0, redelivered: again.length });
      return { again, leased: [] };
    }
    const picked = (await tx.query<{ id: string }>(
      `SELECT c.id FROM hub_charts c
       WHERE c.status = 'submitted' AND c.state_sealed IS NOT NULL AND c.submitted_by IS NOT NULL AND c.submitted_by <> $1
         AND NOT EXISTS (SELECT 1 FROM hub_audit_leases l WHERE l.chart_id = c.id)
       ORDER BY c.submitted_at, c.id LIMIT ${room} FOR UPDATE OF c SKIP LOCKED`,
      [who.userId],
    )).rows.map((r) => r.id);
    // A chart another auditor leased between this statement's snapshot and its lock is left to them.
    const taken = picked.length === 0 ? [] : (await tx.query<{ chart_id: string }>(
      `INSERT INTO hub_audit_leases(chart_id, auditor_id, device_id, leased_at) SELECT id, $2, $3, $4 FROM unnest($1::text[]) AS id
       ON CONFLICT (chart_id) DO NOTHING RETURNING chart_id`,
      [picked, who.userId, who.deviceId, args.now],
    )).rows.map((r) => r.chart_id);
    const leased = taken.length === 0 ? [] : (await tx.query<Row>(
      `SELECT c.id, c.sealed, c.state_sealed, c.submitted_by, u.name AS coder_name FROM hub_charts c JOIN hub_users u ON u.id = c.submitted_by
       WHERE c.id = ANY($1) ORDER BY c.submitted_at, c.id`,
      [taken],
    )).rows;
    await hubAudit(tx, who, 'audits.checkout', null, { charts: leased.length, redelivered: again.length });
    return { again, leased };
  });
  return [...again, ...leased].map((r) => ({
    entry: unsealJson<ChartEntry>(key, r.id, r.sealed),
    state: unsealJson<WireState>(key, r.id, r.state_sealed),
    coderUserId: r.submitted_by,
    coderName: r.coder_name,
  }));
}

const refused = (id: string, reason: string): AuditPushOutcome => ({ id, outcome: 'refused', reason });

/** The coder's codes as submitted, or null when the stored text is not a coding. */
function parseCoding(json: string): Coding | null {
  try {
    const c = JSON.parse(json) as Partial<Coding> | null;
    return c && Array.isArray(c.diagnoses) && Array.isArray(c.procedures) ? (c as Coding) : null;
  } catch {
    return null;
  }
}

const timeOf = (text: string): Date | null => {
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t);
};

/**
 * Stores one committed audit from the auditor's device, in its own transaction: refused, with
 * nothing stored, unless the chart is audit-leased to this auditor and its state has the audited
 * version's submission. The accuracy is chartAccuracy of that submission's codes and the
 * findings' current outcomes, as the desktop's accuracyReport computes it.
 */
export async function pushAudit(db: Db, key: DataKey, who: HubPrincipal, wire: AuditWire, now: Date): Promise<AuditPushOutcome> {
  return inTransaction(db, async (tx) => {
    const lease = (await tx.query<{ auditor_id: string }>('SELECT auditor_id FROM hub_audit_leases WHERE chart_id = $1', [wire.chartId])).rows[0];
    if (!lease || lease.auditor_id !== who.userId) {
      return refused(wire.id, `Chart ${wire.chartId} is not checked out to you for audit: nothing was stored.`);
    }
    const chart = (await tx.query<{ setting: string; submitted_by: string | null; state_sealed: Buffer | null }>(
      'SELECT setting, submitted_by, state_sealed FROM hub_charts WHERE id = $1 FOR UPDATE', [wire.chartId],
    )).rows[0]!;
    if (chart.submitted_by === who.userId) return refused(wire.id, 'You submitted this chart, so you cannot audit it: nothing was stored.');
    const before = (await tx.query<{ chart_id: string; auditor_id: string; version: number; sealed: Buffer }>(
      'SELECT chart_id, auditor_id, version, sealed FROM hub_audits WHERE id = $1 FOR UPDATE', [wire.id],
    )).rows[0];
    if (before && (before.chart_id !== wire.chartId || before.auditor_id !== who.userId || before.version !== wire.version)) {
      return refused(wire.id, 'That audit id is already kept for another chart, version or auditor: nothing was stored.');
    }
    const state = chart.state_sealed ? unsealJson<WireState>(key, wire.chartId, chart.state_sealed) : null;
    const submission = state?.submissions.find((s) => s.version === wire.version);
    if (!submission) return refused(wire.id, `Chart ${wire.chartId} has no submitted version ${wire.version} on the hub: nothing was stored.`);
    const coding = parseCoding(submission.coding_json);
    if (!coding) return refused(wire.id, `The submitted codes of chart ${wire.chartId} version ${wire.version} cannot be read: nothing was stored.`);
    const submittedAt = timeOf(submission.submitted_at);
    const committedAt = timeOf(wire.committedAt);
    if (!submittedAt || !committedAt) return refused(wire.id, 'The audit or the audited submission has no valid time: nothing was stored.');
    let accuracy: ChartAccuracy;
    try {
      accuracy = chartAccuracy(coding, wire.findings.map((f): JudgedFinding => ({ kind: f.kind, coderLine: f.coderLine, outcome: f.outcome })));
    } catch (error) {
      if (error instanceof AppFailure) return refused(wire.id, `${error.message} Nothing was stored.`);
      throw error;
    }
    const unchanged = before !== undefined && JSON.stringify(unsealJson<AuditWire>(key, auditRowId(wire.id), before.sealed)) === JSON.stringify(wire);
    if (!unchanged) {
      await tx.query(
        `INSERT INTO hub_audits(id, chart_id, version, coder_id, auditor_id, setting, submitted_at, committed_at, accuracy_json, sealed, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO UPDATE SET coder_id = excluded.coder_id, setting = excluded.setting, submitted_at = excluded.submitted_at,
           committed_at = excluded.committed_at, accuracy_json = excluded.accuracy_json, sealed = excluded.sealed, updated_at = excluded.updated_at`,
        [wire.id, wire.chartId, wire.version, chart.submitted_by, who.userId, chart.setting, submittedAt, committedAt, JSON.stringify(accuracy), sealJson(key, auditRowId(wire.id), wire), now],
      );
    }
    await hubAudit(tx, who, 'audits.push', wire.chartId, {
      auditId: wire.id,
      version: wire.version,
      findings: wire.findings.length,
      codesConsidered: accuracy.codesConsidered,
      codesAgreed: accuracy.codesAgreed,
      replaced: before !== undefined,
      unchanged,
    });
    return { id: wire.id, outcome: 'stored' };
  });
}

/** The audited charts whose audited submission falls in [from, to] (whole UTC days), optionally one coder's. */
export async function hubAuditedCharts(db: Db | Tx, args: { from: string; to: string; coderId: string | null }): Promise<{ coderId: string; accuracy: ChartAccuracy }[]> {
  const DAY_MS = 86_400_000;
  const from = new Date(`${args.from}T00:00:00.000Z`);
  const end = new Date(Date.parse(`${args.to}T00:00:00.000Z`) + DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(end.getTime())) throw new AppFailure('BAD_INPUT', 'A report needs calendar dates.');
  const rows = (await db.query<{ coder_id: string | null; accuracy_json: string }>(
    'SELECT coder_id, accuracy_json FROM hub_audits WHERE submitted_at >= $1 AND submitted_at < $2 AND ($3::text IS NULL OR coder_id = $3) ORDER BY id',
    [from, end, args.coderId],
  )).rows;
  return rows.map((r) => ({ coderId: r.coder_id ?? '', accuracy: JSON.parse(r.accuracy_json) as ChartAccuracy }));
}
