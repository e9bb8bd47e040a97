/**
 * Search stays instant during and after an import. While the import writes, searches answer from
 * the scopes they last read (pinScopes); afterwards the new versions' word indexes are built in
 * a worker, beside the old ones, and put in place together with the entry indexes and the unpin
 * in one synchronous step: a search sees the old code set or the new, never a half or empty one.
 */
import type { CodeSystem } from '../../../../shared/domain';
import { log } from '../../../log';
import type { ContentDb } from '../content-db';
import { entryIndexOf } from './entry-index-cache';
import type { BuiltParts } from './index-parts';
import { sourcesByVersion } from './entry-points';
import { pinScopes, versionsToServe } from './search-scope';
import { WordIndex } from './word-index';
import { hasFreshWordIndex, installWordIndex, servesSearches, wordIndexOf } from './word-index-cache';
import { conceptIndexOf } from './concept/concept-index-cache';

export interface SwapOptions {
  /** Today (YYYY-MM-DD): a search on it is served from the new indexes first. */
  date: string;
  /** Builds the versions' parts off this thread (the code-set worker: worker/index-in-worker.ts). */
  build(versionIds: readonly number[]): Promise<BuiltParts[]>;
  /** Told when the build starts (the Code sets screen says "preparing search"). */
  onBuilding?(): void;
}

/**
 * Runs `write` (the import) with searches pinned to the current indexes, then builds the new
 * ones beside them and swaps. A connection that never searched (a CLI import) builds nothing:
 * its first search builds what it needs. Returns the systems whose index was swapped.
 */
export async function withSearchServedDuring<T>(db: ContentDb, options: SwapOptions, write: () => Promise<T>): Promise<{ result: T; swapped: CodeSystem[] }> {
  const unpin = pinScopes(db);
  try {
    const result = await write();
    const swapped = servesSearches(db) ? await buildBesideAndSwap(db, options, unpin) : [];
    return { result, swapped };
  } finally {
    unpin();
  }
}

async function buildBesideAndSwap(db: ContentDb, options: SwapOptions, unpin: () => void): Promise<CodeSystem[]> {
  const wanted = versionsToServe(db, options.date).filter((v) => !hasFreshWordIndex(db, v));
  if (wanted.length === 0) return [];
  let parts;
  options.onBuilding?.();
  try {
    parts = await options.build(wanted.map((v) => v.id));
  } catch (error) {
    // Searches then build what they need on first use, as before.
    log.warn('search.swap_failed', {}, error);
    return [];
  }
  // From here to unpin nothing awaits: no search runs between the install and the unpin.
  const now = versionsToServe(db, options.date);
  const swapped: CodeSystem[] = [];
  for (const { version, columns, arrays } of parts) {
    const current = now.find((v) => v.id === version.id);
    // Written again since the worker read it: left to the first search.
    if (!current || current.importedAt !== version.importedAt || current.codeCount !== version.codeCount) continue;
    installWordIndex(db, current, new WordIndex({ ...columns, shortTitles: [] }, arrays));
    swapped.push(current.system);
  }
  const sources = sourcesByVersion(db, now);
  // The concept index is built here, on this thread (a few seconds per large version): searches
  // wait for it once, rather than the first keystroke after the import paying for it.
  for (const version of now) conceptIndexOf(db, version, wordIndexOf(db, version), entryIndexOf(db, version, sources.get(version.id) ?? []));
  unpin();
  return swapped;
}
