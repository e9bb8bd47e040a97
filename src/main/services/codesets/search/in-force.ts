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
 * Searches run per keystroke, so the answer is a per-version mask by rank ordinal (the id's
 * offset in its version's span), kept per (version, date) and rebuilt when the version is
 * re-imported (same freshness test as the word index).
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { ROWID_SPAN } from '../version-store';

export interface OutOfForce {
  /** 1 at the ordinal (id - base) of a code not in force on the date. */
  mask: Uint8Array;
  base: number;
}

interface Kept {
  importedAt: string;
  codeCount: number;
  found: OutOfForce | null;
}

/** Dates kept per connection; a coder works on a handful of dates. */
const MAX_KEPT = 64;
const kept = new WeakMap<ContentDb, Map<string, Kept>>();

const OUT_OF_FORCE = `SELECT c.id FROM hcpcs_item h JOIN codes c ON c.version_id = h.version_id AND c.code = h.code
  WHERE h.version_id = ? AND ((h.terminated_on IS NOT NULL AND h.terminated_on < ?) OR coalesce(h.added_on, h.effective_from) > ?)`;

/** The version's codes not in force on `date` (YYYY-MM-DD); null when every code is. */
export function outOfForceOf(db: ContentDb, version: ContentVersion, date: string): OutOfForce | null {
  // Only HCPCS quarters carry per-code dates: a CM or PCS version's codes are in force all its year.
  if (version.system !== 'hcpcs') return null;
  let byKey = kept.get(db);
  if (!byKey) {
    byKey = new Map();
    kept.set(db, byKey);
  }
  const key = `${version.id}|${date}`;
  const current = byKey.get(key);
  if (current && current.importedAt === version.importedAt && current.codeCount === version.codeCount) return current.found;
  const found = read(db, version.id, date);
  if (byKey.size >= MAX_KEPT) byKey.clear();
  byKey.set(key, { importedAt: version.importedAt, codeCount: version.codeCount, found });
  return found;
}

function read(db: ContentDb, versionId: number, date: string): OutOfForce | null {
  const ids = db.prepare(OUT_OF_FORCE).pluck().all(versionId, date, date) as number[];
  if (ids.length === 0) return null;
  const base = versionId * ROWID_SPAN;
  const mask = new Uint8Array(Math.max(...ids) - base + 1);
  for (const id of ids) mask[id - base] = 1;
  return { mask, base };
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
