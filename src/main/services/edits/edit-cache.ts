/**
 * Edit-table rows already looked up, kept in memory per database and per edit file (or PTP
 * release). Files are named by id, which a re-import never reuses (AUTOINCREMENT), so a kept
 * entry never goes stale: a replaced table is a new name, and the old one ages out.
 */
import type { ContentDb } from '../codesets/content-db';
import type { GenerationalCache } from './generational-cache';

/** Names kept per database: every family's files for this quarter and the last. */
const NAMES_KEPT = 16;
const NONE: readonly never[] = Object.freeze([]);

const stores = new WeakMap<ContentDb, Map<string, object>>();

/** The cache called `name` (a family and its file ids), made by `make` on first use. */
export function editCache<C extends object>(db: ContentDb, name: string, make: () => C): C {
  let byName = stores.get(db);
  if (!byName) {
    byName = new Map();
    stores.set(db, byName);
  }
  let cache = byName.get(name);
  if (!cache) {
    cache = make();
    byName.set(name, cache);
    // The oldest name goes first (a Map keeps insertion order).
    for (const oldest of byName.keys()) {
      if (byName.size <= NAMES_KEPT) break;
      byName.delete(oldest);
    }
  }
  // A name always gets the same maker (its family's), so the cache is a C.
  return cache as C;
}

/** Each code's rows: from the cache, or for codes not seen yet from one fetch ([] = none). */
export function rowsByCode<R>(
  cache: GenerationalCache<string, readonly R[]>,
  codes: Iterable<string>,
  codeOf: (row: R) => string,
  fetch: (missing: readonly string[]) => readonly R[],
): Map<string, readonly R[]> {
  const out = new Map<string, readonly R[]>();
  const missing = new Set<string>();
  for (const code of codes) {
    if (out.has(code)) continue;
    const rows = cache.get(code);
    if (rows === undefined) missing.add(code);
    else out.set(code, rows);
  }
  if (missing.size === 0) return out;
  const fetched = new Map<string, R[]>();
  for (const row of fetch([...missing])) {
    const rows = fetched.get(codeOf(row));
    if (rows) rows.push(row);
    else fetched.set(codeOf(row), [row]);
  }
  for (const code of missing) {
    const rows = fetched.get(code) ?? NONE;
    cache.set(code, rows);
    out.set(code, rows);
  }
  return out;
}
