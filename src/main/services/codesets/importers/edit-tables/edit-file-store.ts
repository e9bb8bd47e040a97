/**
 * The edit_file row every edit-table importer writes first: replacing the same file (kind,
 * variant, part, start date) deletes its old rows (cascade) inside the caller's transaction.
 */
import { createHash } from 'node:crypto';
import type { ContentDb } from '../../content-db';

export type EditFileKind = 'poa' | 'poa-change' | 'mce' | 'mue' | 'aoc' | 'ptp';

export interface EditFileMeta {
  kind: EditFileKind;
  variant: string;
  part: string;
  label: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
}

/** The hex SHA-256 of bytes already in memory (the small files read whole). */
export const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Must run inside a transaction. Returns the new file id and whether a file was replaced. */
export function replaceEditFile(db: ContentDb, meta: EditFileMeta, sha256: string): { id: number; replaced: boolean } {
  const old = db
    .prepare('DELETE FROM edit_file WHERE kind = ? AND variant = ? AND part = ? AND effective_from = ?')
    .run(meta.kind, meta.variant, meta.part, meta.effectiveFrom);
  const info = db
    .prepare(
      `INSERT INTO edit_file (kind, variant, part, label, effective_from, effective_to, source, sha256, row_count, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    )
    .run(
      meta.kind,
      meta.variant,
      meta.part,
      meta.label,
      meta.effectiveFrom,
      meta.effectiveTo,
      meta.source,
      sha256,
      new Date().toISOString(),
    );
  return { id: Number(info.lastInsertRowid), replaced: old.changes > 0 };
}

export function setRowCount(db: ContentDb, id: number, count: number): void {
  db.prepare('UPDATE edit_file SET row_count = ? WHERE id = ?').run(count, id);
}

/** The last day before `iso` plus `months` (quarter ends: 2026-04-01 + 3 -> 2026-06-30). */
export function endAfterMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Text lines with their 1-based numbers; CRLF and LF alike. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A CPT/HCPCS code as the NCCI files write it: 5 characters, letters and digits. */
export const HCPCS_SHAPE = /^[0-9A-Z]{4}[0-9A-Z]$/;

/**
 * Runs an insert; a row whose primary key is already in the table (a duplicate in the file)
 * becomes `duplicate()`'s error. The table's key finds duplicates, so no set of every key
 * read has to grow with the file.
 */
export function insertUnique(insert: () => unknown, duplicate: () => Error): void {
  try {
    insert();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw duplicate();
    throw error;
  }
}
