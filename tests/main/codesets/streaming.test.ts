/**
 * Imports read files in chunks (importers/streaming): whatever the chunk size, a character,
 * a CRLF, a line, a CSV record or an XML element split across chunks comes out whole, and an
 * import gives the same rows, errors (file, line, reason) and progress as with large chunks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { orderFileImporter } from '../../../src/main/services/codesets/importers/order-file';
import { mueImporter } from '../../../src/main/services/codesets/importers/edit-tables/mue';
import { poaImporter } from '../../../src/main/services/codesets/importers/edit-tables/poa';
import { csvRecords, parseCsv } from '../../../src/main/services/codesets/importers/edit-tables/csv';
import { pcsTablesImporter } from '../../../src/main/services/codesets/importers/pcs/tables';
import { countTags } from '../../../src/main/services/codesets/importers/pcs/pcs-xml';
import { fileSource, zipImports } from '../../../src/main/services/codesets/importers/plan';
import { IMPORTERS } from '../../../src/main/services/codesets/importers/registry';
import { bufferChunks } from '../../../src/main/services/codesets/importers/streaming/byte-chunks';
import { scanSource } from '../../../src/main/services/codesets/importers/streaming/source-scan';
import { LineReader, withoutTrailingBlanks } from '../../../src/main/services/codesets/importers/streaming/text-lines';
import { Utf8Check } from '../../../src/main/services/codesets/importers/streaming/utf8-check';
import type { FileImporter } from '../../../src/main/services/codesets/importers/types';
import { decodeChunks } from '../../../src/main/services/codesets/text-decoding';
import { readXml } from '../../../src/main/services/codesets/xml/safe-xml';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { mueCsv, POA_LIST } from '../edits/fixtures';
import { makeZip } from '../helpers/zip';
import { tablesXml } from '../pcs/fixtures';
import { failureOf, failureOfAsync, orderFileText, tempContentDb, tempDir, writeFile, writeOrderFile, type Row } from './helpers';

/** Every way of cutting `text` into pieces of `size` characters. */
const pieces = (text: string, size: number): string[] => {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
};

const lines = (text: string, size: number) => [...new LineReader(pieces(text, size), { file: 'f.txt' })].map((l) => l.text);

describe('decoding in chunks', () => {
  it('keeps a multi-byte UTF-8 character whole when it is split across chunks', () => {
    const bytes = Buffer.from('Ménière — 𝄞 ok', 'utf8');
    for (const size of [1, 2, 3, 5]) {
      expect([...decodeChunks(bufferChunks(bytes, size), 'utf-8')].join('')).toBe('Ménière — 𝄞 ok');
    }
  });

  it('decodes Windows-1252 chunk by chunk, and drops a UTF-8 BOM split across chunks', () => {
    const cp1252 = Buffer.from([0x43, 0x50, 0x54, 0xae, 0x20, 0x93, 0x71, 0x94]);
    expect([...decodeChunks(bufferChunks(cp1252, 1), 'windows-1252')].join('')).toBe('CPT\u00ae \u201cq\u201d');
    const bom = Buffer.from('\ufeffabc', 'utf8');
    expect([...decodeChunks(bufferChunks(bom, 1), 'utf-8')].join('')).toBe('abc');
  });

  it('judges UTF-8 exactly as the strict TextDecoder does, whatever the chunk size', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (bytes, size) => {
        let strict = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          strict = false;
        }
        const check = new Utf8Check();
        for (const chunk of bufferChunks(bytes, size)) check.push(chunk);
        check.end();
        expect(check.valid).toBe(strict);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the line of the first byte that is not UTF-8', () => {
    const check = new Utf8Check();
    for (const chunk of bufferChunks(Buffer.concat([Buffer.from('a\nb\nc'), Buffer.from([0xc3]), Buffer.from('\nd')]), 2)) check.push(chunk);
    check.end();
    expect(check.badLine).toBe(3);
  });
});

