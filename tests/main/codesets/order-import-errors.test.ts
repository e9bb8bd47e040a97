/**
 * Bad input: every rejected file gets an IMPORT_FAILED error naming the file, the line and
 * the reason, and leaves the database exactly as it was (earlier versions intact).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { listVersions } from '../../../src/main/services/codesets/versions';
import {
  checkFullText,
  CM_2025,
  CM_2026,
  failureOfAsync,
  manyCmRows,
  orderFileText,
  orderLine,
  PCS_2026,
  snapshot,
  tempContentDb,
  tempDir,
  writeFile,
  writeOrderFile,
  type Row,
} from './helpers';

const NAME = 'icd10cm_order_2026.txt';

/** A database already holding FY2025, so every test also proves earlier versions survive. */
async function dbWithFy2025() {
  const db = tempContentDb();
  await importCodeFiles(db, [writeOrderFile(tempDir(), 'icd10cm_order_2025.txt', CM_2025)]);
  return db;
}

/** Imports `text` as NAME into a database holding FY2025; returns the failure, checks nothing changed. */
async function rejects(text: string, name = NAME) {
  const db = await dbWithFy2025();
  const before = snapshot(db);
  const failure = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), name, text)]));
  expect(failure.code).toBe('IMPORT_FAILED');
  expect(snapshot(db)).toEqual(before);
  return failure;
}

function lines(rows: readonly Row[]): string[] {
  return rows.map((row, i) => orderLine(i + 1, row));
}

const crlf = (ls: readonly string[]) => ls.map((l) => `${l}\r\n`).join('');

describe('bad lines', () => {
  it('names the file, the line and the reason for a bad flag, in message and detail', async () => {
    const ls = lines(CM_2026);
    ls[2] = `${ls[2]!.slice(0, 14)}X${ls[2]!.slice(15)}`;
    const failure = await rejects(crlf(ls));
    expect(failure.message).toBe(`${NAME} line 3: expected a flag 0 or 1 in column 15`);
    expect(failure.detail).toEqual({ file: NAME, line: 3, reason: 'expected a flag 0 or 1 in column 15' });
  });

  it.each([
    ['a missing order number', (l: string) => `ABCDE${l.slice(5)}`, 'expected a 5-digit order number in columns 1-5'],
    ['a shifted code', (l: string) => `${l.slice(0, 6)} ${l.slice(6)}`, 'expected a code (letters and digits, left-justified) in columns 7-13'],
    ['a lower-case code', (l: string) => `${l.slice(0, 6)}a${l.slice(7)}`, 'expected a code (letters and digits, left-justified) in columns 7-13'],
    ['an empty short title', (l: string) => `${l.slice(0, 16)}${' '.repeat(60)}${l.slice(76)}`, 'the short title (columns 17-76) is empty'],
    ['text in column 77', (l: string) => `${l.slice(0, 76)}X${l.slice(77)}`, 'expected a blank in column 77'],
    ['a blank line', () => '', 'unexpected blank line'],
    ['text in column 14', (l: string) => `${l.slice(0, 13)}X${l.slice(14)}`, 'expected a blank in column 14'],
    ['a line far too long', (l: string) => l + 'x'.repeat(1000), 'the line is longer than 1000 characters'],
  ])('rejects %s', async (_what, spoil, reason) => {
    const ls = lines(CM_2026);
    ls[4] = spoil(ls[4]!);
    expect((await rejects(crlf(ls))).message).toBe(`${NAME} line 5: ${reason}`);
  });

  it('rejects an order number out of sequence (a line missing)', async () => {
    const ls = lines(CM_2026);
    ls.splice(6, 1);
    expect((await rejects(crlf(ls))).message).toBe(
      `${NAME} line 7: expected order number 00007 in columns 1-5 (lines missing or out of order)`,
    );
  });

  it('rejects a code appearing twice', async () => {
    const rows = [...CM_2026];
    rows.splice(3, 0, ['A009', 1, 'Cholera, unspecified']);
    expect((await rejects(orderFileText(rows))).message).toBe(`${NAME} line 4: code A009 appears twice (first on line 3)`);
  });

  it('rejects a code without its category header', async () => {
    const rows: Row[] = [['A00', 0, 'Cholera'], ['A000', 1, 'Cholera due to Vibrio cholerae'], ['B001', 1, 'Orphan']];
    expect((await rejects(orderFileText(rows))).message).toBe(`${NAME} line 3: code B001 has no category header B00 above it`);
  });

  it('rejects a header with no codes under it', async () => {
    const rows: Row[] = [['A00', 0, 'Cholera'], ['A01', 0, 'Typhoid'], ['A010', 0, 'Typhoid fever'], ['A0100', 1, 'Typhoid, unsp']];
    expect((await rejects(orderFileText(rows))).message).toBe(`${NAME} line 1: header A00 is not followed by any code under it`);
  });

  it('rejects a PCS line inside a CM file', async () => {
    const ls = lines(CM_2026);
    ls[5] = orderLine(6, ['0016070', 1, 'Bypass Cerebral Ventricle to Nasopharynx']);
    expect((await rejects(crlf(ls))).message).toBe(`${NAME} line 6: expected an ICD-10-CM code in columns 7-13`);
  });

  it('rejects PCS codes outside the table above them, and I or O in a PCS code', async () => {
    const name = 'icd10pcs_order_2026.txt';
    const outside: Row[] = [['001', 0, 'Bypass'], ['0016070', 1, 'Bypass A'], ['0026070', 1, 'Bypass B']];
    expect((await rejects(orderFileText(outside), name)).message).toBe(`${name} line 3: code 0026070 is not in the table of the header above it`);
    const letterO: Row[] = [['001', 0, 'Bypass'], ['00160O0', 1, 'Bypass A']];
    expect((await rejects(orderFileText(letterO), name)).message).toBe(
      `${name} line 2: expected an ICD-10-PCS code in columns 7-13 (digits and letters other than I and O)`,
    );
  });
});

