/**
 * The version of every code system that a search without a system covers, read in one
 * statement: versionFor (versions.ts) per system costs a query and a date check each, on
 * every keystroke. Same choice as versionFor: the newest non-demo version in force on the
 * date (or the newest at all without a date), else the system's demo version.
 */
import { CODE_SYSTEMS, type CodeSystem, type ContentVersion } from '../../../../shared/domain';
import { rows } from '../../db/rows';
import type { ContentDb } from '../content-db';
import { VERSION_COLUMNS as COLUMNS, type VersionRow } from '../statements';
import { toContentVersion } from '../versions';

// The candidates: every demo row and the non-demo rows in force (a handful; picked below).
const ON_DATE = `SELECT ${COLUMNS} FROM content_version
  WHERE is_demo = 1 OR (effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?))`;
const NEWEST = `SELECT ${COLUMNS} FROM content_version`;

/** The chosen version per system that has one, in CODE_SYSTEMS order. `date` must be checked already. */
export function versionsInForce(db: ContentDb, date?: string): ContentVersion[] {
  const found = date === undefined ? rows<VersionRow>(db, NEWEST) : rows<VersionRow>(db, ON_DATE, date, date);
  const first = new Map<CodeSystem, VersionRow>();
  for (const row of found) {
    const current = first.get(row.system);
    if (!current || isPreferred(row, current)) first.set(row.system, row);
  }
  return CODE_SYSTEMS.flatMap((system) => {
    const row = first.get(system);
    return row ? [toContentVersion(row)] : [];
  });
}

/** Non-demo before demo, then the newest start. */
function isPreferred(a: VersionRow, b: VersionRow): boolean {
  if (a.is_demo !== b.is_demo) return a.is_demo < b.is_demo;
  if (a.effective_from !== b.effective_from) return a.effective_from > b.effective_from;
  return a.id < b.id;
}
