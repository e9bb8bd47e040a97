/** The CM codes file, CPT, the HCPCS fixed-width txt, and zip input: fixtures in the official layouts. */
import fs from 'node:fs';
import nodePath from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { parseCodesLine } from '../../../src/main/services/codesets/importers/code-lists/cm-codes-file';
import { cptImporter } from '../../../src/main/services/codesets/importers/code-lists/cpt';
import { fileSource } from '../../../src/main/services/codesets/importers/plan';
import { parseHcpcsTxtLine } from '../../../src/main/services/codesets/importers/code-lists/hcpcs-record';
import { CM_2026, failureOfAsync, snapshot, tempContentDb, tempDir, writeFile, writeOrderFile } from '../codesets/helpers';
import { makeZip } from '../helpers/zip';
import { crlf, hcpcsTxtLine } from './fixtures';

const billable = CM_2026.filter((r) => r[1] === 1);
const codesFile = (rows = billable) => crlf(rows.map(([code, , long]) => `${code.padEnd(7)} ${long}`));

describe('ICD-10-CM codes file', () => {
  it('makes a billable-only version when the year has no order file, replaced later by the order file', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const first = await importCodeFiles(db, [writeFile(dir, 'icd10cm_codes_2026.txt', codesFile())]);
    expect(first.files[0]).toMatchObject({ kind: 'icd10cm-codes', label: 'FY2026', codes: billable.length, replaced: false });
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026)]);
    expect(db.prepare('SELECT code_count FROM content_version').get()).toEqual({ code_count: CM_2026.length });
  });

  it('checks against the order file of the same year and keeps its headers', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026)]);
    const before = snapshot(db);
    await importCodeFiles(db, [writeFile(dir, 'icd10cm_codes_2026.txt', codesFile())]);
    expect(snapshot(db)).toEqual(before);
    expect(db.prepare('SELECT kind, rows FROM code_list_file').all()).toEqual([{ kind: 'icd10cm-codes', rows: billable.length }]);
  });

  it('refuses a codes file that disagrees with the order file, naming the line, and changes nothing', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026)]);
    const before = snapshot(db);
    const rows = billable.map((r, i) => (i === 2 ? ([r[0], 1, 'Changed title'] as const) : r));
    const failure = await failureOfAsync(() => importCodeFiles(db, [writeFile(dir, 'icd10cm_codes_2026.txt', codesFile(rows as typeof billable))]));
    expect(failure.message).toBe(`icd10cm_codes_2026.txt line 3: the title of ${billable[2]?.[0]} differs from the order file of the same year`);
    expect(snapshot(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM code_list_file').get()).toEqual({ n: 0 });
  });

  it('refuses duplicates and a cut last line', async () => {
    const db = tempContentDb();
    const dup = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'icd10cm_codes_2026.txt', codesFile([...billable, billable[0]!]))]));
    expect(dup.message).toMatch(/line \d+: code A000 appears twice \(first on line 1\)/);
    const cut = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'icd10cm_codes_2026.txt', codesFile().slice(0, -2))]));
    expect(cut.message).toMatch(/no line ending: the file may be cut short/);
    expect(db.prepare('SELECT count(*) AS n FROM content_version').get()).toEqual({ n: 0 });
  });

  it('a codes file replacing a codes-file version and failing at its end leaves the earlier one', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeFile(dir, 'icd10cm_codes_2026.txt', codesFile())]);
    const before = snapshot(db);
    const many = Array.from({ length: 6000 }, (_, i) => `${`A${String(i).padStart(4, '0')}`.padEnd(7)} Made-up condition ${i}`);
    const dup = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'icd10cm_codes_2026.txt', crlf([...many, many[0]!]))]));
    expect(dup.message).toMatch(/line 6001: code A0000 appears twice \(first on line 1\)/);
    const cut = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'icd10cm_codes_2026.txt', crlf(many).slice(0, -2))]));
    expect(cut.message).toMatch(/line 6000: the last line has no line ending/);
    expect(snapshot(db)).toEqual(before);
    // A good one replaces it, and reports progress on the way.
    const seen: number[] = [];
    const summary = await importCodeFiles(db, [writeFile(tempDir(), 'icd10cm_codes_2026.txt', crlf(many))], (p) => {
      if (p.line > 0) seen.push(p.line);
    });
    expect(summary.files[0]).toMatchObject({ codes: 6000, replaced: true });
    expect(seen).toEqual([5000, 6000]);
  });

  it('parses any code and title it is given (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][0-9][0-9A-Z]{1,5}$/), fc.stringMatching(/^[A-Za-z][ -~]{0,80}$/), (code, title) => {
        expect(parseCodesLine(`${code.padEnd(7)} ${title}`)).toEqual([code, title.trim()]);
      }),
    );
  });
});

