/**
 * What must hold after a crash, checked on an unlocked workspace:
 *   - PRAGMA integrity_check is ok and the audit trail verifies (chain, origin, seal);
 *   - every acknowledged write is present (its audit entry is there, an acknowledged coding
 *     revision is stored or superseded, an acknowledged submit is submitted);
 *   - every committed change is audited: replaying the trail gives each chart's stored
 *     status, hold reason, submissions and exactly the coding revisions 1..r.
 * Returns the problems found, in words; an empty list means the workspace passed.
 */
import type { WorkspaceDb } from '../../../src/main/services/db/handles';
import { verifyAudit } from '../../../src/main/services/audit/trail';
import { rows } from '../../../src/main/services/db/rows';
import type { Ack } from './kill-protocol';

interface Replayed {
  status: 'new' | 'in_progress' | 'on_hold' | 'submitted';
  holdReason: string | null;
  revisions: Set<number>;
  submits: number;
}

interface EntryRow {
  action: string;
  chart_id: string | null;
  detail_json: string;
}

/** The key an acknowledged write and its audit entry share, counted on both sides. */
function ackKey(a: Ack): string {
  switch (a.kind) {
    case 'coding.save':
      return `coding.change|${a.chartId}|${a.revision}`;
    case 'charts.submit':
      return `${a.submitted ? 'chart.submit' : 'chart.submit_blocked'}|${a.chartId}`;
    case 'charts.hold':
      return `chart.hold|${a.chartId}|${a.reason}`;
    case 'charts.release':
      return `chart.release|${a.chartId}`;
    case 'charts.get':
      return `chart.open|${a.chartId}`;
    case 'documents.get':
      return `document.view|${a.chartId}|${a.documentId}`;
    default:
      return a.kind;
  }
}

function entryKey(e: EntryRow, detail: Record<string, unknown>): string {
  switch (e.action) {
    case 'coding.change':
      return `${e.action}|${e.chart_id}|${String(detail.revision)}`;
    case 'chart.hold':
      return `${e.action}|${e.chart_id}|${String(detail.reason)}`;
    case 'document.view':
      return `${e.action}|${e.chart_id}|${String(detail.documentId)}`;
    default:
      return e.chart_id === null ? e.action : `${e.action}|${e.chart_id}`;
  }
}

function count(keys: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function replayTrail(db: WorkspaceDb): { charts: Map<string, Replayed>; entryKeys: Map<string, number> } {
  const charts = new Map<string, Replayed>();
  const keys: string[] = [];
  for (const e of rows<EntryRow>(db, 'SELECT action, chart_id, detail_json FROM audit_log ORDER BY seq')) {
    const detail = JSON.parse(e.detail_json) as Record<string, unknown>;
    keys.push(entryKey(e, detail));
    if (e.chart_id === null) continue;
    const c = charts.get(e.chart_id) ?? { status: 'new', holdReason: null, revisions: new Set<number>(), submits: 0 };
    charts.set(e.chart_id, c);
    if (e.action === 'coding.change') {
      c.revisions.add(Number(detail.revision));
      if (c.status === 'new') c.status = 'in_progress';
    } else if (e.action === 'chart.hold') {
      c.status = 'on_hold';
      c.holdReason = String(detail.reason);
    } else if (e.action === 'chart.release') {
      c.status = 'in_progress';
      c.holdReason = null;
    } else if (e.action === 'chart.reopen') {
      c.status = 'in_progress';
    } else if (e.action === 'chart.submit') {
      c.status = 'submitted';
      c.holdReason = null;
      c.submits += 1;
    }
  }
  return { charts, entryKeys: count(keys) };
}

interface StoredChart {
  id: string;
  status: Replayed['status'];
  hold_reason: string | null;
  revision: number | null;
  submits: number;
}

/** The database as stored against the trail replayed: every committed change has its entry. */
function checkCommittedAudited(db: WorkspaceDb, replayed: Map<string, Replayed>): string[] {
  const problems: string[] = [];
  const stored = rows<StoredChart>(
    db,
    `SELECT c.id, c.status, c.hold_reason, k.revision,
            (SELECT count(*) FROM submissions s WHERE s.chart_id = c.id) AS submits
       FROM charts c LEFT JOIN codings k ON k.chart_id = c.id ORDER BY c.id`,
  );
  for (const s of stored) {
    const r = replayed.get(s.id) ?? { status: 'new', holdReason: null, revisions: new Set<number>(), submits: 0 };
    const revision = s.revision ?? 0;
    for (let k = 1; k <= revision; k++) {
      if (!r.revisions.has(k)) problems.push(`${s.id}: coding revision ${k} committed without its audit entry`);
    }
    for (const k of r.revisions) if (k > revision) problems.push(`${s.id}: audited revision ${k} but stored revision is ${revision}`);
    if (r.status !== s.status) problems.push(`${s.id}: status ${s.status} but the trail replays to ${r.status}`);
    if (s.status === 'on_hold' && r.holdReason !== s.hold_reason) problems.push(`${s.id}: hold reason ${s.hold_reason} not the audited ${r.holdReason}`);
    if (r.submits !== s.submits) problems.push(`${s.id}: ${s.submits} submissions but ${r.submits} chart.submit entries`);
  }
  return problems;
}

/** Every acknowledged write has its entry (counted: n acknowledgements need n entries) and its state. */
function checkAcknowledged(db: WorkspaceDb, acks: readonly Ack[], entryKeys: Map<string, number>): string[] {
  const problems: string[] = [];
  for (const [key, n] of count(acks.map(ackKey))) {
    const found = entryKeys.get(key) ?? 0;
    if (found < n) problems.push(`acknowledged ${n}× but ${found} audit entries: ${key}`);
  }
  const revisions = new Map(rows<{ chart_id: string; revision: number }>(db, 'SELECT chart_id, revision FROM codings').map((r) => [r.chart_id, r.revision]));
  const statuses = new Map(rows<{ id: string; status: string }>(db, 'SELECT id, status FROM charts').map((r) => [r.id, r.status]));
  for (const a of acks) {
    if (a.kind === 'coding.save' && (revisions.get(a.chartId) ?? 0) < a.revision) {
      problems.push(`${a.chartId}: acknowledged revision ${a.revision} but stored ${revisions.get(a.chartId) ?? 0}`);
    }
    if (a.kind === 'charts.submit' && a.submitted && statuses.get(a.chartId) !== 'submitted') {
      problems.push(`${a.chartId}: acknowledged submit but status ${statuses.get(a.chartId)}`);
    }
  }
  return problems;
}

export interface WorkspaceFindings {
  problems: string[];
  entries: number;
}

export function checkWorkspace(db: WorkspaceDb, acks: readonly Ack[]): WorkspaceFindings {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const report = verifyAudit(db);
  for (const p of report.problems) problems.push(`audit verify: ${p.kind} at ${p.seq}: ${p.message}`);
  const { charts, entryKeys } = replayTrail(db);
  problems.push(...checkCommittedAudited(db, charts), ...checkAcknowledged(db, acks, entryKeys));
  return { problems, entries: report.entries };
}
