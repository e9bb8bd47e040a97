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
  if (current?.changes === changes) return current;
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
