/** A workspace with a short audit trail, and ways to tamper with it for real. */
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit, type AuditAction } from '../../../src/main/services/audit/trail';
import { openWorkspace } from '../../../src/main/services/workspace/open';
import { randomKey, tempDir } from '../workspace/helpers';

export const T0 = Date.parse('2026-03-01T10:00:00Z');

export function workspace(): Database.Database {
  return openWorkspace(path.join(tempDir(), 'w.db'), randomKey(), { create: true });
}

const ACTIONS: AuditAction[] = ['session.unlock', 'chart.open', 'document.view', 'coding.change', 'chart.submit'];

/** Appends `count` entries, one a minute. */
export function fillTrail(db: Database.Database, count: number): void {
  for (let i = 0; i < count; i++) {
    const action = ACTIONS[i % ACTIONS.length] ?? 'export';
    appendAudit(
      db,
      { userId: 'u1', deviceId: 'dev-1', action, chartId: action === 'session.unlock' ? null : `C${i}`, detail: { n: i } },
      T0 + i * 60_000,
    );
  }
}

export function dropTriggers(db: Database.Database): void {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
}

/** Moves every entry from `from` on by `by` seqs (negative: down), avoiding key clashes. */
export function renumber(db: Database.Database, from: number, by: number): void {
  db.prepare('UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= ?').run(from);
  db.prepare('UPDATE audit_log SET seq = seq - 1000000 + ? WHERE seq >= 1000000').run(by);
}

/** Exchanges the places of two entries (each keeps its content and hashes). */
export function swap(db: Database.Database, a: number, b: number): void {
  db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(a);
  db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(a, b);
  db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(b);
}

export function hashOf(db: Database.Database, seq: number): string {
  return db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string;
}
