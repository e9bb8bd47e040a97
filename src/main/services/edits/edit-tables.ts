/**
 * Which imported edit table applies on a date: the one in force, else the newest imported
 * (and the finding's source says so). Parts of one release (PTP f1..f4) come together.
 */
import type { ContentDb } from '../codesets/content-db';
import { editStatements } from './statements';

export interface EditFile {
  id: number;
  kind: string;
  variant: string;
  part: string;
  label: string;
  effective_from: string;
  effective_to: string | null;
  source: string;
}

export interface EditTable {
  files: EditFile[];
  /** True when no release is in force on the date and the newest imported one is used. */
  fallback: boolean;
  date: string;
}

export function editTable(db: ContentDb, kind: string, variant: string, date: string): EditTable | null {
  const s = editStatements(db);
  let first = s.fileInForce.get(kind, variant, date, date) as EditFile | undefined;
  let fallback = false;
  if (!first) {
    first = s.newestFile.get(kind, variant) as EditFile | undefined;
    fallback = true;
  }
  if (!first) return null;
  const files = s.releaseParts.all(kind, variant, first.effective_from) as EditFile[];
  return { files, fallback, date };
}

/** "MCR_MUE_….csv (MUE practitioner 2026-04-01) line 42", plus a note when it is a fallback. */
export function cite(table: EditTable, fileId: number, line: number | null): string {
  const file = table.files.find((f) => f.id === fileId) ?? table.files[0];
  if (!file) return '';
  const where = line === null ? '' : ` line ${line}`;
  const note = table.fallback ? `; none in force on ${table.date}, the newest imported applies` : '';
  return `${file.source} (${file.label})${where}${note}`;
}
