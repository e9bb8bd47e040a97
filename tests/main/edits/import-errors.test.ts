/** Bad edit tables: a clear file/line/reason, and nothing written (old content kept). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { mueImporter } from '../../../src/main/services/codesets/importers/edit-tables/mue';
import { fileSource } from '../../../src/main/services/codesets/importers/plan';
import { failureOfAsync, tempContentDb, tempDir, writeFile } from '../codesets/helpers';
import { makeZip } from '../helpers/zip';
import { AOC_HEADER, AOC_NOTICE, mceText, mueCsv, POA_LIST, ptpText, xlsxBytes } from './fixtures';

const count = (db: ReturnType<typeof tempContentDb>, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('edit-table import errors', () => {
  it('a duplicate POA code names the line and leaves the earlier import in place', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeFile(dir, 'POAexemptCodesFY26.txt', POA_LIST)]);
    const bad = writeFile(tempDir(), 'POAexemptCodesFY26.txt', `${POA_LIST}01240\tB90.0\tAgain\r\n`);
    const failure = await failureOfAsync(() => importCodeFiles(db, [bad]));
    expect(failure.code).toBe('IMPORT_FAILED');
    expect(failure.message).toBe('POAexemptCodesFY26.txt line 4: B900 is listed twice');
    expect(count(db, 'poa_exempt')).toBe(2);
  });

  it('a POA line without a code shape is refused without quoting the line', async () => {
    const db = tempContentDb();
    const bad = writeFile(tempDir(), 'POAexemptCodesFY26.txt', `${POA_LIST}01240\tJohn Smith\tchart text\r\n`);
    const failure = await failureOfAsync(() => importCodeFiles(db, [bad]));
    expect(failure.message).toBe('POAexemptCodesFY26.txt line 4: the code column does not hold an ICD-10-CM code');
    expect(failure.message).not.toContain('Smith');
    expect(count(db, 'edit_file')).toBe(0);
  });

  it('a truncated MCE document (no Chapter 2) and one without its release line are refused', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const cut = writeFile(dir, 'mce.txt', mceText({ chapter2: false }));
    expect((await failureOfAsync(() => importCodeFiles(db, [cut]))).message).toMatch(/^mce\.txt line \d+: the document stops before "Chapter 2"/);
    const noVersion = writeFile(dir, 'mce2.txt', mceText({ version: 'sometime' }));
    expect((await failureOfAsync(() => importCodeFiles(db, [noVersion]))).message).toContain('no release line');
    expect(count(db, 'edit_file')).toBe(0);
  });

  it('an MUE file cut inside its notice, or with a bad MAI, names the line; nothing is written', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const whole = mueCsv(['0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte']);
    const cut = path.join(dir, 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv');
    fs.writeFileSync(cut, whole.subarray(0, 60));
    // Cut inside the notice, the header is gone too: it is no longer recognised as an MUE table.
    expect((await failureOfAsync(() => importCodeFiles(db, [cut]))).message).toContain('not a code-set file CodeDesk recognises');
    fs.writeFileSync(cut, mueCsv(['0009U,2,7 Sometimes,Nature of Analyte']));
    expect((await failureOfAsync(() => importCodeFiles(db, [cut]))).message).toBe(
      'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv line 6: the adjudication indicator for 0009U is not 1, 2 or 3 with its label',
    );
    fs.writeFileSync(cut, Buffer.concat([mueCsv([]), Buffer.from('"0010U,1,2 Date\n', 'latin1')]));
    expect((await failureOfAsync(() => importCodeFiles(db, [cut]))).message).toContain('a quoted field is never closed');
    expect(count(db, 'edit_file')).toBe(0);
  });

  it('an import killed midway leaves nothing behind', () => {
    const db = tempContentDb();
    const file = path.join(tempDir(), 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv');
    fs.writeFileSync(file, mueCsv(['0009U,2,3 Date of Service Edit: Clinical,A', '0010U,2,3 Date of Service Edit: Clinical,B']));
    const source = fileSource(file);
    expect(() =>
      mueImporter.run(
        {
          db,
          progress: () => {
            throw new Error('killed');
          },
        },
        source,
      ),
    ).toThrow('killed');
    expect(count(db, 'edit_file')).toBe(0);
    expect(count(db, 'mue')).toBe(0);
  });

  it('a truncated or mislabeled workbook, and a bad YYYYDDD date, are refused clearly', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const file = path.join(dir, 'AOC_V2026Q2-MCR.xlsx');
    const good = xlsxBytes([AOC_NOTICE, AOC_HEADER, ['1', '0071U', null, '0070U', null, '2018274']]);
    fs.writeFileSync(file, good.subarray(0, good.length - 30));
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).message).toContain('not a readable .xlsx workbook');
    fs.writeFileSync(file, Buffer.from('this is not a zip at all'));
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).message).toContain('not a readable .xlsx workbook');
    fs.writeFileSync(file, xlsxBytes([AOC_NOTICE, AOC_HEADER, ['1', '0071U', null, '0070U', null, '2018400']]));
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).message).toBe('AOC_V2026Q2-MCR.xlsx line 3: a date is not in YYYYDDD form');
    expect(count(db, 'edit_file')).toBe(0);
  });

  it('hostile XML inside a workbook (a DOCTYPE with entities) is refused', async () => {
    const db = tempContentDb();
    const file = path.join(tempDir(), 'AOC_V2026Q2-MCR.xlsx');
    fs.writeFileSync(file, entityWorkbook());
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).code).toBe('IMPORT_FAILED');
    expect(count(db, 'edit_file')).toBe(0);
  });

  it('a PTP row with a bad modifier indicator or date, and a duplicate pair, name the line', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const file = writeFile(dir, 'ccipra-v321r0-f1.txt', ptpText(['11042\t11045\t\t20090101\t*\t5\tx']));
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).message).toBe('ccipra-v321r0-f1.txt line 4: the modifier indicator for 11042/11045 is not 0, 1 or 9');
    writeFile(dir, 'ccipra-v321r0-f1.txt', ptpText(['11042\t11045\t\t20091301\t*\t1\tx']));
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).message).toBe('ccipra-v321r0-f1.txt line 4: the effective date is not a date as YYYYMMDD');
    writeFile(dir, 'ccipra-v321r0-f1.txt', ptpText(['11042\t11045\t\t20090101\t*\t1\tx', '11042\t11045\t\t20090101\t*\t1\tx']));
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).message).toContain('line 5: the pair 11042/11045 from 2009-01-01 is listed twice');
    expect(count(db, 'edit_file')).toBe(0);
  });
});

/** A one-member workbook whose sheet declares entities (billion-laughs style). */
function entityWorkbook(): Buffer {
  const xml = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
  return makeZip([{ name: 'xl/worksheets/sheet1.xml', data: xml }]);
}
