/** Looks codes up in the version for a date: what a test asks of an imported file (titles, billable flags). */
import type { CodeSystem } from '../../../src/shared/domain';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { normaliseCode } from '../../../src/main/services/codesets/code-format';
import { row as readRow } from '../../../src/main/services/db/rows';
import { CODE_EXACT_SQL, type CodeRowDb } from '../../../src/main/services/codesets/statements';
import { requireVersion } from '../../../src/main/services/codesets/versions';

export interface LookedUpCode {
  /** Normalised: upper case, no dot. */
  code: string;
  /** Display form: dotted for ICD-10-CM. */
  display: string;
  title: string;
  billable: boolean;
}

/**
 * Keyed by the normalised code (upper case, no dot); null when the version has no such code.
 * Throws NO_CODE_SET when no version applies (with a date: none in force on that date).
 */
export function lookupCodes(
  db: ContentDb,
  system: CodeSystem,
  codes: readonly string[],
  date?: string,
): Map<string, LookedUpCode | null> {
  const version = requireVersion(db, system, date);
  const found = new Map<string, LookedUpCode | null>();
  for (const input of codes) {
    const key = normaliseCode(system, input);
    if (found.has(key)) continue;
    const row = readRow<CodeRowDb>(db, CODE_EXACT_SQL, version.id, key);
    found.set(
      key,
      row ? { code: row.code, display: row.display_code, title: row.long_title, billable: row.billable === 1 } : null,
    );
  }
  return found;
}
