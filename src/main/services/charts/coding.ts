/**
 * The coder's draft. Saved on every change with a revision number, so a stale window can
 * never silently overwrite newer work (it gets CONFLICT and reloads).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Coding } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { chartRecord } from './detail';

const EMPTY: Coding = { diagnoses: [], procedures: [] };

export function getCoding(db: Database.Database, chartId: string): { coding: Coding; revision: number } {
  chartRecord(db, chartId);
  const row = db.prepare('SELECT coding_json, revision FROM codings WHERE chart_id = ?').get(chartId) as
    | { coding_json: string; revision: number }
    | undefined;
  return row ? { coding: JSON.parse(row.coding_json) as Coding, revision: row.revision } : { coding: EMPTY, revision: 0 };
}

/** What changed, for the audit trail: codes only, never document text. */
export interface CodingChange {
  added: string[];
  removed: string[];
  reordered: boolean;
}

const keysOf = (c: Coding): string[] => [
  ...c.diagnoses.map((d) => `dx:${d.code}:${d.poa ?? ''}`),
  ...c.procedures.map((p) => `px:${p.system}:${p.code}:${p.modifiers.join('-')}:${p.units}`),
];

export function diffCoding(before: Coding, after: Coding): CodingChange {
  const a = keysOf(before);
  const b = keysOf(after);
  const added = b.filter((k) => !a.includes(k));
  const removed = a.filter((k) => !b.includes(k));
  const reordered = added.length === 0 && removed.length === 0 && a.join('|') !== b.join('|');
  return { added, removed, reordered };
}

export function normaliseCoding(coding: Coding): Coding {
  return {
    diagnoses: coding.diagnoses.map((d) => ({ code: d.code.trim().toUpperCase(), poa: d.poa })),
    procedures: coding.procedures.map((p) => ({
      ...p,
      code: p.code.trim().toUpperCase(),
      modifiers: p.modifiers.map((m) => m.toUpperCase()),
    })),
  };
}

export function saveCoding(
  db: Database.Database,
  args: { chartId: string; coding: Coding; revision: number; userId: string; at: string },
): { revision: number; change: CodingChange } {
  return db.transaction(() => {
    const chart = chartRecord(db, args.chartId);
    if (chart.status === 'submitted') {
      throw new AppFailure(ErrorCode.Conflict, 'This chart is already submitted; its coding can no longer change.');
    }
    const current = getCoding(db, args.chartId);
    if (current.revision !== args.revision) {
      throw new AppFailure(ErrorCode.Conflict, 'This chart was changed elsewhere. Reload it to continue.', {
        currentRevision: current.revision,
      });
    }
    const coding = normaliseCoding(args.coding);
    const revision = current.revision + 1;
    db.prepare(
      `INSERT INTO codings(chart_id, coding_json, revision, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(chart_id) DO UPDATE SET coding_json = excluded.coding_json, revision = excluded.revision,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(args.chartId, JSON.stringify(coding), revision, args.at, args.userId);
    if (chart.status === 'new') {
      db.prepare("UPDATE charts SET status = 'in_progress', updated_at = ? WHERE id = ?").run(args.at, args.chartId);
    }
    return { revision, change: diffCoding(current.coding, coding) };
  })();
}
