/**
 * Conflicts: a chart changed at home and in a result package. Both versions are kept; a person
 * chooses "keep home" or "take package". Either way the package's version becomes the base,
 * so the same result (or a later one that did not change the chart again) does not bring the
 * conflict back.
 */
import type { PackageConflict } from '../../../shared/packages';
import { AppFailure } from '../../../shared/result';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';
import { clashingSubmission, setBase, toView, wireStateSchema, writeState, type WireState } from './chart-state';

export function recordConflict(
  db: WorkspaceDb,
  c: { chartId: string; packageId: string; senderId: string; home: WireState; incoming: WireState; incomingHash: string; at: string },
): void {
  // One open conflict per chart: a newer result replaces the package side of an open one.
  run(db, 'DELETE FROM package_conflicts WHERE chart_id = ? AND resolved_at IS NULL', c.chartId);
  run(
    db,
    'INSERT INTO package_conflicts(chart_id, package_id, sender_id, home_json, package_json, package_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    c.chartId, c.packageId, c.senderId, JSON.stringify(c.home), JSON.stringify(c.incoming), c.incomingHash, c.at,
  );
}

interface ConflictRow {
  id: number;
  chart_id: string;
  package_id: string;
  sender_id: string;
  home_json: string;
  package_json: string;
  package_hash: string;
  created_at: string;
  sender_name: string | null;
}

const parseState = (json: string): WireState => wireStateSchema.parse(JSON.parse(json));

export function listConflicts(db: WorkspaceDb): PackageConflict[] {
  return rows<ConflictRow>(
    db,
    `SELECT c.*, p.display_name AS sender_name FROM package_conflicts c LEFT JOIN pinned_cards p ON p.profile_id = c.sender_id
     WHERE c.resolved_at IS NULL ORDER BY c.created_at, c.id`,
  ).map((r) => ({
    id: r.id,
    chartId: r.chart_id,
    packageId: r.package_id,
    from: r.sender_name ?? r.sender_id,
    createdAt: r.created_at,
    home: toView(parseState(r.home_json)),
    package: toView(parseState(r.package_json)),
  }));
}

/** Resolves an open conflict; call inside a transaction. Returns the chart id (for the audit entry). */
export function resolveConflict(db: WorkspaceDb, args: { id: number; keep: 'home' | 'package'; by: string; at: string }): string {
  const c = row<ConflictRow>(db, 'SELECT *, NULL AS sender_name FROM package_conflicts WHERE id = ? AND resolved_at IS NULL', args.id);
  if (!c) throw new AppFailure('NOT_FOUND', 'No open conflict with that number.');
  if (args.keep === 'package') {
    const incoming = parseState(c.package_json);
    const clash = clashingSubmission(db, c.chart_id, incoming);
    if (clash !== null) {
      throw new AppFailure('CONFLICT', `Both sides submitted version ${clash} with different codes, and submissions never change: keep home, then reopen the chart to correct it.`);
    }
    writeState(db, c.chart_id, incoming, args.at, c.sender_id);
  }
  setBase(db, c.chart_id, c.sender_id, c.package_hash);
  run(db, 'UPDATE package_conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE id = ?', args.at, args.keep, args.by, args.id);
  return c.chart_id;
}