describe('wrong files', () => {
  it('rejects PCS content in a file named as ICD-10-CM', async () => {
    expect((await rejects(orderFileText(PCS_2026))).message).toBe(
      `${NAME} line 1: the content is an ICD-10-PCS order file, but the name says ICD-10-CM`,
    );
  });

  it('rejects CM content in a file named as ICD-10-PCS', async () => {
    const name = 'icd10pcs_order_2026.txt';
    expect((await rejects(orderFileText(CM_2026), name)).message).toBe(
      `${name} line 1: the content is an ICD-10-CM order file, but the name says ICD-10-PCS`,
    );
  });

  it('rejects a file that is not an order file at all, without quoting its content', async () => {
    const failure = await rejects('Patient: Jane Doe, DOB 1950-01-01\r\nA000    Cholera\r\n');
    expect(failure.message.startsWith(`${NAME} line 1: not a code-set file CodeDesk recognises (it imports: `)).toBe(true);
    expect(failure.message).toContain('ICD-10-CM or ICD-10-PCS order file');
    expect(failure.message).not.toMatch(/Jane/);
  });

  it('rejects an order file whose name has no fiscal year', async () => {
    const failure = await rejects(orderFileText(CM_2026), 'icd10cm_order.txt');
    expect(failure.message).toBe(
      'icd10cm_order.txt: no fiscal year in the file name (expected a name such as icd10cm_order_2026.txt)',
    );
    expect(failure.detail).toMatchObject({ file: 'icd10cm_order.txt', line: 0 });
  });

  it('checks every name before importing anything', async () => {
    const db = await dbWithFy2025();
    const before = snapshot(db);
    const dir = tempDir();
    const good = writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026);
    const noYear = writeOrderFile(dir, 'icd10cm_order.txt', CM_2026);
    expect((await failureOfAsync(() => importCodeFiles(db, [good, noYear]))).detail).toMatchObject({ file: 'icd10cm_order.txt' });
    expect(snapshot(db)).toEqual(before);
  });

  it('rejects an empty folder, a folder without order files and a missing path', async () => {
    const db = await dbWithFy2025();
    const before = snapshot(db);
    const empty = tempDir();
    expect((await failureOfAsync(() => importCodeFiles(db, [empty]))).message).toBe(
      `${path.basename(empty)}: the folder holds no code-set file CodeDesk can import`,
    );
    const other = tempDir();
    writeFile(other, 'README.md', '# nothing here\n');
    writeFile(other, 'notes.txt', 'Downloaded from CMS on 1 October.\r\n');
    expect((await failureOfAsync(() => importCodeFiles(db, [other]))).code).toBe('IMPORT_FAILED');
    expect((await failureOfAsync(() => importCodeFiles(db, [path.join(empty, 'nope.txt')]))).message).toBe('nope.txt: no such file or folder');
    expect((await failureOfAsync(() => importCodeFiles(db, []))).code).toBe('BAD_INPUT');
    expect(snapshot(db)).toEqual(before);
  });
});

