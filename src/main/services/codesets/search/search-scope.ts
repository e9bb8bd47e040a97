/**
 * What a search reads before any typed word: the versions it covers and their entry sources.
 * They change only when the database is written, so they are kept per system and date and
 * re-read when the database's change stamp moves (the stamp the entry index is kept by): a
 * keystroke pays one small statement for them instead of three reads and a date check.
 */
import type { CodeSystem, ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { assertIsoDate, noCodeSet, requireVersion } from '../versions';
import { changeStampOf } from './entry-index-cache';
import { sourcesByVersion } from './entry-points';
import { versionsInForce } from './versions-in-force';

export interface SearchScope {
  /** The version of each system searched, in CODE_SYSTEMS order. */
  versions: readonly ContentVersion[];
  /** Per version id, its entry sources (sourcesFor). */
  sources: ReadonlyMap<number, readonly number[]>;
  /** changeStampOf(db) when this was read. */
  changes: string;
}

/** Distinct (system, date) pairs kept per connection; a coder works on a handful of dates. */
const MAX_KEPT = 32;

const kept = new WeakMap<ContentDb, Map<string, SearchScope>>();
/** Connections whose scopes are pinned (pinScopes), with how many pins each holds. */
const pins = new WeakMap<ContentDb, number>();

/**
 * While an import writes and the new indexes are built beside the old (index-swap.ts), searches
 * keep the scopes they last read: old versions, old indexes, consistent answers. Returns the unpin.
 */
export function pinScopes(db: ContentDb): () => void {
  pins.set(db, (pins.get(db) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (pins.get(db) ?? 1) - 1;
    if (left > 0) pins.set(db, left);
    else pins.delete(db);
  };
}

/** The versions the kept scopes (and a search on `date`, and one without a date) would read once unpinned. */
export function versionsToServe(db: ContentDb, date: string): ContentVersion[] {
  const keys = new Set([...(kept.get(db)?.keys() ?? []), `|${date}`, '|']);
  const found = new Map<number, ContentVersion>();
  for (const key of keys) {
    const [system, day] = key.split('|') as [string, string];
    try {
      for (const v of readVersions(db, (system || undefined) as CodeSystem | undefined, day || undefined)) found.set(v.id, v);
    } catch {
      // No code set for that system or date: nothing to serve there.
    }
  }
  return [...found.values()];
}

/**
 * The versions a search covers (the given system's, or every system that has one; NO_CODE_SET
 * when there are none) and their entry sources, re-read only after a write to the database.
 */
export function scopeOf(db: ContentDb, system?: CodeSystem, date?: string): SearchScope {
  let byKey = kept.get(db);
  if (!byKey) {
    byKey = new Map();
    kept.set(db, byKey);
  }
  const changes = changeStampOf(db);
  const key = `${system ?? ''}|${date ?? ''}`;
  const current = byKey.get(key);
  // A kept scope's date was checked when it was read.
  if (current && (current.changes === changes || pins.has(db))) return current;
  if (date !== undefined) assertIsoDate(date);
  const versions = readVersions(db, system, date);
  const scope: SearchScope = { versions, sources: sourcesByVersion(db, versions), changes };
  if (byKey.size >= MAX_KEPT) byKey.clear();
  byKey.set(key, scope);
  return scope;
}

function readVersions(db: ContentDb, system: CodeSystem | undefined, date: string | undefined): ContentVersion[] {
  if (system) return [requireVersion(db, system, date)];
  const versions = versionsInForce(db, date);
  if (versions.length === 0) throw noCodeSet(null, date);
  return versions;
}
