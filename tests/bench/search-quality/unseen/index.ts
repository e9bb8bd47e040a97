/**
 * The unseen-phrasing evaluation set (README.md): 364 queries written the way coders type, by
 * writers who had not seen the engine, its synonym list or the older query sets. `dev.json` may be
 * read while improving the search; `test.json` is frozen and only ever scored (its hash is checked
 * by tests/main/search/unseen-set.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type UnseenKind = 'multi' | 'injury' | 'eponym' | 'shorthand' | 'lay' | 'term' | 'procedure' | 'drug' | 'supply';
export const UNSEEN_KINDS: readonly UnseenKind[] = ['multi', 'injury', 'eponym', 'shorthand', 'lay', 'term', 'procedure', 'drug', 'supply'];

export interface UnseenQuery {
  query: string;
  kind: UnseenKind;
  system: 'icd10cm' | 'icd10pcs' | 'hcpcs';
  /** Codes a coder accepts (display form; `*` ends a pattern). Any one in the top 5 counts. */
  accept: readonly string[];
  /** When the classification needs two codes for what was typed: both (also in `accept`). */
  pair?: readonly [string, string];
  /** The writer's reason for the answer. */
  why: string;
}

export type UnseenHalf = 'dev' | 'test';

const here = path.dirname(fileURLToPath(import.meta.url));

export function unseenFile(half: UnseenHalf): string {
  return path.join(here, `${half}.json`);
}

export function unseenQueries(half: UnseenHalf): UnseenQuery[] {
  return JSON.parse(fs.readFileSync(unseenFile(half), 'utf8')) as UnseenQuery[];
}

/** The words a query is compared by (for the split rule and the "already known" check). */
export function normalisedQuery(query: string): string {
  return query.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
