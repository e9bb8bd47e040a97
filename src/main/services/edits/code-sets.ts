/**
 * The code-set side of validity, remembered per database: the version in force for a system on
 * a date (versionFor), and which of a claim's codes it holds. Everything is dropped when any
 * column of any content_version row changes: the fingerprint below is read once per check, and
 * an import either adds a row or rewrites its version's row (new import time, hash and count)
 * in the same transaction that rewrites the codes.
 */
import type { CodeSystem, ContentVersion } from '../../../shared/domain';
import type { ContentDb } from '../codesets/content-db';
import { versionFor } from '../codesets/versions';
import { GenerationalCache } from './generational-cache';
import { rowsByCode } from './edit-cache';
import { rows as readRows, value } from '../db/rows';
import { EDIT_SQL } from './statements';

export interface CodeFound {
  code: string;
  display_code: string;
  billable: number;
}

export interface CodeSet {
  version: ContentVersion;
  /** The codes the version holds, by code; a code it lacks is absent. */
  find(codes: readonly string[]): Map<string, CodeFound>;
}

export type CodeSetLookup = (system: CodeSystem, date: string) => CodeSet | null;

interface Remembered {
  fingerprint: string;
  /** By system and date. */
  sets: Map<string, CodeSet | null>;
  /** Dates sharing a version share its remembered codes. */
  byVersion: Map<number, CodeSet>;
}

// Per version: a day's worth of distinct codes and more; dates: years of them.
const CODES_PER_GENERATION = 20_000;
const SETS_LIMIT = 2048;
const remembered = new WeakMap<ContentDb, Remembered>();

function codeSet(db: ContentDb, version: ContentVersion): CodeSet {
  const cache = new GenerationalCache<string, readonly CodeFound[]>(CODES_PER_GENERATION);
  return {
    version,
    find(codes) {
      const rows = rowsByCode(cache, codes, (r) => r.code, (missing) => readRows<CodeFound>(db, EDIT_SQL.codes, version.id, JSON.stringify(missing)));
      const found = new Map<string, CodeFound>();
      for (const [code, [row]] of rows) if (row) found.set(code, row);
      return found;
    },
  };
}

/** Code-set lookups for one check. */
export function codeSets(db: ContentDb): CodeSetLookup {
  const fingerprint = value<string>(db, EDIT_SQL.contentVersionFingerprint) ?? '';
  let memo = remembered.get(db);
  if (!memo || memo.fingerprint !== fingerprint || memo.sets.size >= SETS_LIMIT) {
    memo = { fingerprint, sets: new Map(), byVersion: new Map() };
    remembered.set(db, memo);
  }
  const { sets, byVersion } = memo;
  return (system, date) => {
    const key = `${system}/${date}`;
    let set = sets.get(key);
    if (set === undefined) {
      const version = versionFor(db, system, date);
      set = version ? (byVersion.get(version.id) ?? codeSet(db, version)) : null;
      if (set) byVersion.set(set.version.id, set);
      sets.set(key, set);
    }
    return set;
  };
}
