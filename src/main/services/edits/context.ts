/** What every edit family gets: the database, the claim's lines, and lookups for the date. */
import type { Finding } from '../../../shared/claim';
import type { CodeSystem } from '../../../shared/domain';
import type { ContentDb } from '../codesets/content-db';
import type { ClaimLines } from './claim-lines';
import { codeSets, type CodeSet, type CodeSetLookup } from './code-sets';
import { editTables, type EditTable, type TableLookup } from './edit-tables';

export interface EditContext {
  db: ContentDb;
  lines: ClaimLines;
  /** The edit table in force on the claim's date (remembered until the edit tables change). */
  table(kind: string, variant?: string): EditTable | null;
  /** The code set in force on the claim's date (remembered until a code set changes). */
  codeSet(system: CodeSystem): CodeSet | null;
}

export type EditFamily = (ctx: EditContext) => Finding[];

export function editContext(db: ContentDb, lines: ClaimLines): EditContext {
  // Each is set up on first use, so a check that needs no table never reads the edit tables' stamp.
  let tables: TableLookup | null = null;
  let sets: CodeSetLookup | null = null;
  return {
    db,
    lines,
    table(kind, variant = '') {
      tables ??= editTables(db);
      return tables(kind, variant, lines.date);
    },
    codeSet(system) {
      sets ??= codeSets(db);
      return sets(system, lines.date);
    },
  };
}
