/**
 * codes.tableSearch: the Neoplasm table and the Table of Drugs and Chemicals, searched by
 * term. Every query word is a word prefix matched anywhere in a term's path, in any order.
 * Best first: matches completed at a shallower level (a main-term match before a subterm
 * match), then the matching term itself before the subterms under it, then shorter titles,
 * then table order. The words come from index_word, searched in memory (table-index.ts).
 */
import { row, rows, values } from '../../db/rows';
import type { MethodParsedInput } from '../../../../shared/contract';
import type { IndexTable, TableRow, TableSearchResult } from '../../../../shared/encoder';
import { AppFailure } from '../../../../shared/result';
import type { ContentDb } from '../content-db';
import { INDEX_KIND_INFO } from '../importers/alphabetic-index/index-kinds';
import { queryIndexWords } from './index-words';
import { matchRows, tableIndex } from './table-index';


interface ReleaseRow {
  id: number;
  label: string;
}

interface TermRow {
  path: string;
  cells: string | null;
}

export function searchIndexTable(db: ContentDb, input: MethodParsedInput<'codes.tableSearch'>): TableSearchResult {
  const table: IndexTable = input.table;
  const info = INDEX_KIND_INFO[table];
  const release = row<ReleaseRow>(db, 'SELECT id, label FROM index_release WHERE kind = ? ORDER BY effective_from DESC, id DESC LIMIT 1', table);
  if (!release) {
    throw new AppFailure('NO_CODE_SET', `No ${info.name} has been imported yet: import the ICD-10-CM ${table} table XML first.`, {
      table,
    });
  }
  const columns = values<string>(db, 'SELECT title FROM index_column WHERE release_id = ? AND col >= 2 ORDER BY col', release.id);
  const words = queryIndexWords(input.query);
  const found =
    words.length === 0
      ? rows<TermRow>(db, 'SELECT path, cells FROM index_term WHERE release_id = ? ORDER BY seq LIMIT ?', release.id, input.limit)
      : matchRows(tableIndex(db, release.id, table), words, input.limit);
  return {
    table,
    columns,
    rows: found.map(toTableRow),
    source: `ICD-10-CM ${info.name} ${release.label}`,
  };
}

function toTableRow(row: TermRow): TableRow {
  return {
    path: JSON.parse(row.path) as string[],
    cells: row.cells === null ? [] : (JSON.parse(row.cells) as (string | null)[]),
  };
}
