/**
 * Which Tabular List release applies on a date: the one of the date's fiscal year, else the
 * newest imported (marked as a fallback). Also the node reads the tabular views share.
 */
import { row, rows } from '../../db/rows';
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

/** A node by its key within a release ('chapter' 1-22, 'section' A00-A09, 'diag' code). */
export function nodeByKey(db: ContentDb, releaseId: number, kind: NodeRow['kind'], key: string): NodeRow | undefined {
  return row<NodeRow>(db, `SELECT ${NODE_COLUMNS} FROM tabular_node WHERE release_id = ? AND kind = ? AND node_key = ?`, releaseId, kind, key);
}

export function childNodes(db: ContentDb, parentId: number): NodeRow[] {
  return rows<NodeRow>(db, `SELECT ${NODE_COLUMNS} FROM tabular_node WHERE parent_id = ? ORDER BY seq`, parentId);
}

export function chapterNodes(db: ContentDb, releaseId: number): NodeRow[] {
  return rows<NodeRow>(db, `SELECT ${NODE_COLUMNS} FROM tabular_node WHERE release_id = ? AND kind = 'chapter' ORDER BY seq`, releaseId);
}

interface ReleaseRow {
  id: number;
  fiscal_year: number;
  label: string;
}

/** With a date: its fiscal year's release, else the newest. Without: the newest. Null when none. */
export function tabularReleaseFor(db: ContentDb, date?: string): TabularRelease | null {
  const wanted = date === undefined ? null : fiscalYearOf(date);
  const exact = wanted === null ? undefined : row<ReleaseRow>(db, 'SELECT id, fiscal_year, label FROM tabular_release WHERE fiscal_year = ?', wanted);
  const release = exact ?? row<ReleaseRow>(db, 'SELECT id, fiscal_year, label FROM tabular_release ORDER BY fiscal_year DESC LIMIT 1');
  if (!release) return null;
  return { id: release.id, fiscalYear: release.fiscal_year, label: release.label, fallback: wanted !== null && release.fiscal_year !== wanted };
}

/** The node and its ancestors, nearest first (the node itself at index 0). */
export function nodeChain(db: ContentDb, node: NodeRow): NodeRow[] {
  const chain = [node];
  let current = node;
  while (current.parent_id !== null) {
    const parent = row<NodeRow>(db, `SELECT ${NODE_COLUMNS} FROM tabular_node WHERE id = ?`, current.parent_id);
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}
