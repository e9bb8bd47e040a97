/**
 * Which code-set version applies: the one in force on the coding date (discharge or service
 * date), falling back to the demo subset when no official version covers it.
 */
import type { CodeSystem, ContentVersion } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import type { ContentDb } from './content-db';
import { SYSTEM_LABELS } from './code-format';
import { row, rows } from '../db/rows';
import { DEMO_VERSION_SQL, LIST_VERSIONS_SQL, NEWEST_VERSION_SQL, VERSION_IN_FORCE_SQL, type VersionRow } from './statements';

export function listVersions(db: ContentDb): ContentVersion[] {
  return rows<VersionRow>(db, LIST_VERSIONS_SQL).map(toContentVersion);
}

/**
 * With a date: the non-demo version in force on that date, else the demo version, else null.
 * Without: the newest non-demo version, else the demo version, else null.
 */
export function versionFor(db: ContentDb, system: CodeSystem, date?: string): ContentVersion | null {
  let found: VersionRow | undefined;
  if (date === undefined) {
    found = row<VersionRow>(db, NEWEST_VERSION_SQL, system);
  } else {
    assertIsoDate(date);
    found = row<VersionRow>(db, VERSION_IN_FORCE_SQL, system, date, date);
  }
  found ??= row<VersionRow>(db, DEMO_VERSION_SQL, system);
  return found ? toContentVersion(found) : null;
}

/** Like versionFor, but a missing version is an error that tells the coder what to import. */
export function requireVersion(db: ContentDb, system: CodeSystem, date?: string): ContentVersion {
  const version = versionFor(db, system, date);
  if (version) return version;
  throw noCodeSet(system, date);
}

export function noCodeSet(system: CodeSystem | null, date?: string): AppFailure {
  const name = system ? `${SYSTEM_LABELS[system]} code set` : 'code set';
  if (date === undefined) {
    return new AppFailure('NO_CODE_SET', `No ${name} has been imported yet: import the code files first.`, {
      system: system ?? 'any',
    });
  }
  const icd = system === 'icd10cm' || system === 'icd10pcs';
  const advice = icd ? `import the FY${fiscalYearOf(date)} files` : 'import the files in force on that date';
  return new AppFailure('NO_CODE_SET', `No ${name} is in force on ${date}: ${advice}.`, { system: system ?? 'any', date });
}

/** US federal fiscal year: October to September, named after the year it ends in. */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 10 ? year + 1 : year;
}

export function assertIsoDate(date: string): void {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
  if (!valid || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new AppFailure('BAD_INPUT', 'Expected a real date as YYYY-MM-DD.');
  }
}

/** A content_version row as the domain's ContentVersion. */
export function toContentVersion(row: VersionRow): ContentVersion {
  return {
    id: row.id,
    system: row.system,
    label: row.label,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    source: row.source,
    isDemo: row.is_demo === 1,
    verified: row.verified === 1,
    codeCount: row.code_count,
    importedAt: row.imported_at,
  };
}
