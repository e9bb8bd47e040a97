/** A workspace with a short audit trail, and ways to tamper with it for real. */
import path from 'node:path';
import type { WorkspaceDb } from '../../../src/main/services/db/handles';
import { bindAuditChain } from '../../../src/main/services/audit/binding';
import { appendAudit, type AuditAction } from '../../../src/main/services/audit/trail';
import { openWorkspace } from '../../../src/main/services/workspace/open';
import { randomKey, tempDir } from '../workspace/helpers';

export const T0 = Date.parse('2026-03-01T10:00:00Z');

export interface OpenedWorkspace {
  db: WorkspaceDb;
  key: Buffer;
  file: string;
  sealFile: string;
}

/** A new encrypted workspace with its audit trail bound (keys and seal), as the app opens one. */
export function openedWorkspace(): OpenedWorkspace {
  const dir = tempDir();
  const key = randomKey();
  const file = path.join(dir, 'w.db');
  const sealFile = path.join(dir, 'audit-head.seal');
  const db = openWorkspace(file, key, { create: true });
  bindAuditChain(db, key, sealFile);
  return { db, key, file, sealFile };
}

export function workspace(): WorkspaceDb {
  return openedWorkspace().db;
}

const ACTIONS: AuditAction[] = ['chart.open', 'document.view', 'coding.change', 'chart.submit', 'session.unlock'];

/** Appends `count` entries, one a minute; on an empty trail the first is the profile's creation. */
export function fillTrail(db: WorkspaceDb, count: number): void {
  const start = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  for (let i = 0; i < count; i++) {
    const action = start + i === 0 ? 'profile.create' : (ACTIONS[i % ACTIONS.length] ?? 'export');
    appendAudit(
      db,
      { userId: 'u1', deviceId: 'dev-1', action, chartId: action === 'session.unlock' || action === 'profile.create' ? null : `C${i}`, detail: { n: i } },
      T0 + i * 60_000,
    );
  }
}

export function dropTriggers(db: WorkspaceDb): void {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
}

/** Moves every entry from `from` on by `by` seqs (negative: down), avoiding key clashes. */
export function renumber(db: WorkspaceDb, from: number, by: number): void {
  db.prepare('UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= ?').run(from);
  db.prepare('UPDATE audit_log SET seq = seq - 1000000 + ? WHERE seq >= 1000000').run(by);
}

/** Exchanges the places of two entries (each keeps its content and hashes). */
export function swap(db: WorkspaceDb, a: number, b: number): void {
  db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(a);
  db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(a, b);
  db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(b);
}

export function hashOf(db: WorkspaceDb, seq: number): string {
  return db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string;
}