describe('lines from chunks', () => {
  it('joins a CRLF split across pieces and a line longer than a piece', () => {
    const text = 'first\r\nsecond line is long\r\n\r\nlast';
    const whole = ['first', 'second line is long', '', 'last'];
    for (const size of [1, 2, 3, 6, 100]) expect(lines(text, size)).toEqual(whole);
  });

  it('tells whether the last line was ended, ignoring trailing blanks as the whole-text reader did', () => {
    const cases: [string, boolean, string[]][] = [
      ['a\r\nb\r\n', true, ['a', 'b']],
      ['a\r\nb\r\n  \r\n', true, ['a', 'b']],
      ['a\r\nb', false, ['a', 'b']],
      ['a\r\nb  ', false, ['a', 'b  ']],
      ['', false, []],
    ];
    for (const [text, terminated, kept] of cases) {
      for (const size of [1, 2, 50]) {
        const reader = new LineReader(pieces(text, size), { file: 'f.txt' });
        expect([...withoutTrailingBlanks(reader)].map((l) => l.text)).toEqual(kept);
        expect(reader.terminated).toBe(terminated);
      }
    }
  });

  it('keeps a blank line inside the text and its number', () => {
    const kept = [...withoutTrailingBlanks(new LineReader(pieces('a\n\n\nb\n\n', 2), { file: 'f.txt' }))];
    expect(kept).toEqual([
      { text: 'a', line: 1 },
      { text: '', line: 2 },
      { text: '', line: 3 },
      { text: 'b', line: 4 },
    ]);
  });

  it('refuses a line longer than the limit instead of holding it', () => {
    const reader = new LineReader(pieces(`ok\n${'x'.repeat(50)}\n`, 4), { file: 'f.txt', maxLineChars: 20 });
    expect(failureOf(() => [...reader]).message).toBe('f.txt line 2: the line is longer than 20 characters');
  });
});

describe('CSV and XML from pieces', () => {
  it('reads the same CSV records whatever the pieces (doubled quotes, quoted newlines, CRLF split)', () => {
    const text = '"a ""quoted""\r\nnotice"\r\n"x,y",2,"3"\r\nplain,,end\r\n';
    const whole = parseCsv(text);
    expect(whole.map((r) => r.line)).toEqual([1, 3, 4]);
    for (const size of [1, 2, 3, 7]) expect([...csvRecords(pieces(text, size))]).toEqual(whole);
  });

  it('reads the same XML events when elements, attributes and references are split across pieces', () => {
    const xml = '<?xml version="1.0"?>\n<root a="1"><item code="0B1">T&amp;x</item>\n<item code="0B2"/></root>';
    const events = (input: string | string[]) => {
      const seen: string[] = [];
      readXml('f.xml', input, {
        open: (name, attrs, depth, line) => void seen.push(`open ${name} ${JSON.stringify(attrs)} ${depth} ${line}`),
        text: (text) => void seen.push(`text ${text}`),
        close: (name) => void seen.push(`close ${name}`),
      });
      return seen.join('|').replace(/\|?text \|?/g, '|text ');
    };
    const whole = events(xml);
    for (const size of [1, 2, 5]) {
      // Text may arrive in more events; joined, it is the same.
      const got = events(pieces(xml, size));
      expect(got.replace(/\|text /g, '')).toBe(whole.replace(/\|text /g, ''));
    }
  });

  it('still refuses hostile XML fed in pieces, naming the line', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<root/>';
    expect(failureOf(() => readXml('f.xml', pieces(xml, 3), {})).message).toBe('f.xml line 2: a DOCTYPE declaration is not allowed in code-set XML');
  });

  it('still limits a text node that spans many pieces', () => {
    const xml = `<root><a>${'x'.repeat(250_000)}</a></root>`;
    expect(failureOf(() => readXml('f.xml', pieces(xml, 65_536), {})).message).toBe('f.xml line 1: a text node is longer than 100000 characters');
  });

  it('counts tags split across pieces once', () => {
    const xml = '<a><pcsTable>1</pcsTable><pcsTable x="1"/><pcsTableX/></a>';
    for (const size of [1, 2, 3, 4, 9, 100]) expect(countTags(pieces(xml, size), 'pcsTable')).toBe(2);
  });
});

