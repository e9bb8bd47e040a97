import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCodeFiles, type ImportProgress } from '../helpers/import-fixtures';
import { fiscalYearFromName, fiscalYearPeriod } from '../../../src/main/services/codesets/source-files';
import { listVersions } from '../../../src/main/services/codesets/versions';
import { searchCodes } from '../../../src/main/services/codesets/search';
import {
  checkFullText,
  CM_2025,
  CM_2026,
  manyCmRows,
  orderFileText,
  PCS_2026,
  snapshot,
  tempContentDb,
  tempDir,
  writeFile,
  writeOrderFile,
  type Row,
} from './helpers';

type Db = ReturnType<typeof tempContentDb>;

function codeRow(db: Db, versionLabel: string, code: string) {
  return db
    .prepare(
      `SELECT c.code, c.display_code, c.billable, c.short_title, c.long_title, c.seq FROM codes c
       JOIN content_version v ON v.id = c.version_id WHERE v.label = ? AND c.code = ?`,
    )
    .get(versionLabel, code);
}

describe('importCodeFiles: ICD-10-CM order files', () => {
  it('imports every row with display code, billable flag, both titles and file order', async () => {
    const db = tempContentDb();
    const file = writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_2026);
    const summary = await importCodeFiles(db, [file]);
    expect(summary.files).toEqual([
      { path: file, kind: 'icd10cm-order', system: 'icd10cm', label: 'FY2026', codes: CM_2026.length, replaced: false, verified: false, release: null },
    ]);
    expect(summary.totalCodes).toBe(CM_2026.length);
    expect(summary.seconds).toBeGreaterThanOrEqual(0);
    expect(codeRow(db, 'FY2026', 'S72001A')).toEqual({
      code: 'S72001A',
      display_code: 'S72.001A',
      billable: 1,
      short_title: 'Fx unsp part of neck of right femur, init for clos fx',
      long_title: 'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
      seq: CM_2026.findIndex((r) => r[0] === 'S72001A') + 1,
    });
    expect(codeRow(db, 'FY2026', 'E11')).toMatchObject({ display_code: 'E11', billable: 0 });
    const [version] = listVersions(db);
    expect(version).toMatchObject({
      system: 'icd10cm',
      label: 'FY2026',
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      isDemo: false,
      codeCount: CM_2026.length,
      source: 'ICD-10-CM order file icd10cm_order_2026.txt',
    });
    const sha = db.prepare('SELECT sha256 FROM content_version').get() as { sha256: string };
    expect(sha.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts LF line endings, a UTF-8 byte-order mark and the hyphenated CDC name', async () => {
    const db = tempContentDb();
    const file = writeFile(tempDir(), 'icd10cm-order-2026.txt', `\uFEFF${orderFileText(CM_2026, '\n')}`);
    const summary = await importCodeFiles(db, [file]);
    expect(summary.files[0]).toMatchObject({ kind: 'icd10cm-order', label: 'FY2026', codes: CM_2026.length });
    expect(codeRow(db, 'FY2026', 'A00')).toMatchObject({ long_title: 'Cholera' });
  });

  it('reads a file that is not UTF-8 as Windows-1252', async () => {
    const db = tempContentDb();
    const rows: Row[] = [['M35', 0, 'Other systemic involvement'], ['M3500', 1, 'Sjogren syndrome, unspecified']];
    const text = orderFileText(rows).replace('Sjogren syndrome, unspecified\r\n', 'Sj\u00f6gren syndrome, unspecified\r\n');
    const file = path.join(tempDir(), 'icd10cm_order_2026.txt');
    fs.writeFileSync(file, Buffer.from(text, 'latin1'));
    await importCodeFiles(db, [file]);
    expect(codeRow(db, 'FY2026', 'M3500')).toMatchObject({ long_title: 'Sj\u00f6gren syndrome, unspecified' });
  });

  it('stores codes in static rank order: billable first, then shorter titles', async () => {
    const db = tempContentDb();
    await importCodeFiles(db, [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_2026)]);
    const rows = db.prepare('SELECT billable, length(long_title) AS len FROM codes ORDER BY id').all() as {
      billable: number;
      len: number;
    }[];
    const billable = rows.filter((r) => r.billable === 1);
    expect(rows.slice(0, billable.length).every((r) => r.billable === 1)).toBe(true);
    const lengths = billable.map((r) => r.len);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('re-importing the same file replaces its version in place: same id, no duplicate codes or index entries', async () => {
    const db = tempContentDb();
    const file = writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_2026);
    await importCodeFiles(db, [file]);
    const before = snapshot(db) as { versions: { id: number }[] };
    const again = await importCodeFiles(db, [file]);
    expect(again.files[0]?.replaced).toBe(true);
    const after = snapshot(db) as { versions: { id: number; imported_at: string }[] };
    expect(after.versions.map((v) => v.id)).toEqual(before.versions.map((v) => v.id));
    expect({ ...after, versions: null }).toEqual({ ...before, versions: null });
    checkFullText(db);
    // The re-made full-text table answers searches (cached statements re-prepare).
    expect(searchCodes(db, { query: 'diab kidn', system: 'icd10cm', limit: 5 }).map((h) => h.code)).toContain('E11.22');
    await importCodeFiles(db, [file]);
    expect(searchCodes(db, { query: 'diab kidn', system: 'icd10cm', limit: 5 }).map((h) => h.code)).toContain('E11.22');
  });

  it('keeps several fiscal years side by side', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const summary = await importCodeFiles(db, [
      writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025),
      writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026),
    ]);
    expect(summary.files.map((f) => [f.label, f.replaced])).toEqual([
      ['FY2025', false],
      ['FY2026', false],
    ]);
    expect(codeRow(db, 'FY2025', 'B880')).toMatchObject({ billable: 1 });
    expect(codeRow(db, 'FY2026', 'B880')).toMatchObject({ billable: 0 });
    expect(codeRow(db, 'FY2025', 'B8801')).toBeUndefined();
    expect(codeRow(db, 'FY2026', 'B8801')).toMatchObject({ display_code: 'B88.01', billable: 1 });
  });

  it('reports progress every few thousand lines and once at the end', async () => {
    const db = tempContentDb();
    const rows = manyCmRows(1100);
    const file = writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', rows);
    const seen: ImportProgress[] = [];
    await importCodeFiles(db, [file], (p) => seen.push(p));
    // Checked against the releases first, then read, then (the rest of the import) its index built.
    expect(seen.map((p) => [p.step, p.line, p.totalLines])).toEqual([
      ['checking', 0, 0],
      ['reading', 0, 0],
      ['reading', 5000, rows.length],
      ['reading', 10000, rows.length],
      ['indexing', rows.length, rows.length],
    ]);
    expect(seen.every((p) => p.path === file && p.file === 1 && p.files === 1)).toBe(true);
  });
});

