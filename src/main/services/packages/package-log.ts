/** The package log: every package made, opened or applied, with its per (kind, sender, recipient) sequence number. */
import type { PackageLogEntry } from '../../../shared/packages';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run, value } from '../db/rows';
import type { PackageHeader } from './envelope';

type Direction = PackageLogEntry['direction'];

export function nextSeq(db: WorkspaceDb, kind: 'work' | 'result', senderId: string, recipientId: string): number {
  const last = value<number>(db, "SELECT max(seq) FROM package_log WHERE kind = ? AND direction = 'sent' AND sender_id = ? AND recipient_id = ?", kind, senderId, recipientId);
  return (last ?? 0) + 1;
}

export function hasLogged(db: WorkspaceDb, packageId: string, direction: Direction): boolean {
  return value<number>(db, 'SELECT 1 FROM package_log WHERE package_id = ? AND direction = ?', packageId, direction) === 1;
}

/** The newest result applied from `senderId`: its seq and what it said about the sender's audit trail. */
export function lastApplied(db: WorkspaceDb, senderId: string): { seq: number; headSeq: number } | null {
  const r = row<{ seq: number; summary_json: string }>(
    db,
    "SELECT seq, summary_json FROM package_log WHERE kind = 'result' AND direction = 'applied' AND sender_id = ? ORDER BY seq DESC LIMIT 1",
    senderId,
  );
  if (!r) return null;
  const summary = JSON.parse(r.summary_json) as { headSeq?: number };
  return { seq: r.seq, headSeq: summary.headSeq ?? 0 };
}

export function logPackage(db: WorkspaceDb, header: PackageHeader | Omit<PackageHeader, 'ephemeralKey' | 'iv' | 'format' | 'version'>, direction: Direction, charts: number, at: Date, summary: Record<string, unknown> = {}): void {
  run(
    db,
    `INSERT INTO package_log(package_id, kind, direction, sender_id, recipient_id, seq, created_at, expires_at, recorded_at, charts, summary_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    header.packageId, header.kind, direction, header.senderId, header.recipientId, header.seq, header.createdAt, header.expiresAt, at.toISOString(), charts, JSON.stringify(summary),
  );
}

interface LogRow {
  package_id: string;
  kind: 'work' | 'result';
  direction: Direction;
  sender_id: string;
  recipient_id: string;
  seq: number;
  created_at: string;
  expires_at: string;
  recorded_at: string;
  charts: number;
}

/** Newest first; the counterpart by the name this workspace knows it by. */
export function listLog(db: WorkspaceDb, selfId: string, limit = 200): PackageLogEntry[] {
  return rows<LogRow & { counterpart_name: string | null }>(
    db,
    `SELECT l.*, p.display_name AS counterpart_name FROM package_log l
     LEFT JOIN pinned_cards p ON p.profile_id = CASE WHEN l.sender_id = ? THEN l.recipient_id ELSE l.sender_id END
     ORDER BY l.recorded_at DESC, l.rowid DESC LIMIT ?`,
    selfId, limit,
  ).map((r) => ({
    packageId: r.package_id,
    kind: r.kind,
    direction: r.direction,
    counterpart: r.counterpart_name ?? (r.sender_id === selfId ? r.recipient_id : r.sender_id),
    seq: r.seq,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    recordedAt: r.recorded_at,
    charts: r.charts,
  }));
}