describe('CPT (made-up descriptors only)', () => {
  it('imports a tab-separated file with a header as CPT <year>', async () => {
    const db = tempContentDb();
    const text = crlf(['Code\tDescriptor', '99999\tTest procedure descriptor one', '0001T\tTest procedure descriptor two']);
    const summary = await importCodeFiles(db, [writeFile(tempDir(), 'cpt_2026.txt', text)]);
    expect(summary.files[0]).toMatchObject({ kind: 'cpt', system: 'cpt', label: 'CPT 2026', codes: 2 });
  });

  it('imports a comma-separated file with quoted descriptors', async () => {
    const db = tempContentDb();
    const text = crlf(['99998,"Test procedure descriptor, with comma"']);
    await importCodeFiles(db, [writeFile(tempDir(), 'my-cpt-2025.csv', text)]);
    expect(db.prepare('SELECT long_title FROM codes').get()).toEqual({ long_title: 'Test procedure descriptor, with comma' });
  });

  it('reads a Windows-1252 file and refuses a UTF-16 one as unrecognised', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const latin = Buffer.from('99997\tTest procedure descriptor caf\u00e9\r\n', 'latin1');
    fs.writeFileSync(nodePath.join(dir, 'cpt_2026.txt'), latin);
    await importCodeFiles(db, [nodePath.join(dir, 'cpt_2026.txt')]);
    expect(db.prepare('SELECT long_title FROM codes').get()).toEqual({ long_title: 'Test procedure descriptor caf\u00e9' });
    const utf16 = nodePath.join(dir, 'cpt_2025.txt');
    fs.writeFileSync(utf16, Buffer.from('\ufeff99996\tTest procedure descriptor\r\n', 'utf16le'));
    expect((await failureOfAsync(() => importCodeFiles(db, [utf16]))).message).toMatch(/^cpt_2025.txt line 1: not a code-set file CodeDesk recognises/);
  });

  it('needs the year in the name and refuses bad lines, leaving nothing', async () => {
    const db = tempContentDb();
    expect((await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'cpt.txt', crlf(['99999\tTest procedure descriptor one']))]))).message).toMatch(
      /no year in the file name/,
    );
    const bad = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'cpt_2026.txt', crlf(['99999\tTest one', '9999\tTest two']))]));
    expect(bad.message).toBe('cpt_2026.txt line 2: expected a 5-character CPT code in the first column');
    expect(db.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: 0 });
  });

  it('reads the file in chunks (a BOM, a blank line inside), never whole, whatever the chunk size', async () => {
    const text = `\ufeff${crlf(['Code\tDescriptor', '99999\tTest procedure descriptor one', '', '0001T\tTest procedure descriptor caf\u00e9'])}`;
    const file = writeFile(tempDir(), 'cpt_2026.txt', text);
    const codes = (db: ReturnType<typeof tempContentDb>) => db.prepare('SELECT id, code, long_title, seq FROM codes ORDER BY id').all();
    const results = [];
    for (const size of [2, 64 * 1024]) {
      const db = tempContentDb();
      const source = {
        ...fileSource(file, size),
        read: (): Buffer => {
          throw new Error('read whole');
        },
      };
      const summary = await cptImporter.run({ db, progress: () => undefined }, source);
      results.push({ summary, codes: codes(db) });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]?.codes).toMatchObject([
      { code: '99999', long_title: 'Test procedure descriptor one', seq: 1 },
      { code: '0001T', long_title: 'Test procedure descriptor caf\u00e9', seq: 2 },
    ]);
  });

  it('a replacement failing at its last line leaves the CPT version it was replacing', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeFile(dir, 'cpt_2026.txt', crlf(['99999\tTest procedure descriptor one']))]);
    const before = snapshot(db);
    const many = Array.from({ length: 6000 }, (_, i) => `${String(10000 + i)}\tMade-up procedure ${i}`);
    const dup = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'cpt_2026.txt', crlf([...many, many[0]!]))]));
    expect(dup.message).toBe('cpt_2026.txt line 6001: code 10000 appears twice (first on line 1)');
    const cut = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'cpt_2026.txt', crlf(many).slice(0, -2))]));
    expect(cut.message).toBe('cpt_2026.txt line 6000: the last line has no line ending: the file may be cut short');
    expect(snapshot(db)).toEqual(before);
  });
});