/** Runs an importer on the file with the given chunk size and returns what it wrote. */
async function importWith(importer: FileImporter, file: string, chunkBytes: number, query: (db: ContentDb) => unknown) {
  const db = tempContentDb();
  const progress: [number, number][] = [];
  const summary = await importer.run({ db, progress: (done, total) => void progress.push([done, total]) }, fileSource(file, chunkBytes));
  return { summary, rows: query(db), progress };
}

const CM_ROWS: Row[] = [
  ['A00', 0, 'Cholera'],
  ['A000', 1, 'Cholera due to Vibrio cholerae 01, biovar cholerae'],
  ['A001', 1, 'Ménière-like made-up title — with “quotes”'],
  ['A01', 0, 'Typhoid and paratyphoid fevers'],
  ['A010', 1, 'Typhoid fever, unspecified'],
];

describe('importers with tiny chunks', () => {
  const codes = (db: ContentDb) => db.prepare('SELECT code, billable, short_title, long_title, seq FROM codes ORDER BY seq').all();

  it('an order file (UTF-8 titles, CRLF) imports the same with 1-, 3- and 7-byte chunks as with the default', async () => {
    const file = writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_ROWS);
    const reference = await importWith(orderFileImporter, file, 256 * 1024, codes);
    expect((reference.rows as { long_title: string }[])[2]?.long_title).toBe('Ménière-like made-up title — with “quotes”');
    for (const size of [1, 3, 7]) {
      const got = await importWith(orderFileImporter, file, size, codes);
      expect(got.rows).toEqual(reference.rows);
      expect(got.summary).toEqual(reference.summary);
      expect(got.progress).toEqual(reference.progress);
    }
  });

  it('an order file in Windows-1252 is decoded as Windows-1252 throughout, whatever the chunk size', async () => {
    const rows = CM_ROWS.map((row): Row => (row[0] === 'A001' ? [row[0], row[1], 'Ménière-like made-up title plain'] : row));
    // é as the single byte 0xE9: not UTF-8, so the whole file is Windows-1252.
    const file = writeFile(tempDir(), 'icd10cm_order_2026.txt', '');
    fs.writeFileSync(file, Buffer.from(orderFileText(rows), 'latin1'));
    for (const size of [2, 64 * 1024]) {
      const got = await importWith(orderFileImporter, file, size, codes);
      expect((got.rows as { long_title: string }[])[2]?.long_title).toBe('Ménière-like made-up title plain');
    }
  });

  it('an error still names file, line and reason, and writes nothing, with tiny chunks', async () => {
    const rows: Row[] = [...CM_ROWS, ['B000', 1, 'A code with no category header above it']];
    const file = writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', rows);
    const db = tempContentDb();
    const failure = await failureOfAsync(() => orderFileImporter.run({ db, progress: () => undefined }, fileSource(file, 5)));
    expect(failure.message).toBe('icd10cm_order_2026.txt line 6: code B000 has no category header B00 above it');
    expect(db.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: 0 });
  });

  it('an MUE CSV (Windows-1252, multi-line quoted notice) gives the same rows with 1- and 4-byte chunks', async () => {
    const file = writeFile(tempDir(), 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv', '');
    fs.writeFileSync(file, mueCsv(['0009U,2,3 Date of Service Edit: Clinical,A', '0010U,1,2 Date of Service Edit: Policy,B \u00ae']));
    const mue = (db: ContentDb) => db.prepare('SELECT code, value, mai, mai_label, rationale, line FROM mue ORDER BY code').all();
    const reference = await importWith(mueImporter, file, 1 << 16, mue);
    expect(reference.rows).toHaveLength(2);
    for (const size of [1, 4]) expect((await importWith(mueImporter, file, size, mue)).rows).toEqual(reference.rows);
  });

  it('a repeated code in an MUE or POA list is found without holding the codes seen, and rolls the file back', async () => {
    const mueFile = writeFile(tempDir(), 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv', '');
    fs.writeFileSync(mueFile, mueCsv(['0009U,2,3 Date of Service Edit: Clinical,A', '0009U,1,3 Date of Service Edit: Clinical,B']));
    const db = tempContentDb();
    expect((await failureOfAsync(() => mueImporter.run({ db, progress: () => undefined }, fileSource(mueFile, 3)))).message).toBe(
      'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv line 7: 0009U is listed twice',
    );
    const poaFile = writeFile(tempDir(), 'POAexemptCodesFY26.txt', `${POA_LIST}01240\tB90.0\tAgain\r\n`);
    expect((await failureOfAsync(() => poaImporter.run({ db, progress: () => undefined }, fileSource(poaFile, 3)))).message).toBe(
      'POAexemptCodesFY26.txt line 4: B900 is listed twice',
    );
    expect(db.prepare('SELECT count(*) AS n FROM edit_file').get()).toEqual({ n: 0 });
  });

  it('a PCS tables XML gives the same tables with 3-byte chunks (elements split everywhere)', async () => {
    const file = writeFile(tempDir(), 'icd10pcs_tables_2026.xml', tablesXml());
    const pcs = (db: ContentDb) => ({
      tables: db.prepare('SELECT * FROM pcs_table ORDER BY 1').all(),
      values: db.prepare('SELECT * FROM pcs_value ORDER BY 1, 2, 3').all(),
    });
    const reference = await importWith(pcsTablesImporter, file, 1 << 16, pcs);
    const got = await importWith(pcsTablesImporter, file, 3, pcs);
    expect(got.rows).toEqual(reference.rows);
    expect(got.progress).toEqual(reference.progress);
    expect(got.progress.at(-1)?.[0]).toBe(got.progress.at(-1)?.[1]);
  });

  it('the first pass gives the digest, the lines and the encoding whatever the chunk size', () => {
    const file = writeFile(tempDir(), 'f.txt', 'a\r\nb é\r\nc');
    const scans = [1, 2, 1024].map((size) => scanSource(fileSource(file, size)));
    expect(new Set(scans.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(scans[0]).toMatchObject({ lines: 3, newlines: 2, notUtf8Line: null });
    const latin = writeFile(tempDir(), 'g.txt', '');
    fs.writeFileSync(latin, Buffer.from('a\r\nb \u00e9\r\nc\r\n', 'latin1'));
    for (const size of [1, 2, 1024]) expect(scanSource(fileSource(latin, size))).toMatchObject({ lines: 3, notUtf8Line: 2 });
  });

  it('a member of a zip is inflated to a temp file and read in chunks, which is removed afterwards', async () => {
    const dir = tempDir();
    const zipPath = writeFile(dir, 'download.zip', '');
    fs.writeFileSync(zipPath, makeZip([{ name: 'icd10cm/icd10cm_order_2026.txt', data: orderFileText(CM_ROWS) }]));
    const before = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('codedesk-zip-'));
    const [planned] = await zipImports(zipPath, IMPORTERS, 3);
    expect(planned?.importer.kind).toBe('order-file');
    const db = tempContentDb();
    await planned!.importer.run({ db, progress: () => undefined }, planned!.source);
    planned!.source.release?.();
    expect(codes(db)).toEqual((await importWith(orderFileImporter, writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_ROWS), 7, codes)).rows);
    expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('codedesk-zip-'))).toEqual(before);
  });

  it('the temp files of a zip are removed after an import, and when planning fails after the zip was opened', async () => {
    const dir = tempDir();
    const zipPath = writeFile(dir, 'download.zip', '');
    fs.writeFileSync(zipPath, makeZip([{ name: 'icd10cm/icd10cm_order_2026.txt', data: orderFileText(CM_ROWS) }]));
    const inflated = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('codedesk-zip-'));
    const before = inflated();
    const db = tempContentDb();
    expect((await importCodeFiles(db, [zipPath])).files).toHaveLength(1);
    expect(inflated()).toEqual(before);
    expect((await failureOfAsync(() => importCodeFiles(db, [zipPath, path.join(dir, 'missing.txt')]))).message).toBe('missing.txt: no such file or folder');
    expect(inflated()).toEqual(before);
  });
});
