/**
 * The coder's draft. Saved on every change with a revision number, so a stale window can
 * never silently overwrite newer work (it gets CONFLICT and reloads).
 */
import type { WorkspaceDb } from '../db/handles';
import { row, run } from '../db/rows';
import { transaction } from '../db/transaction';
import type { Coding } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { chartRecord } from './detail';

const EMPTY: Coding = { diagnoses: [], procedures: [] };

export function getCoding(db: WorkspaceDb, chartId: string): { coding: Coding; revision: number } {
  chartRecord(db, chartId);
  const saved = row<{ coding_json: string; revision: number }>(db, 'SELECT coding_json, revision FROM codings WHERE chart_id = ?', chartId);
  return saved ? { coding: JSON.parse(saved.coding_json) as Coding, revision: saved.revision } : { coding: EMPTY, revision: 0 };
}

/** What changed, for the audit trail: codes only, never document text. */
export interface CodingChange {
  added: string[];
  removed: string[];
  reordered: boolean;
}

const keysOf = (c: Coding): string[] => [
  ...c.diagnoses.map((d) => `dx:${d.code}:${d.poa ?? ''}`),
  ...c.procedures.map((p) => `px:${p.system}:${p.code}:${p.modifiers.join('-')}:${p.units}${p.pointers?.length ? `:dx=${p.pointers.join('+')}` : ''}`),
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
      ...(p.pointers ? { pointers: p.pointers.map((c) => c.trim().toUpperCase()) } : {}),
    })),
  };
}

export function saveCoding(
  db: WorkspaceDb,
  args: { chartId: string; coding: Coding; revision: number; userId: string; at: string },
): { revision: number; change: CodingChange } {
  return transaction(db, () => {
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
    run(
      db,
      `INSERT INTO codings(chart_id, coding_json, revision, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(chart_id) DO UPDATE SET coding_json = excluded.coding_json, revision = excluded.revision,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      args.chartId, JSON.stringify(coding), revision, args.at, args.userId,
    );
    if (chart.status === 'new') {
      run(db, "UPDATE charts SET status = 'in_progress', updated_at = ? WHERE id = ?", args.at, args.chartId);
    }
    return { revision, change: diffCoding(current.coding, coding) };
  });
}
