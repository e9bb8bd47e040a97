/**
 * The peer search engines of the bench (dev dependencies, never shipped), each indexing the
 * same rows CodeDesk searches (code, undotted code, long title) and answering with codes.
 * Settings are each library's documented way to get prefix and typo-tolerant search.
 */
import { Index } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';

export interface BenchRow {
  system: string;
  code: string;
  title: string;
}

export interface Engine {
  name: string;
  search(query: string, limit: number): string[];
}

function text(row: BenchRow): string {
  return `${row.code} ${row.code.replace('.', '')} ${row.title}`;
}

export function miniSearchEngine(rows: readonly BenchRow[]): Engine {
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  index.addAll(rows.map((row, id) => ({ id, text: text(row) })));
  return {
    name: 'minisearch',
    search(query, limit) {
      let results = index.search(query);
      // AND finds nothing when one word is misspelt beyond the fuzz: then any word.
      if (results.length === 0) results = index.search(query, { combineWith: 'OR' });
      return results.slice(0, limit).map((r) => (rows[r.id as number] as BenchRow).code);
    },
  };
}

export function flexSearchEngine(rows: readonly BenchRow[]): Engine {
  const index = new Index({ tokenize: 'forward', resolution: 9 });
  rows.forEach((row, id) => index.add(id, text(row)));
  return {
    name: 'flexsearch',
    search(query, limit) {
      let ids = index.search(query, { limit }) as number[];
      if (ids.length === 0) ids = index.search(query, { limit, suggest: true }) as number[];
      return ids.map((id) => (rows[id] as BenchRow).code);
    },
  };
}

export function fuseEngine(rows: readonly BenchRow[]): Engine {
  const fuse = new Fuse(
    rows.map((row) => ({ code: row.code, plain: row.code.replace('.', ''), title: row.title })),
    { keys: ['code', 'plain', 'title'], threshold: 0.3, ignoreLocation: true },
  );
  return {
    name: 'fuse.js',
    search(query, limit) {
      return fuse.search(query, { limit }).map((r) => r.item.code);
    },
  };
}
