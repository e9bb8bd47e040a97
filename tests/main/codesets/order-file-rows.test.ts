/**
 * Streaming an order file: its kind comes from the first lines alone, its rows come as the
 * lines are read, the file's end is still checked, and a failure anywhere closes the file.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { LineReader, withoutTrailingBlanks } from '../../../src/main/services/codesets/importers/streaming/text-lines';
import { orderFileKind, orderFileRows, parseOrderFile } from '../../../src/main/services/codesets/order-file-parser';
import { CM_2026, failureOf, failureOfAsync, manyCmRows, orderFileText, orderLine, PCS_2026, tempContentDb, tempDir, writeFile, writeOrderFile } from './helpers';

/** Lines of `text`, noting in `read` each one handed out. */
function linesOf(name: string, text: string, read: string[] = []) {
  const reader = new LineReader([text], { file: name });
  function* counted() {
    for (const line of withoutTrailingBlanks(reader)) {
      read.push(`line ${line.line}`);
      yield line;
    }
  }
  return { lines: counted(), terminated: () => reader.terminated };
}

const kindOf = (name: string, text: string, read?: string[]) => {
  const { lines, terminated } = linesOf(name, text, read);
  return orderFileKind(name, lines, terminated);
};

const rowsOf = (name: string, text: string) => {
  const { lines, terminated } = linesOf(name, text);
  return orderFileRows(name, lines, terminated);
};

describe('orderFileKind and orderFileRows', () => {
  it('tells the kind from the first two lines only, and streams the rows parseOrderFile gives', () => {
    for (const [name, rows, kind] of [
      ['icd10cm_order_2026.txt', CM_2026, 'icd10cm-order'],
      ['order_2026.txt', PCS_2026, 'icd10pcs-order'],
    ] as const) {
      const read: string[] = [];
      const text = orderFileText(rows);
      expect(kindOf(name, text, read)).toBe(kind);
      expect(read).toEqual(['line 1', 'line 2']);
      expect([...rowsOf(name, text)]).toEqual(parseOrderFile(name, text).rows);
    }
  });

  it('decides a one-line file by finishing it, which also checks its end', () => {
    const pcsTable = `${orderLine(1, ['0QS', 0, 'Lower Bones, Reposition'])}\r\n`;
    expect(failureOf(() => kindOf('order_2026.txt', pcsTable)).message).toMatch(/line 1: the file ends after header 0QS/);
    const oneCode = `${orderLine(1, ['A000', 1, 'Cholera due to Vibrio cholerae 01, biovar cholerae'])}\r\n`;
    expect(failureOf(() => kindOf('icd10cm_order_2026.txt', oneCode)).message).toMatch(/line 1: code A000 has no category header A00/);
    expect(failureOf(() => kindOf('icd10cm_order_2026.txt', '')).message).toMatch(/the file is empty/);
  });

  it('throws at the end, after every row was handed out, when the last line has no line ending', () => {
    const taken: string[] = [];
    const failure = failureOf(() => {
      for (const row of rowsOf('icd10cm_order_2026.txt', orderFileText(CM_2026).slice(0, -2))) taken.push(row.code);
    });
    expect(taken).toHaveLength(CM_2026.length);
    expect(failure.message).toMatch(/the last line has no line ending/);
  });
});

describe('a failed streaming import closes its file', () => {
  const openFiles = () => fs.readdirSync('/proc/self/fd').length;

  it.runIf(fs.existsSync('/proc/self/fd'))('whether a line fails part-way, the end fails, or the writer stops early', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2026)]);
    const big = manyCmRows(700);
    const badMiddle = orderFileText(big).replace(/\n00300 /, '\n00299 ');
    const codes = (rows: string[]) => rows.map((r) => `${r}\r\n`).join('');
    const many = Array.from({ length: 6000 }, (_, i) => `${`A${String(i).padStart(4, '0')}`.padEnd(7)} Made-up ${i}`);
    const files = [
      writeFile(dir, 'icd10cm_order_2026.txt', badMiddle),
      writeFile(tempDir(), 'icd10cm_order_2026.txt', orderFileText([...big, ['Z99', 0, 'Cut after this header']])),
      // Checked against the FY2025 order file: the first line is not in it.
      writeFile(tempDir(), 'icd10cm_codes_2025.txt', codes(many)),
      writeFile(tempDir(), 'icd10cm_codes_2027.txt', codes([...many.slice(0, 3000), many[0]!, ...many.slice(3000)])),
      writeFile(tempDir(), 'cpt_2026.txt', codes(['99999\tTest one', '9999\tTest two', '99998\tTest three'])),
    ];
    const before = openFiles();
    const messages: string[] = [];
    for (const file of files) messages.push((await failureOfAsync(() => importCodeFiles(db, [file]))).message);
    expect(messages).toEqual([
      expect.stringMatching(/line 300: expected order number 00300/),
      expect.stringMatching(/line 7701: the file ends after header Z99/),
      expect.stringMatching(/line 1: code A0000 is not in the order file/),
      expect.stringMatching(/line 3001: code A0000 appears twice/),
      expect.stringMatching(/line 2: expected a 5-character CPT code/),
    ]);
    // The writer stopping early (here a progress callback failing) closes it too.
    const good = writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', big);
    await expect(
      importCodeFiles(db, [good], (p) => {
        if (p.line >= 5000) throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(openFiles()).toBe(before);
  });
});
