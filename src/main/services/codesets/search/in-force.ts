/**
 * Codes of a version that are not in force on a search date. An HCPCS quarter lists codes
 * terminated in earlier quarters (J1030, terminated 2024-03-31, is still in the October 2025
 * file) and codes added from a later date; `hcpcs_item` holds their dates. A word search never
 * shows them; a code typed exactly is shown flagged (search-codes.ts).
 *
 * Dates follow the CMS HCPCS record layout: the termination date is "the last date for which a
 * procedure or code may be used", so a code terminated on D is still in force on D. A code is
 * in force from the date it was added (ADD DT); the action effective date is the date of its
 * latest action, which for a terminated code is the day after its termination.
 *
 * Searches run per keystroke, so the answer is a mask by rank ordinal (the id's offset in its
 * version's span) of the version's word index, kept per index and date: a re-import brings a
 * new index (index-swap.ts), and the mask always matches the index the search reads.
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { ROWID_SPAN } from '../version-store';
import type { WordIndex } from './word-index';
import { wordIndexOf } from './word-index-cache';

export interface OutOfForce {
  /** 1 at the ordinal (id - base) of a code not in force on the date. */
  mask: Uint8Array;
  base: number;
}

/** Dates kept per index; a coder works on a handful of dates. */
const MAX_KEPT = 32;
const kept = new WeakMap<WordIndex, Map<string, OutOfForce | null>>();

const OUT_OF_FORCE = `SELECT code FROM hcpcs_item
  WHERE version_id = ? AND ((terminated_on IS NOT NULL AND terminated_on < ?) OR coalesce(added_on, effective_from) > ?)`;

/** The version's codes not in force on `date` (YYYY-MM-DD); null when every code is. */
export function outOfForceOf(db: ContentDb, version: ContentVersion, date: string): OutOfForce | null {
  // Only HCPCS quarters carry per-code dates: a CM or PCS version's codes are in force all its year.
  if (version.system !== 'hcpcs') return null;
  const index = wordIndexOf(db, version);
  let byDate = kept.get(index);
  if (!byDate) {
    byDate = new Map();
    kept.set(index, byDate);
  }
  const current = byDate.get(date);
  if (current !== undefined) return current;
  const found = read(db, version.id, index, date);
  if (byDate.size >= MAX_KEPT) byDate.clear();
  byDate.set(date, found);
  return found;
}

function read(db: ContentDb, versionId: number, index: WordIndex, date: string): OutOfForce | null {
  const codes = db.prepare(OUT_OF_FORCE).pluck().all(versionId, date, date) as string[];
  const mask = new Uint8Array(index.count);
  let marked = 0;
  for (const code of codes) {
    // [code, code + NUL) holds the code alone.
    const [ordinal] = index.codesBetween(code, `${code}\u0000`, 1);
    if (ordinal !== undefined && index.codeAt(ordinal) === code) {
      mask[ordinal] = 1;
      marked++;
    }
  }
  return marked === 0 ? null : { mask, base: versionId * ROWID_SPAN };
}

export function isOutOfForce(found: OutOfForce | null, id: number): boolean {
  if (found === null) return false;
  const ordinal = id - found.base;
  return ordinal >= 0 && ordinal < found.mask.length && found.mask[ordinal] === 1;
}

export interface CodeDates {
  /** Set when the code was terminated before the date: its last day and its replacements (XREF). */
  terminated?: { on: string; replacedBy: string[] };
  /** Set when the code is in force only from a later date. */
  startsOn?: string;
}

/** Why a code of the version is not in force on `date` (for the few codes typed exactly). */
export function datesOf(db: ContentDb, versionId: number, code: string, date: string): CodeDates {
  const item = db
    .prepare(`SELECT terminated_on, coalesce(added_on, effective_from) AS starts FROM hcpcs_item WHERE version_id = ? AND kind IN ('code', 'modifier') AND code = ?`)
    .get(versionId, code) as { terminated_on: string | null; starts: string | null } | undefined;
  if (!item) return {};
  if (item.terminated_on !== null && item.terminated_on < date) {
    const replacedBy = db
      .prepare('SELECT xref FROM hcpcs_xref WHERE version_id = ? AND code = ? ORDER BY seq')
      .pluck()
      .all(versionId, code) as string[];
    return { terminated: { on: item.terminated_on, replacedBy } };
  }
  return item.starts !== null && item.starts > date ? { startsOn: item.starts } : {};
}
