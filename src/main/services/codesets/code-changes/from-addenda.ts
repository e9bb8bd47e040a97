/** The change summary from the addenda imported for a fiscal year (codes addenda preferred for CM). */
import type { CodeSystem } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import type { ChangeBody } from './change-body';

interface ChangeRow {
  action: 'add' | 'delete' | 'revise-from' | 'revise-to';
  code: string;
  billable: number;
  short_title: string | null;
  long_title: string;
}

export function changesFromAddenda(db: ContentDb, system: CodeSystem, label: string): ChangeBody | null {
  if (system !== 'icd10cm' && system !== 'icd10pcs') return null;
  const sources = db.prepare('SELECT source_kind, file FROM change_source WHERE system = ? AND label = ?').all(system, label) as {
    source_kind: string;
    file: string;
  }[];
  if (sources.length === 0) return null;
  const order = sources.find((s) => s.source_kind === 'order-addenda');
  const codes = sources.find((s) => s.source_kind === 'codes-addenda');
  const read = (kind: string) =>
    db
      .prepare('SELECT action, code, billable, short_title, long_title FROM code_change WHERE system = ? AND label = ? AND source_kind = ? ORDER BY seq')
      .all(system, label, kind) as ChangeRow[];
  // Billable-status changes show only in the order addenda (a Delete and an Add with different flags).
  const statusChanges = order ? billableChanges(read('order-addenda')) : [];
  const statusCodes = new Set(statusChanges.map((c) => c.code));
  const rows = codes ? read('codes-addenda') : read('order-addenda').filter((r) => r.billable === 1 && !statusCodes.has(r.code));
  const body: ChangeBody = { added: [], deleted: [], revised: [], billableChanged: statusChanges, basis: (codes ?? order)?.file ?? null };
  let from: ChangeRow | null = null;
  for (const row of rows) {
    if (row.action === 'add') body.added.push({ code: row.code, title: row.long_title });
    else if (row.action === 'delete') body.deleted.push({ code: row.code, title: row.long_title });
    else if (row.action === 'revise-from') from = row;
    else if (from) {
      const longChanged = from.long_title !== row.long_title;
      body.revised.push({
        code: row.code,
        before: longChanged ? from.long_title : (from.short_title ?? from.long_title),
        after: longChanged ? row.long_title : (row.short_title ?? row.long_title),
      });
      from = null;
    }
  }
  // From the order addenda alone, a billable code that became a header was deleted from the billable list.
  if (!codes) for (const c of statusChanges) if (!c.billable) body.deleted.push({ code: c.code, title: c.title });
  if (!codes) for (const c of statusChanges) if (c.billable) body.added.push({ code: c.code, title: c.title });
  return body;
}

function billableChanges(rows: readonly ChangeRow[]): ChangeBody['billableChanged'] {
  const deleted = new Map(rows.filter((r) => r.action === 'delete').map((r) => [r.code, r]));
  return rows
    .filter((r) => r.action === 'add' && deleted.has(r.code) && deleted.get(r.code)?.billable !== r.billable)
    .map((r) => ({ code: r.code, title: r.long_title, billable: r.billable === 1 }));
}
