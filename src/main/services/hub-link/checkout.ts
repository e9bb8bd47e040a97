/**
 * Charts leased from the hub, written into the workspace. A new chart is imported like a work
 * package's; a chart already here from the hub (leased to this account again after a revoke or
 * an expired lease) keeps the coder's work and takes the new epoch. A chart already here that
 * did not come from the hub is left alone and reported.
 */
import type { WorkspaceDb } from '../db/handles';
import { row, run } from '../db/rows';
import type { ChartEntry } from '../packages/work-package';
import { insertChartEntry } from '../packages/work-package';

export interface LeasedChart {
  entry: ChartEntry;
  epoch: number;
  leaseExpiresAt: string;
}

export interface CheckoutWritten {
  imported: string[];
  renewed: string[];
  clashing: string[];
}

/** Inside a transaction; `onCheckedOut` writes each chart's audit entry (before its lease row, so it is not queued for the hub). */
export function writeLeased(
  db: WorkspaceDb,
  charts: readonly LeasedChart[],
  args: { assignee: string; at: string; onCheckedOut: (c: LeasedChart) => void },
): CheckoutWritten {
  const out: CheckoutWritten = { imported: [], renewed: [], clashing: [] };
  for (const c of charts) {
    const here = row(db, 'SELECT 1 FROM charts WHERE id = ?', c.entry.id);
    const held = row(db, 'SELECT 1 FROM hub_leases WHERE chart_id = ?', c.entry.id);
    if (here && !held) {
      out.clashing.push(c.entry.id);
      continue;
    }
    if (!here) insertChartEntry(db, c.entry, args.assignee);
    args.onCheckedOut(c);
    run(
      db,
      `INSERT INTO hub_leases(chart_id, epoch, lease_expires_at, checked_out_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(chart_id) DO UPDATE SET epoch = excluded.epoch, lease_expires_at = excluded.lease_expires_at, checked_out_at = excluded.checked_out_at`,
      c.entry.id, c.epoch, c.leaseExpiresAt, args.at,
    );
    (here ? out.renewed : out.imported).push(c.entry.id);
  }
  return out;
}
