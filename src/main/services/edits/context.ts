/** What every edit family gets: the database, the claim's lines, and table lookup for the date. */
import type { Finding } from '../../../shared/claim';
import type { ContentDb } from '../codesets/content-db';
import type { ClaimLines } from './claim-lines';
import { editTable, type EditTable } from './edit-tables';

export interface EditContext {
  db: ContentDb;
  lines: ClaimLines;
  /** The edit table in force on the claim's date (memoised per check). */
  table(kind: string, variant?: string): EditTable | null;
}

export type EditFamily = (ctx: EditContext) => Finding[];

export function editContext(db: ContentDb, lines: ClaimLines): EditContext {
  const memo = new Map<string, EditTable | null>();
  return {
    db,
    lines,
    table(kind, variant = '') {
      const key = `${kind}/${variant}`;
      if (!memo.has(key)) memo.set(key, editTable(db, kind, variant, lines.date));
      return memo.get(key) ?? null;
    },
  };
}
