/**
 * Checks between the files of one release, where one file says how many valid codes another
 * must have: the ICD-10-CM codes file lists exactly the order file's billable codes, and the
 * ICD-10-PCS tables expand to exactly the PCS order file's valid codes. The codes file is
 * checked line by line against an order file already imported (cm-codes-file.ts); these
 * cover the other orders of import: an order file after its codes file or tables, tables
 * after their order file. A file cut short at a line that the manifest does not know (a
 * newer year imported unverified) is caught here when its partner is present.
 */
import { value } from '../../db/rows';
import type { ContentDb } from '../content-db';
import { importFailure } from '../import-failure';
import { fiscalYearPeriod } from '../source-files';
import type { CodeRow } from '../version-store';

interface Partner {
  what: string;
  codes: number;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** What the year's other files say the order file's valid (billable) codes number. */
function orderFilePartner(db: ContentDb, system: 'icd10cm' | 'icd10pcs', fiscalYear: number): Partner | null {
  if (system === 'icd10pcs') {
    const codes = value<number>(db, "SELECT item_count FROM pcs_source WHERE kind = 'tables' AND fiscal_year = ?", fiscalYear);
    return codes === undefined ? null : { what: 'ICD-10-PCS tables XML of the same year (imported already) expand to', codes };
  }
  const from = fiscalYearPeriod(fiscalYear).from;
  const listed = value<number>(
    db,
    `SELECT f.rows FROM code_list_file f JOIN content_version v ON v.id = f.version_id
     WHERE f.kind = 'icd10cm-codes' AND v.system = 'icd10cm' AND v.is_demo = 0 AND v.effective_from = ?`,
    from,
  );
  const made = value<number>(
    db,
    "SELECT code_count FROM content_version WHERE system = 'icd10cm' AND is_demo = 0 AND effective_from = ? AND source LIKE 'ICD-10-CM codes file %'",
    from,
  );
  const codes = listed ?? made;
  return codes === undefined ? null : { what: 'ICD-10-CM codes file of the same year (imported already) lists', codes };
}

/**
 * Passes the order file's rows through and, after the last, checks their billable count
 * against the year's partner file; throwing there rolls the version back (writeVersion).
 */
export function* checkedAgainstPartners(
  db: ContentDb,
  file: string,
  system: 'icd10cm' | 'icd10pcs',
  fiscalYear: number,
  rows: Iterable<CodeRow>,
): Generator<CodeRow> {
  let billable = 0;
  for (const row of rows) {
    if (row.billable) billable += 1;
    yield row;
  }
  const partner = orderFilePartner(db, system, fiscalYear);
  if (partner && partner.codes !== billable) {
    throw importFailure(file, 0, `it has ${count(billable)} valid codes but the ${partner.what} ${count(partner.codes)}: one of them is cut short or altered`);
  }
}

/** ICD-10-PCS tables: their expanded code count against the year's order file, when imported. */
export function checkTablesAgainstOrderFile(db: ContentDb, file: string, fiscalYear: number, codes: number): void {
  const valid = value<number>(
    db,
    `SELECT count(*) FROM codes c JOIN content_version v ON v.id = c.version_id
     WHERE v.system = 'icd10pcs' AND v.is_demo = 0 AND v.effective_from = ? AND c.billable = 1`,
    fiscalYearPeriod(fiscalYear).from,
  );
  if (valid !== undefined && valid > 0 && valid !== codes) {
    throw importFailure(
      file,
      0,
      `the tables expand to ${count(codes)} codes but the ICD-10-PCS order file of the same year (imported already) has ${count(valid)} valid codes: one of them is cut short or altered`,
    );
  }
}
