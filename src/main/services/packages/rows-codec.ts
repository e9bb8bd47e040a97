/**
 * Workspace rows in a package body: column → value, with BLOBs (document bytes) as base64.
 * Rows are written back through the target table's own columns (PRAGMA table_info), so a
 * package can name no column the workspace does not have; the schema's CHECKs and foreign
 * keys still apply to every value.
 */
import { z } from 'zod';
import type { WorkspaceDb } from '../db/handles';
import { run, type SqlValue } from '../db/rows';

export const wireValue = z.union([z.string(), z.number(), z.null(), z.object({ b64: z.string() }).strict()]);
export const wireRow = z.record(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/), wireValue);
export type WireRow = z.infer<typeof wireRow>;

export function encodeRow(r: Record<string, unknown>): WireRow {
  const out: WireRow = {};
  for (const [k, v] of Object.entries(r)) {
    if (Buffer.isBuffer(v)) out[k] = { b64: v.toString('base64') };
    else if (typeof v === 'bigint') out[k] = Number(v);
    else out[k] = v as string | number | null;
  }
  return out;
}

const columnCache = new WeakMap<WorkspaceDb, Map<string, Set<string>>>();

function columnsOf(db: WorkspaceDb, table: string): Set<string> {
  let byTable = columnCache.get(db);
  if (!byTable) columnCache.set(db, (byTable = new Map()));
  let cols = byTable.get(table);
  if (!cols) {
    cols = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    byTable.set(table, cols);
  }
  return cols;
}

/** Inserts one row into `table` (a name from this code, never from the package), with overrides. */
export function insertWireRow(db: WorkspaceDb, table: string, r: WireRow, overrides: Record<string, SqlValue> = {}, drop: readonly string[] = []): void {
  const cols = columnsOf(db, table);
  const names: string[] = [];
  const values: SqlValue[] = [];
  const merged: Record<string, WireRow[string] | SqlValue> = { ...r, ...overrides };
  for (const [k, v] of Object.entries(merged)) {
    if (!cols.has(k) || drop.includes(k)) continue;
    names.push(k);
    values.push(v !== null && typeof v === 'object' && !Buffer.isBuffer(v) && 'b64' in v ? Buffer.from(v.b64, 'base64') : (v as SqlValue));
  }
  run(db, `INSERT INTO ${table}(${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, ...values);
}