describe('truncated files', () => {
  it('detects a file cut inside the titles of its last line', async () => {
    const text = orderFileText(CM_2026);
    // Keep 50 characters of the last line: it stops inside the short title.
    const cut = text.slice(0, text.lastIndexOf('\r\n', text.length - 3) + 2 + 50);
    const failure = await rejects(cut);
    expect(failure.message).toBe(
      `${NAME} line ${CM_2026.length}: the line ends before its long title (column 78): the file may be cut short`,
    );
  });

  it('detects a file cut inside the long title of its last line (no line ending)', async () => {
    const text = orderFileText(CM_2026);
    const failure = await rejects(text.slice(0, text.length - 10));
    expect(failure.message).toBe(`${NAME} line ${CM_2026.length}: the last line has no line ending: the file may be cut short`);
  });

  it('detects a file cut right after a header line', async () => {
    const upToHeader = CM_2026.slice(0, CM_2026.findIndex((r) => r[0] === 'S72001') + 1);
    const failure = await rejects(orderFileText(upToHeader));
    expect(failure.message).toBe(
      `${NAME} line ${upToHeader.length}: the file ends after header S72001, with no codes under it: the file may be cut short`,
    );
  });

  it('detects an empty file and a file cut after its order number', async () => {
    expect((await rejects('')).code).toBe('IMPORT_FAILED');
    expect((await rejects(`${orderLine(1, ['A00', 0, 'Cholera'])}\r\n00002 A0`)).message).toMatch(/^icd10cm_order_2026\.txt line 2: /);
  });
});

describe('all or nothing', () => {
  it('a failure while writing rolls the whole file back, keeping the version it was replacing', async () => {
    const db = tempContentDb();
    const big: Row[] = [];
    for (let i = 0; i < 700; i++) {
      const category = `${String.fromCharCode(65 + Math.floor(i / 100))}${String(i % 100).padStart(2, '0')}`;
      big.push([category, 0, `Category ${category}`]);
      for (let d = 0; d < 9; d++) big.push([`${category}${d}`, 1, `Condition ${category}.${d}`]);
    }
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, NAME, CM_2026)]);
    const before = snapshot(db);
    const replacement = writeOrderFile(tempDir(), NAME, big);
    await expect(
      importCodeFiles(db, [replacement], (p) => {
        if (p.line >= 5000) throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(snapshot(db)).toEqual(before);
    expect(listVersions(db)).toHaveLength(1);
    // The old version's full-text table came back with the rollback and still answers.
    checkFullText(db);
    expect(searchCodes(db, { query: 'diab kidn', system: 'icd10cm', limit: 5 }).map((h) => h.code)).toContain('E11.22');
  });

  it('a replacement that fails only at its end, after thousands of rows were staged, leaves the version it was replacing', async () => {
    const db = tempContentDb();
    await importCodeFiles(db, [writeOrderFile(tempDir(), NAME, CM_2026)]);
    const before = snapshot(db);
    const big = manyCmRows(700);
    const endings: [string, RegExp][] = [
      // A header as the last line: the file was cut short.
      [orderFileText([...big, ['Z99', 0, 'Cut after this header']]), /line 7701: the file ends after header Z99/],
      // The last code repeats the first one.
      [orderFileText([...big, ['A000', 1, 'Repeated at the end']]), /line 7701: code A000 appears twice \(first on line 2\)/],
      // No line ending after the last line.
      [orderFileText(big).slice(0, -2), /line 7700: the last line has no line ending/],
    ];
    for (const [text, reason] of endings) {
      const seen: number[] = [];
      const failure = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), NAME, text)], (p) => seen.push(p.line)));
      expect(failure.message).toMatch(reason);
      // Rows were already written (and reported) when the end of the file turned out bad.
      expect(seen).toContain(5000);
      expect(snapshot(db)).toEqual(before);
    }
    checkFullText(db);
    expect(db.prepare("SELECT count(*) AS n FROM temp.sqlite_schema WHERE name GLOB 'version_*'").get()).toEqual({ n: 0 });
  });

  it('files before a bad one stay imported; the bad one leaves nothing', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const good = writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026);
    const ls = lines(CM_2026);
    ls[1] = `${ls[1]!.slice(0, 14)}7${ls[1]!.slice(15)}`;
    const bad = writeFile(dir, NAME, crlf(ls));
    const failure = await failureOfAsync(() => importCodeFiles(db, [good, bad]));
    expect(failure.detail).toMatchObject({ file: NAME, line: 2 });
    expect(listVersions(db).map((v) => v.system)).toEqual(['icd10pcs']);
    expect(fs.existsSync(bad)).toBe(true);
  });
});
