/**
 * The real ICD-10-PCS files from ../shared/data/codesets/icd10pcs (never copied into the
 * repo): FY2026 tables + definitions + order file, FY2025 tables + index + definitions +
 * order file, imported by walking the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcsBuild } from '../../../src/main/services/codesets/pcs/build';
import { importedOnce } from '../imported-once';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const PCS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets', 'icd10pcs');
const DATA_PRESENT = fs.existsSync(path.join(PCS, 'icd10pcs_tables_2026.xml'));
const MISSING = `The official ICD-10-PCS files are missing: expected them under ${PCS}`;

// Missing data must fail every test here loudly (never skip): see the first test.
const imported = importedOnce({ tempPrefix: 'codedesk-pcs-files-', files: [PCS], present: DATA_PRESENT, missing: MISSING, timeoutMs: 180_000 });
const db = imported.db;

/** Valid codes (flag 1) of an order file, read directly from the file. */
function orderFileCodes(file: string): Set<string> {
  const codes = new Set<string>();
  for (const line of fs.readFileSync(file, 'latin1').split(/\r?\n/)) {
    if (line.charAt(14) === '1') codes.add(line.slice(6, 13).trim());
  }
  return codes;
}

/** Expands the stored rows of a tables release (read back from the database). */
function expandStored(label: string): Set<string> {
  const rows = new Map<string, string[][]>();
  const stmt = db().prepare(
    `SELECT v.table_code, v.row_no, v.pos, v.value FROM pcs_value v JOIN pcs_source s ON s.id = v.source_id
     WHERE s.kind = 'tables' AND s.label = ?`,
  );
  for (const v of stmt.iterate(label) as IterableIterator<{ table_code: string; row_no: number; pos: number; value: string }>) {
    const key = `${v.table_code}|${v.row_no}`;
    const axes = rows.get(key) ?? [[], [], [], []];
    axes[v.pos - 4]?.push(v.value);
    rows.set(key, axes);
  }
  const codes = new Set<string>();
  for (const [key, axes] of rows) {
    let out = [key.slice(0, 3)];
    for (const a of axes) out = out.flatMap((p) => a.map((c) => p + c));
    for (const c of out) codes.add(c);
  }
  return codes;
}

const difference = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));

