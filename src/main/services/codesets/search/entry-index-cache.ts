/**
 * One EntryIndex per version and database connection, built on the version's first word
 * search and rebuilt when the database was written since (a re-import replaces entry sources
 * and their rows; a test may update rows in place), when the version's sources differ, or when
 * the version's word index is rebuilt (targets are its ordinals).
 */
import type { ContentVersion } from '../../../../shared/domain';
import { value } from '../../db/rows';
import type { ContentDb } from '../content-db';
import { EntryIndex, readEntries } from './entry-index';
import type { WordIndex } from './word-index';
import { hasFreshWordIndex, wordIndexOf } from './word-index-cache';

interface Built {
  key: string;
  codes: WordIndex;
  index: EntryIndex;
}

const built = new WeakMap<ContentDb, Map<number, Built>>();

/**
 * What the entries read depend on: the sources, and every write to the database since it was
 * opened, by this connection (total_changes) or another (data_version). Entry points are only
 * written by imports, so this costs a rebuild after an import, never one per keystroke.
 */
export function changeStampOf(db: ContentDb): string {
  // Two statements: reading data_version through the pragma_data_version table costs three times as much.
  return `${value<number>(db, 'SELECT total_changes()')}:${value<number>(db, 'PRAGMA data_version')}`;
}

/**
 * The entry index of the version over `sources` (its entry sources), built now if missing or
 * stale. `changes` is changeStampOf(db), read once for all the versions of one search.
 */
export function entryIndexOf(
  db: ContentDb,
  version: ContentVersion,
  sources: readonly number[],
  changes: string = changeStampOf(db),
): EntryIndex {
  let byVersion = built.get(db);
  if (!byVersion) {
    byVersion = new Map();
    built.set(db, byVersion);
  }
  const codes = wordIndexOf(db, version);
  const key = `${sources.join(',')}|${changes}`;
  const current = byVersion.get(version.id);
  if (current?.key === key && current.codes === codes) return current.index;
  byVersion.delete(version.id);
  const index = new EntryIndex(readEntries(db, sources), (code) => exactOrdinal(codes, code));
  byVersion.set(version.id, { key, codes, index });
  return index;
}

/** True when the version's entry index over `sources` is built and current (for warming and tests). */
export function hasFreshEntryIndex(db: ContentDb, version: ContentVersion, sources: readonly number[]): boolean {
  const current = built.get(db)?.get(version.id);
  if (!current || current.key !== `${sources.join(',')}|${changeStampOf(db)}`) return false;
  return hasFreshWordIndex(db, version) && current.codes === wordIndexOf(db, version);
}

/** The ordinal of exactly `code` in the version, or -1 ([code, code + NUL) holds only code). */
function exactOrdinal(codes: WordIndex, code: string): number {
  return codes.codesBetween(code, `${code}\u0000`, 1)[0] ?? -1;
}
