/**
 * Second-level audits over the hub, on the auditor's desktop: submitted charts the hub leases
 * for audit are written here with their submissions (so the ordinary audit screens work on them),
 * and each committed audit of such a chart goes to the hub, again whenever it changes (a
 * decision on a rebuttal). The hub attributes the audit to the coder who submitted the chart.
 */
import crypto from 'node:crypto';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run, values } from '../db/rows';
import { auditsWith, type AuditWire } from '../audits/audit-wire';
import { writeState, type WireState } from '../packages/chart-state';
import { insertChartEntry, type ChartEntry } from '../packages/work-package';

export interface AuditLeased {
  entry: ChartEntry;
  state: WireState;
  coderUserId: string;
  coderName: string;
}

export const heldForAudit = (db: WorkspaceDb): string[] => values<string>(db, 'SELECT chart_id FROM hub_audit_charts ORDER BY leased_at DESC LIMIT 2000');

/** Inside a transaction; `onLeased` writes each chart's audit entry. Returns the ids written (a chart already here is skipped). */
export function writeAuditLeased(db: WorkspaceDb, charts: readonly AuditLeased[], args: { at: string; byUser: string; onLeased: (c: AuditLeased) => void }): { written: string[]; skipped: string[] } {
  const out = { written: [] as string[], skipped: [] as string[] };
  for (const c of charts) {
    if (row(db, 'SELECT 1 FROM charts WHERE id = ?', c.entry.id)) {
      (row(db, 'SELECT 1 FROM hub_audit_charts WHERE chart_id = ?', c.entry.id) ? out.written : out.skipped).push(c.entry.id);
      continue;
    }
    insertChartEntry(db, c.entry, c.coderName);
    writeState(db, c.entry.id, c.state, args.at, args.byUser);
    run(db, 'INSERT INTO hub_audit_charts(chart_id, coder_user_id, leased_at) VALUES (?, ?, ?)', c.entry.id, c.coderUserId, args.at);
    args.onLeased(c);
    out.written.push(c.entry.id);
  }
  return out;
}

const wireHash = (w: AuditWire): string => crypto.createHash('sha256').update(JSON.stringify(w)).digest('hex');

/** Committed audits by `auditorId` of charts leased for audit that the hub does not have in this form. */
export function auditsToSend(db: WorkspaceDb, auditorId: string): AuditWire[] {
  const charts = values<string>(db, 'SELECT chart_id FROM hub_audit_charts');
  if (charts.length === 0) return [];
  const sent = new Map(rows<{ audit_id: string; wire_hash: string }>(db, 'SELECT audit_id, wire_hash FROM hub_audit_pushes').map((r) => [r.audit_id, r.wire_hash]));
  return auditsWith(db, auditorId, charts).filter((w) => w.auditorId === auditorId && sent.get(w.id) !== wireHash(w));
}

/** Inside a transaction: the audits the hub stored, in the form sent. */
export function recordAuditsStored(db: WorkspaceDb, sent: readonly AuditWire[], storedIds: ReadonlySet<string>, at: string): void {
  for (const w of sent) {
    if (!storedIds.has(w.id)) continue;
    run(db, 'INSERT INTO hub_audit_pushes(audit_id, wire_hash, pushed_at) VALUES (?, ?, ?) ON CONFLICT(audit_id) DO UPDATE SET wire_hash = excluded.wire_hash, pushed_at = excluded.pushed_at', w.id, wireHash(w), at);
  }
}