describe('importCodeFiles: ICD-10-PCS order files', () => {
  it('recognises a PCS file by its content and imports tables and codes', async () => {
    const db = tempContentDb();
    const file = writeOrderFile(tempDir(), 'icd10pcs_order_2026.txt', PCS_2026);
    const summary = await importCodeFiles(db, [file]);
    expect(summary.files[0]).toMatchObject({ kind: 'icd10pcs-order', system: 'icd10pcs', label: 'FY2026', codes: PCS_2026.length });
    expect(codeRow(db, 'FY2026', '0016070')).toMatchObject({ display_code: '0016070', billable: 1 });
    expect(codeRow(db, 'FY2026', '001')).toMatchObject({ billable: 0 });
  });

  it('recognises PCS content even when the name says nothing about the system', async () => {
    const db = tempContentDb();
    const file = writeOrderFile(tempDir(), 'order_2026.txt', PCS_2026);
    expect((await importCodeFiles(db, [file])).files[0]?.kind).toBe('icd10pcs-order');
  });
});

describe('importCodeFiles: folders', () => {
  it('walks folders, imports the order files it recognises and skips other files', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    writeOrderFile(dir, 'icd10cm/icd10cm_order_2026.txt', CM_2026);
    writeOrderFile(dir, 'icd10pcs/fy2026/icd10pcs_order_2026.txt', PCS_2026);
    writeFile(dir, 'README.md', '# Code sets\n');
    writeFile(dir, 'icd10cm/notes.txt', 'Downloaded from CMS.\r\n');
    writeFile(dir, 'icd10pcs/readme.xml', '<readme>not a code set</readme>\n');
    const summary = await importCodeFiles(db, [dir]);
    expect(summary.files.map((f) => [path.relative(dir, f.path), f.kind])).toEqual([
      ['icd10cm/icd10cm_order_2026.txt', 'icd10cm-order'],
      ['icd10pcs/fy2026/icd10pcs_order_2026.txt', 'icd10pcs-order'],
    ]);
    expect(summary.totalCodes).toBe(CM_2026.length + PCS_2026.length);
  });

  it('imports a file named twice (directly and through its folder) once', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const file = writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026);
    expect((await importCodeFiles(db, [dir, file])).files).toHaveLength(1);
  });
});

describe('fiscal years from file names', () => {
  it.each([
    ['icd10cm_order_2026.txt', 2026],
    ['icd10cm-order-2026.txt', 2026],
    ['icd10pcs_order_2025.txt', 2025],
    ['ICD10CM_ORDER_2027 (1).TXT', 2027],
    ['icd10cm_order.txt', null],
    ['icd10cm_order_1999.txt', null],
    ['icd10cm_order_20261.txt', null],
  ])('%s -> %s', (name, year) => {
    expect(fiscalYearFromName(name)).toBe(year);
  });

  it('FY N runs from 1 October N-1 to 30 September N', () => {
    expect(fiscalYearPeriod(2026)).toEqual({ from: '2025-10-01', to: '2026-09-30' });
  });
});
