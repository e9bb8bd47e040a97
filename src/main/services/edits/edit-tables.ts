/**
 * Which imported edit table applies on a date: the one in force, else the newest imported
 * (and the finding's source says so). Parts of one release (PTP f1..f4) come together.
 * Answers are kept per database until an edit file is imported, replaced or removed.
 */
import type { ContentDb } from '../codesets/content-db';
import { row, rows, value } from '../db/rows';
import { EDIT_SQL } from './statements';

export interface EditFile {
  id: number;
  kind: string;
  variant: string;
  part: string;
  label: string;
  effective_from: string;
  effective_to: string | null;
  source: string;
  is_demo: number;
}

export interface EditTable {
  files: EditFile[];
  /** True when no release is in force on the date and the newest imported one is used. */
  fallback: boolean;
  date: string;
  /** The demo subset (resources/demo/edits): rows for the demo code subset only. */
  demo: boolean;
}

export type TableLookup = (kind: string, variant: string, date: string) => EditTable | null;

interface TableMemo {
  stamp: string;
  tables: Map<string, EditTable | null>;
}

// Plenty for every kind and variant over years of service dates; cleared past it.
const MEMO_LIMIT = 2048;
const memos = new WeakMap<ContentDb, TableMemo>();

/**
 * Table lookups for one check. The stamp (largest edit_file id and the row count) is read once
 * per call: importers only insert rows (a new AUTOINCREMENT id) or delete them, so an equal
 * stamp means the same files, and a changed one drops every remembered answer.
 */
export function editTables(db: ContentDb): TableLookup {
  const stamp = value<string>(db, EDIT_SQL.editFileStamp) ?? '';
  let memo = memos.get(db);
  if (!memo || memo.stamp !== stamp || memo.tables.size >= MEMO_LIMIT) {
    memo = { stamp, tables: new Map() };
    memos.set(db, memo);
  }
  const { tables } = memo;
  return (kind, variant, date) => {
    const key = `${kind}/${variant}/${date}`;
    let table = tables.get(key);
    if (table === undefined) {
      table = editTable(db, kind, variant, date);
      tables.set(key, table);
    }
    return table;
  };
}

/** The official table (in force, else the newest); only without one, the demo subset the same way. */
export function editTable(db: ContentDb, kind: string, variant: string, date: string): EditTable | null {
  return tableOf(db, kind, variant, date, 0) ?? tableOf(db, kind, variant, date, 1);
}

function tableOf(db: ContentDb, kind: string, variant: string, date: string, isDemo: 0 | 1): EditTable | null {
  let first = row<EditFile>(db, EDIT_SQL.fileInForce, kind, variant, date, date, isDemo);
  let fallback = false;
  if (!first) {
    first = row<EditFile>(db, EDIT_SQL.newestFile, kind, variant, isDemo);
    fallback = true;
  }
  if (!first) return null;
  const files = rows<EditFile>(db, EDIT_SQL.releaseParts, kind, variant, first.effective_from, isDemo);
  return { files, fallback, date, demo: isDemo === 1 };
}

/** "MCR_MUE_….csv (MUE practitioner 2026-04-01) line 42", plus a note when it is a fallback. */
export function cite(table: EditTable, fileId: number, line: number | null): string {
  const file = table.files.find((f) => f.id === fileId) ?? table.files[0];
  if (!file) return '';
  const where = line === null ? '' : ` line ${line}`;
  const note = table.fallback ? `; none in force on ${table.date}, the newest imported applies` : '';
  return `${file.source} (${file.label})${where}${note}`;
}