describe('the official ICD-10-PCS tables, index and definitions', () => {
  it('are present next to the repository (../shared/data/codesets/icd10pcs)', () => {
    expect(DATA_PRESENT, MISSING).toBe(true);
  });

  it('are each picked up by their importer when walking the folder', () => {
    const found = imported.summary().files.map((f) => [path.relative(PCS, f.path), f.kind, f.label, f.codes]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['icd10pcs_tables_2026.xml', 'icd10pcs-tables', 'FY2026', 79_115],
        ['icd10pcs_definitions_2026.xml', 'icd10pcs-definitions', 'FY2026', expect.any(Number)],
        ['fy2025/icd10pcs_tables_2025.xml', 'icd10pcs-tables', 'FY2025', 78_948],
        ['fy2025/icd10pcs_index_2025.xml', 'icd10pcs-index', 'FY2025', 3_215 + 21_269],
        ['fy2025/icd10pcs_definitions_2025.xml', 'icd10pcs-definitions', 'FY2025', expect.any(Number)],
      ]),
    );
    const tables = db().prepare("SELECT label, count(*) AS n FROM pcs_table t JOIN pcs_source s ON s.id = t.source_id GROUP BY label ORDER BY label").all();
    expect(tables).toEqual([
      { label: 'FY2025', n: 908 },
      { label: 'FY2026', n: 914 },
    ]);
  });

  it('FY2026 tables expand to exactly the 79,115 valid codes of the order file (0 differences either way)', () => {
    const fromTables = expandStored('FY2026');
    const fromOrder = orderFileCodes(path.join(PCS, 'icd10pcs_order_2026.txt'));
    expect(fromOrder.size).toBe(79_115);
    expect(fromTables.size).toBe(79_115);
    expect(difference(fromTables, fromOrder)).toEqual([]);
    expect(difference(fromOrder, fromTables)).toEqual([]);
  });

  it('FY2025 tables expand to exactly the 78,948 valid codes of its order file', () => {
    const fromTables = expandStored('FY2025');
    const fromOrder = orderFileCodes(path.join(PCS, 'fy2025', 'icd10pcs_order_2025.txt'));
    expect(fromTables.size).toBe(78_948);
    expect(difference(fromTables, fromOrder)).toEqual([]);
    expect(difference(fromOrder, fromTables)).toEqual([]);
  });

  it('the builder walks to 0DTJ4ZZ, Resection of Appendix, Percutaneous Endoscopic, with the right labels', () => {
    const code = '0DTJ4ZZ';
    for (let i = 0; i < 7; i++) {
      const step = pcsBuild(db(), { prefix: code.slice(0, i), date: '2026-01-15' });
      expect(step.position).toBe(i + 1);
      expect(step.options.map((o) => o.value)).toContain(code.charAt(i));
    }
    const done = pcsBuild(db(), { prefix: code, date: '2026-01-15' });
    expect(done.chosen.map((c) => [c.axis, c.label])).toEqual([
      ['Section', 'Medical and Surgical'],
      ['Body System', 'Gastrointestinal System'],
      ['Operation', 'Resection'],
      ['Body Part', 'Appendix'],
      ['Approach', 'Percutaneous Endoscopic'],
      ['Device', 'No Device'],
      ['Qualifier', 'No Qualifier'],
    ]);
    expect(done.code).toEqual({
      system: 'icd10pcs',
      code,
      title: 'Resection of Appendix, Percutaneous Endoscopic Approach',
      billable: true,
    });
    const ops = pcsBuild(db(), { prefix: '0D', date: '2026-01-15' }).options;
    expect(ops.find((o) => o.value === 'T')).toEqual({
      value: 'T',
      label: 'Resection',
      definition: 'Cutting out or off, without replacement, all of a body part',
    });
    const bodyParts = pcsBuild(db(), { prefix: '0DT', date: '2026-01-15' }).options;
    expect(bodyParts.find((o) => o.value === 'J')?.definition).toMatch(/^Includes: .*Vermiform appendix/);
    expect(pcsBuild(db(), { prefix: '0DTJ', date: '2026-01-15' }).options.find((o) => o.value === '4')?.definition).toMatch(
      /^Entry, by puncture or minor incision/,
    );
    expect(() => pcsBuild(db(), { prefix: '0DTX' })).toThrow('0DT is valid but 0DTX is not a body part of table 0DT.');
  });

  it('the builder follows the date: a table new in FY2026 is not offered for a FY2025 date', () => {
    const newTables = db()
      .prepare(
        `SELECT t.code FROM pcs_table t JOIN pcs_source s ON s.id = t.source_id WHERE s.label = 'FY2026'
         EXCEPT SELECT t.code FROM pcs_table t JOIN pcs_source s ON s.id = t.source_id WHERE s.label = 'FY2025'`,
      )
      .all() as { code: string }[];
    expect(newTables.length).toBeGreaterThan(0);
    const table = newTables[0]!.code;
    expect(pcsBuild(db(), { prefix: table, date: '2026-01-15' }).options.length).toBeGreaterThan(0);
    expect(() => pcsBuild(db(), { prefix: table, date: '2025-01-15' })).toThrow(/is valid but/);
  });

  it('the FY2025 index gives entry points for "Appendectomy"', () => {
    const rows = db()
      .prepare(
        `SELECT p.term, p.code, p.path FROM entry_point p JOIN entry_source s ON s.id = p.source_id
         WHERE s.kind = 'index' AND s.system = 'icd10pcs' AND s.label = 'FY2025' AND p.term = 'Appendectomy' ORDER BY p.code`,
      )
      .all();
    expect(rows).toEqual([
      { term: 'Appendectomy', code: '0DBJ', path: 'Appendectomy > see Excision, Appendix' },
      { term: 'Appendectomy', code: '0DTJ', path: 'Appendectomy > see Resection, Appendix' },
    ]);
    const total = db().prepare("SELECT count(*) AS n FROM entry_point p JOIN entry_source s ON s.id = p.source_id WHERE s.system = 'icd10pcs'").get();
    // Terms with <codes>, <code> or <tab> (directly or inside <see>).
    expect(total).toEqual({ n: 12_152 + 2_794 + 1_415 });
  });
});