describe('HCPCS fixed-width txt', () => {
  const lines = [
    hcpcsTxtLine({ code: 'A0021', recordId: '3', long: 'Test ambulance service, outside state per mile', effective: '20250101', action: 'N' }),
    hcpcsTxtLine({ code: 'A0021', recordId: '4', long: 'continued description' }),
    hcpcsTxtLine({ code: 'D0120', recordId: '3', long: 'Dental code that must never be stored' }),
    hcpcsTxtLine({ code: 'G0001', recordId: '3', long: 'Terminated test code', effective: '20000101', term: '20241231', action: 'D' }),
    hcpcsTxtLine({ code: 'A1', recordId: '7', long: 'Dressing for one wound' }),
  ];

  it('imports codes and modifiers with dates, joins continuations, skips D codes', async () => {
    const db = tempContentDb();
    const summary = await importCodeFiles(db, [writeFile(tempDir(), 'HCPC2025_OCT_ANWEB.txt', crlf(lines))]);
    expect(summary.files[0]).toMatchObject({ kind: 'hcpcs-anweb-txt', label: '2025 Q4', codes: 3 });
    expect(db.prepare("SELECT code, long_title FROM codes WHERE code = 'A0021'").get()).toEqual({
      code: 'A0021',
      long_title: 'Test ambulance service, outside state per mile continued description',
    });
    expect(db.prepare("SELECT count(*) AS n FROM codes WHERE code LIKE 'D%'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT source FROM content_version').get()).toEqual({ source: 'HCPCS Level II file HCPC2025_OCT_ANWEB.txt; skipped 1 D codes (not public domain)' });
    expect(db.prepare('SELECT code, kind, effective_from, terminated_on FROM hcpcs_item ORDER BY code').all()).toEqual([
      { code: 'A0021', kind: 'code', effective_from: '2025-01-01', terminated_on: null },
      { code: 'A1', kind: 'modifier', effective_from: '2000-01-01', terminated_on: null },
      { code: 'G0001', kind: 'code', effective_from: '2000-01-01', terminated_on: '2024-12-31' },
    ]);
  });

  it('refuses a damaged xlsx named like the ANWEB file, writing nothing', async () => {
    const db = tempContentDb();
    const file = writeZip(tempDir(), 'HCPC2025_OCT_ANWEB.xlsx', makeZip([{ name: 'xl/nothing.xml', data: '<x/>' }]));
    expect((await failureOfAsync(() => importCodeFiles(db, [file]))).message).toBe(
      'HCPC2025_OCT_ANWEB.xlsx: the spreadsheet could not be read: it is damaged or not an xlsx file',
    );
    expect(db.prepare('SELECT count(*) AS n FROM content_version').get()).toEqual({ n: 0 });
  });

  it('refuses a bad date and a truncated record, naming the line', async () => {
    const db = tempContentDb();
    const badDate = [...lines];
    badDate[3] = hcpcsTxtLine({ code: 'G0001', recordId: '3', long: 'Terminated test code', term: '20241341' });
    expect((await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'HCPC2025_OCT_ANWEB.txt', crlf(badDate))]))).message).toBe(
      'HCPC2025_OCT_ANWEB.txt line 4: expected a date YYYYMMDD in columns 285-292',
    );
    const cut = [...lines.slice(0, 3), (lines[3] as string).slice(0, 200)];
    expect((await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'HCPC2025_OCT_ANWEB.txt', crlf(cut))]))).message).toMatch(/line 4: .*cut short/);
    expect(db.prepare('SELECT count(*) AS n FROM content_version').get()).toEqual({ n: 0 });
  });

  it('parses or explains any line (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (line) => void parseHcpcsTxtLine(line)));
  });
});

function writeZip(dir: string, name: string, bytes: Buffer): string {
  const file = nodePath.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('zip input', () => {
  it('imports members of a zip as x.zip!member', async () => {
    const db = tempContentDb();
    const zip = makeZip([
      { name: 'readme.txt', data: 'not a code file' },
      { name: 'cpt_2026.txt', data: crlf(['99999\tTest procedure descriptor one']) },
    ]);
    const path = writeZip(tempDir(), 'download.zip', zip);
    const summary = await importCodeFiles(db, [path]);
    expect(summary.files.map((f) => f.path)).toEqual([`${path}!cpt_2026.txt`]);
  });

  it('refuses a zip with nothing recognised, a path trick and a zip bomb, naming the zip', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    const nothing = writeZip(dir, 'empty.zip', makeZip([{ name: 'readme.txt', data: 'hello' }]));
    expect((await failureOfAsync(() => importCodeFiles(db, [nothing]))).message).toBe('empty.zip: the zip holds no code-set file CodeDesk can import');
    const trick = writeZip(dir, 'trick.zip', makeZip([{ name: '../cpt_2026.txt', data: '99999\tTest\r\n' }]));
    expect((await failureOfAsync(() => importCodeFiles(db, [trick]))).message).toMatch(/^trick.zip: .*unsafe path/);
    const bomb = writeZip(dir, 'bomb.zip', makeZip([{ name: 'cpt_2026.txt', data: Buffer.alloc(5_000_000, 0x41) }]));
    expect((await failureOfAsync(() => importCodeFiles(db, [bomb]))).message).toMatch(/^bomb.zip: .*zip bomb/);
    const damaged = writeZip(dir, 'damaged.zip', Buffer.from('PK\u0003\u0004 not really'));
    expect((await failureOfAsync(() => importCodeFiles(db, [damaged]))).message).toMatch(/^damaged.zip: /);
    expect(db.prepare('SELECT count(*) AS n FROM content_version').get()).toEqual({ n: 0 });
  });
});
