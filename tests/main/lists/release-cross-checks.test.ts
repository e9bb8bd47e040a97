/**
 * Files of one release checked against each other whichever comes first: an order file against
 * its year's codes file or PCS tables, the tables against the order file. The order in which
 * the codes file is checked against an order file already imported: lists-files.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CM_2026, failureOfAsync, orderFileText, snapshot, tempContentDb, tempDir, writeFile, writeOrderFile } from '../codesets/helpers';
import { importCodeFiles } from '../helpers/import-fixtures';
import { fixtureCodes, tablesXml } from '../pcs/fixtures';
import { crlf } from './fixtures';

const billable = CM_2026.filter((r) => r[1] === 1);
const codesFile = crlf(billable.map(([code, , long]) => `${code.padEnd(7)} ${long}`));
/** The order file without one billable code (A009): altered, though well-formed on its own. */
const cutCm = CM_2026.filter((r) => r[0] !== 'A009');

const pcsOrder = (codes: readonly string[]) =>
  orderFileText(
    codes.flatMap((code, i): [string, 0 | 1, string][] => [
      ...(code.slice(0, 3) === codes[i - 1]?.slice(0, 3) ? [] : [[code.slice(0, 3), 0, `Table ${code.slice(0, 3)}`] as [string, 0, string]]),
      [code, 1, `Code ${code}`],
    ]),
  );

describe('checks between the files of one release', () => {
  it('an ICD-10-CM order file with fewer billable codes than its codes file, imported before, is refused and changes nothing', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeFile(dir, 'icd10cm_codes_2026.txt', codesFile)]);
    const before = snapshot(db);
    expect((await failureOfAsync(() => importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', cutCm)]))).message).toBe(
      `icd10cm_order_2026.txt: it has ${billable.length - 1} valid codes but the ICD-10-CM codes file of the same year (imported already) lists ${billable.length}: one of them is cut short or altered`,
    );
    expect(snapshot(db)).toEqual(before);
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026)]);
    // Checked against the codes file recorded with the order file's version too.
    await importCodeFiles(db, [writeFile(dir, 'icd10cm_codes_2026.txt', codesFile)]);
    expect((await failureOfAsync(() => importCodeFiles(db, [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', cutCm)]))).message).toContain('lists');
  });

  it('an ICD-10-PCS order file and tables of one year must agree on the valid codes, whichever comes first', async () => {
    const codes = fixtureCodes();
    const tablesFirst = tempContentDb();
    await importCodeFiles(tablesFirst, [writeFile(tempDir(), 'icd10pcs_tables_2026.xml', tablesXml())]);
    expect((await failureOfAsync(() => importCodeFiles(tablesFirst, [writeFile(tempDir(), 'icd10pcs_order_2026.txt', pcsOrder(codes.slice(1)))]))).message).toBe(
      `icd10pcs_order_2026.txt: it has ${codes.length - 1} valid codes but the ICD-10-PCS tables XML of the same year (imported already) expand to ${codes.length}: one of them is cut short or altered`,
    );
    await importCodeFiles(tablesFirst, [writeFile(tempDir(), 'icd10pcs_order_2026.txt', pcsOrder(codes))]);

    const orderFirst = tempContentDb();
    await importCodeFiles(orderFirst, [writeFile(tempDir(), 'icd10pcs_order_2026.txt', pcsOrder(codes.slice(0, -1)))]);
    expect((await failureOfAsync(() => importCodeFiles(orderFirst, [writeFile(tempDir(), 'icd10pcs_tables_2026.xml', tablesXml())]))).message).toBe(
      `icd10pcs_tables_2026.xml: the tables expand to ${codes.length} codes but the ICD-10-PCS order file of the same year (imported already) has ${codes.length - 1} valid codes: one of them is cut short or altered`,
    );
  });
});
