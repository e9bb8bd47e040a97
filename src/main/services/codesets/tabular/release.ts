/**
 * Which Tabular List release applies on a date: the one of the date's fiscal year, else the
 * newest imported (marked as a fallback). Also the prepared statements the tabular reads share.
 */
import type { ContentDb } from '../content-db';
import { fiscalYearOf } from '../versions';

export interface TabularRelease {
  id: number;
  fiscalYear: number;
  label: string;
  fallback: boolean;
}

export interface NodeRow {
  id: number;
  parent_id: number | null;
  kind: 'chapter' | 'section' | 'diag';
  level: 'chapter' | 'section' | 'category' | 'subcategory' | 'code';
  node_key: string;
  code: string;
  title: string;
  has_children: 0 | 1;
}

const NODE_COLUMNS = 'id, parent_id, kind, level, node_key, code, title, has_children';

function prepareAll(db: ContentDb) {
  return {
    releaseOfYear: db.prepare('SELECT id, fiscal_year, label FROM tabular_release WHERE fiscal_year = ?'),
    newestRelease: db.prepare('SELECT id, fiscal_year, label FROM tabular_release ORDER BY fiscal_year DESC LIMIT 1'),
    nodeByKey: db.prepare(`SELECT ${NODE_COLUMNS} FROM tabular_node WHERE release_id = ? AND kind = ? AND node_key = ?`),
    nodeById: db.prepare(`SELECT ${NODE_COLUMNS} FROM tabular_node WHERE id = ?`),
    childNodes: db.prepare(`SELECT ${NODE_COLUMNS} FROM tabular_node WHERE parent_id = ? ORDER BY seq`),
    chapters: db.prepare(`SELECT ${NODE_COLUMNS} FROM tabular_node WHERE release_id = ? AND kind = 'chapter' ORDER BY seq`),
    notesOf: db.prepare('SELECT kind, text, refs FROM tabular_note WHERE node_id = ? ORDER BY seq'),
    seventhsOf: db.prepare('SELECT char, title FROM tabular_seventh WHERE node_id = ? ORDER BY seq'),
  };
}

export type TabularStatements = ReturnType<typeof prepareAll>;
const cache = new WeakMap<ContentDb, TabularStatements>();

export function tabularStatements(db: ContentDb): TabularStatements {
  let s = cache.get(db);
  if (!s) {
    s = prepareAll(db);
    cache.set(db, s);
  }
  return s;
}

interface ReleaseRow {
  id: number;
  fiscal_year: number;
  label: string;
}

/** With a date: its fiscal year's release, else the newest. Without: the newest. Null when none. */
export function tabularReleaseFor(db: ContentDb, date?: string): TabularRelease | null {
  const s = tabularStatements(db);
  const wanted = date === undefined ? null : fiscalYearOf(date);
  const exact = wanted === null ? undefined : (s.releaseOfYear.get(wanted) as ReleaseRow | undefined);
  const row = exact ?? (s.newestRelease.get() as ReleaseRow | undefined);
  if (!row) return null;
  return { id: row.id, fiscalYear: row.fiscal_year, label: row.label, fallback: wanted !== null && row.fiscal_year !== wanted };
}

/** The node and its ancestors, nearest first (the node itself at index 0). */
export function nodeChain(db: ContentDb, node: NodeRow): NodeRow[] {
  const s = tabularStatements(db);
  const chain = [node];
  let current = node;
  while (current.parent_id !== null) {
    const parent = s.nodeById.get(current.parent_id) as NodeRow | undefined;
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}
