/**
 * The day figures are derived data: when the projection changes (or a workspace predates it),
 * they are rebuilt from every activity event — this workspace's audit trail, then what result
 * packages carried — in one transaction at unlock.
 */
import type { WorkspaceDb } from '../db/handles';
import { rows, run, value } from '../db/rows';
import { transaction } from '../db/transaction';
import { projectActivity } from './project';

/** Bump when project.ts changes what it derives: the next unlock rebuilds. */
export const PROJECTION_VERSION = '1';
const META_KEY = 'activity_projection';

const PAGE = 5000;

interface EventRow {
  seq: number;
  at: string;
  user_id: string;
  action: string;
  chart_id: string | null;
  detail_json: string;
}

/** Rebuilds when the stored projection is not the current one; returns whether it did. */
export function ensureActivityProjection(db: WorkspaceDb): boolean {
  if (value<string>(db, 'SELECT value FROM workspace_meta WHERE key = ?', META_KEY) === PROJECTION_VERSION) return false;
  rebuildActivity(db);
  return true;
}

export function rebuildActivity(db: WorkspaceDb): void {
  transaction(db, () => {
    run(db, 'DELETE FROM activity_days');
    run(db, 'DELETE FROM activity_assignments');
    // In pages: a statement being iterated keeps the connection busy, and projecting writes.
    pages(db, 'SELECT seq, at, user_id, action, chart_id, detail_json FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
    // A result package carries only its coder's own entries, so the sender is the user.
    pages(db, 'SELECT rowid AS seq, at, sender_id AS user_id, action, chart_id, detail_json FROM package_activity WHERE rowid > ? ORDER BY rowid LIMIT ?');
    run(db, 'INSERT INTO workspace_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', META_KEY, PROJECTION_VERSION);
  });
}

function pages(db: WorkspaceDb, sql: string): void {
  for (let after = 0; ; ) {
    const page = rows<EventRow>(db, sql, after, PAGE);
    for (const e of page) project(db, e);
    if (page.length < PAGE) return;
    after = (page[page.length - 1] as EventRow).seq;
  }
}

function project(db: WorkspaceDb, e: EventRow): void {
  projectActivity(db, { at: e.at, userId: e.user_id, action: e.action, chartId: e.chart_id, detail: JSON.parse(e.detail_json) as Record<string, unknown> });
}
