/**
 * codes.tableSearch: the Neoplasm table and the Table of Drugs and Chemicals, searched by
 * term. Every query word is a word prefix matched anywhere in a term's path, in any order.
 * Best first: matches completed at a shallower level (a main-term match before a subterm
 * match), then the matching term itself before the subterms under it, then shorter titles,
 * then table order. The words come from index_word, searched in memory (table-index.ts).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { MethodParsedInput } from '../../../../shared/contract';
import type { IndexTable, TableRow, TableSearchResult } from '../../../../shared/encoder';
import { AppFailure } from '../../../../shared/result';
import type { ContentDb } from '../content-db';
import { INDEX_KIND_INFO } from '../importers/indexes/index-kinds';
import { queryIndexWords } from './index-words';
import { matchRows, tableIndex } from './table-index';

type Statement = Database.Statement<unknown[]>;

interface ReleaseRow {
  id: number;
  label: string;
}

interface TermRow {
  path: string;
  cells: string | null;
}

const statements = new WeakMap<ContentDb, Map<string, Statement>>();

function statement(db: ContentDb, key: string, sql: () => string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(key);
  if (!s) cache.set(key, (s = db.prepare<unknown[]>(sql())));
  return s;
}

export function searchIndexTable(db: ContentDb, input: MethodParsedInput<'codes.tableSearch'>): TableSearchResult {
  const table: IndexTable = input.table;
  const info = INDEX_KIND_INFO[table];
  const release = statement(
    db,
    'release',
    () => 'SELECT id, label FROM index_release WHERE kind = ? ORDER BY effective_from DESC, id DESC LIMIT 1',
  ).get(table) as ReleaseRow | undefined;
  if (!release) {
    throw new AppFailure('NO_CODE_SET', `No ${info.name} has been imported yet: import the ICD-10-CM ${table} table XML first.`, {
      table,
    });
  }
  const columns = (
    statement(db, 'columns', () => 'SELECT title FROM index_column WHERE release_id = ? AND col >= 2 ORDER BY col').all(
      release.id,
    ) as { title: string }[]
  ).map((r) => r.title);
  const words = queryIndexWords(input.query);
  let rows: TermRow[];
  if (words.length === 0) {
    rows = statement(db, 'first', () => 'SELECT path, cells FROM index_term WHERE release_id = ? ORDER BY seq LIMIT ?').all(
      release.id,
      input.limit,
    ) as TermRow[];
  } else {
    rows = matchRows(tableIndex(db, release.id, table), words, input.limit);
  }
  return {
    table,
    columns,
    rows: rows.map(toTableRow),
    source: `ICD-10-CM ${info.name} ${release.label}`,
  };
}

function toTableRow(row: TermRow): TableRow {
  return {
    path: JSON.parse(row.path) as string[],
    cells: row.cells === null ? [] : (JSON.parse(row.cells) as (string | null)[]),
  };
}
