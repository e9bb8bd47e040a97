/** The edit-table importers on small files in the official layouts: rows, versions, replacement. */
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { tempContentDb, tempDir, writeFile } from '../codesets/helpers';
import { AOC_HEADER, AOC_NOTICE, mceText, mueCsv, POA_DELETE, POA_LIST, POA_REVISE, ptpText, xlsxBytes } from './fixtures';
import fs from 'node:fs';
import path from 'node:path';

function files(db: ReturnType<typeof tempContentDb>) {
  return db.prepare('SELECT kind, variant, part, label, effective_from, effective_to, row_count FROM edit_file ORDER BY kind, variant').all();
}

describe('edit-table importers', () => {
  it('imports the POA-exempt list and its change files, codes without dots, for the fiscal year', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const summary = await importCodeFiles(db, [
      writeFile(dir, 'POAexemptCodesFY26.txt', POA_LIST),
      writeFile(dir, 'POAexemptDeleteCodesFY26.txt', POA_DELETE),
      writeFile(dir, 'POAexemptReviseCodesFY26.txt', POA_REVISE),
    ]);
    expect(summary.files.map((f) => f.kind)).toEqual(['poa-exempt', 'poa-exempt', 'poa-exempt']);
    expect(db.prepare('SELECT code, line FROM poa_exempt ORDER BY code').all()).toEqual([
      { code: 'B900', line: 2 },
      { code: 'Z370', line: 3 },
    ]);
    expect(db.prepare('SELECT action, code, title FROM poa_change ORDER BY line, action').all()).toEqual([
      { action: 'delete', code: 'Q898', title: 'Other specified congenital malformations' },
      { action: 'revise-from', code: 'Q75001', title: 'Craniosynostosis unspecified, unilateral' },
      { action: 'revise-to', code: 'Q75001', title: 'Craniosynostosis, unspecified type, unilateral' },
    ]);
    expect(files(db)).toContainEqual(expect.objectContaining({ kind: 'poa', effective_from: '2025-10-01', effective_to: '2026-09-30', row_count: 2 }));
  });

  it('re-importing a file replaces it (idempotent) and says so', async () => {
    const db = tempContentDb();
    const file = writeFile(tempDir(), 'POAexemptCodesFY26.txt', POA_LIST);
    await importCodeFiles(db, [file]);
    const again = await importCodeFiles(db, [file]);
    expect(again.files[0]!.replaced).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM poa_exempt').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM edit_file').get()).toEqual({ n: 1 });
  });

  it('imports the MCE definitions: skips the TOC and the short list, keeps lettered sublists and deactivated edits', async () => {
    const db = tempContentDb();
    const file = path.join(tempDir(), 'Definitions of Medicare Code Edits_v_43_1.txt');
    fs.writeFileSync(file, Buffer.from(mceText().replace('checks each', 'checks each \u00ae'), 'latin1'));
    const summary = await importCodeFiles(db, [file]);
    expect(summary.files[0]).toMatchObject({ kind: 'mce-definitions', label: 'MCE v43.1' });
    expect(files(db)).toEqual([expect.objectContaining({ kind: 'mce', effective_from: '2026-04-01', effective_to: '2026-09-30' })]);
    const edits = db.prepare("SELECT edit || part AS id, active FROM mce_edit ORDER BY edit, part").all() as { id: string; active: number }[];
    expect(edits.map((e) => e.id)).toEqual(['1', '2', '3', '4', '4A', '4B', '4C', '4D', '5', '6', '8', '8A', '8B', '9', '11', '11A', '11C', '11F', '17', '17A', '18', '20']);
    expect(edits.filter((e) => e.active === 0).map((e) => e.id)).toEqual(['5', '11C']);
    const codes = db.prepare("SELECT edit || part AS id, grp, code FROM mce_code ORDER BY edit, part, grp, code").all();
    expect(codes).toContainEqual({ id: '4A', grp: '', code: 'A33' });
    expect(codes).toContainEqual({ id: '8B', grp: '1', code: '10D00Z0' });
    expect(codes).toContainEqual({ id: '8B', grp: '3', code: 'Z370' });
    expect(codes).toContainEqual({ id: '9', grp: 'needs-secondary', code: 'Z5189' });
    expect(codes).toContainEqual({ id: '9', grp: '', code: 'Z5111' });
    expect(codes).toContainEqual({ id: '11F', grp: 'procedures', code: '0SR20JZ' });
    // Chapter 2 (the change log) is not an edit list.
    expect(codes).not.toContainEqual(expect.objectContaining({ code: 'F0781' }));
  });

  it('imports the three MUE tables (Windows-1252, notice, two-line header) with value and MAI', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const prac = path.join(dir, 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv');
    fs.writeFileSync(prac, mueCsv(['0009U,2,3 Date of Service Edit: Clinical,Nature of Analyte', '11045,12,3 Date of Service Edit: Clinical,"Anatomic, Clinical"', 'J1100,0,1 Line Edit,Drug']));
    const hosp = path.join(dir, 'MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv');
    fs.writeFileSync(hosp, mueCsv(['0009U,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction'], 'Outpatient Hospital'));
    const summary = await importCodeFiles(db, [dir]);
    expect(summary.files.map((f) => f.label).sort()).toEqual(['MUE outpatient hospital 2026-04-01', 'MUE practitioner 2026-04-01']);
    expect(db.prepare("SELECT code, value, mai, mai_label, rationale, line FROM mue m JOIN edit_file f ON f.id = m.file_id WHERE f.variant = 'practitioner' ORDER BY code").all()).toEqual([
      { code: '0009U', value: 2, mai: 3, mai_label: 'Date of Service Edit: Clinical', rationale: 'Nature of Analyte', line: 6 },
      { code: '11045', value: 12, mai: 3, mai_label: 'Date of Service Edit: Clinical', rationale: 'Anatomic, Clinical', line: 7 },
      { code: 'J1100', value: 0, mai: 1, mai_label: 'Line Edit', rationale: 'Drug', line: 8 },
    ]);
    expect(files(db)).toContainEqual(expect.objectContaining({ variant: 'hospital', effective_from: '2026-04-01', effective_to: '2026-06-30' }));
  });

  it('imports the add-on code workbook: YYYYDDD dates, CCCCC as contractor-defined, rows of 6 to 8 cells', async () => {
    const db = tempContentDb();
    const file = path.join(tempDir(), 'AOC_V2026Q2-MCR.xlsx');
    fs.writeFileSync(
      file,
      xlsxBytes([
        AOC_NOTICE,
        AOC_HEADER,
        ['2', '0054T', null, 'CCCCC', null, '2013091', null, 'Contractor Defined Primary Codes'],
        ['1', '0071U', null, '0070U', null, '2018274'],
        ['1', '0079T', '2013365', '0078T', '2013365', '2013091', '2013365'],
      ]),
    );
    const summary = await importCodeFiles(db, [file]);
    expect(summary.files[0]).toMatchObject({ kind: 'ncci-aoc', label: 'AOC 2026Q2', codes: 3 });
    expect(db.prepare('SELECT addon, primary_code, edit_type, addon_deleted, effective_from, effective_to, line FROM aoc ORDER BY addon').all()).toEqual([
      { addon: '0054T', primary_code: '*', edit_type: 2, addon_deleted: null, effective_from: '2013-04-01', effective_to: null, line: 3 },
      { addon: '0071U', primary_code: '0070U', edit_type: 1, addon_deleted: null, effective_from: '2018-10-01', effective_to: null, line: 4 },
      { addon: '0079T', primary_code: '0078T', edit_type: 1, addon_deleted: '2013-12-31', effective_from: '2013-04-01', effective_to: '2013-12-31', line: 5 },
    ]);
  });

  it('imports NCCI PTP tables in the CMS layout, practitioner and hospital, by part', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    writeFile(dir, 'ccipra-v321r0-f1.txt', ptpText(['11042\t11045\t\t20090101\t*\t1\tMisuse of column two code with column one code', '36415\t99213\t*\t19960101\t20101231\t0\tStandards of medical / surgical practice']));
    writeFile(dir, 'ccioph-v321r0-f2.txt', ptpText(['93306\t93000\t\t20150101\t*\t9\tCPT Manual or CMS manual coding instructions']));
    const summary = await importCodeFiles(db, [dir]);
    expect(summary.files.map((f) => f.label).sort()).toEqual(['NCCI PTP hospital v32.1r0 f2', 'NCCI PTP practitioner v32.1r0 f1']);
    expect(db.prepare('SELECT col1, col2, effective_from, effective_to, pre1996, modifier, line FROM ptp ORDER BY col1').all()).toEqual([
      { col1: '11042', col2: '11045', effective_from: '2009-01-01', effective_to: null, pre1996: 0, modifier: 1, line: 4 },
      { col1: '36415', col2: '99213', effective_from: '1996-01-01', effective_to: '2010-12-31', pre1996: 1, modifier: 0, line: 5 },
      { col1: '93306', col2: '93000', effective_from: '2015-01-01', effective_to: null, pre1996: 0, modifier: 9, line: 4 },
    ]);
    expect(files(db)).toContainEqual(expect.objectContaining({ kind: 'ptp', variant: 'practitioner', part: 'f1', effective_from: '2026-04-01' }));
  });
});
