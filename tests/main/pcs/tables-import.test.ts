import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { pcsTablesImporter } from '../../../src/main/services/codesets/importers/pcs/tables';
import { fileSource } from '../../../src/main/services/codesets/importers/plan';
import { TABLES, fixtureCodes, tablesXml, type FixtureTable } from './fixtures';
import { count, failureOf, failureOfAsync, importText, pcsSnapshot, tempContentDb, tempDir, writeFile } from './helpers';

/** The codes the stored rows expand to, read back from the database. */
function storedCodes(db: ReturnType<typeof tempContentDb>, label = 'FY2026'): string[] {
  const values = db
    .prepare(
      `SELECT v.table_code, v.row_no, v.pos, v.value FROM pcs_value v JOIN pcs_source s ON s.id = v.source_id
       WHERE s.kind = 'tables' AND s.label = ? ORDER BY v.table_code, v.row_no, v.pos`,
    )
    .all(label) as { table_code: string; row_no: number; pos: number; value: string }[];
  const rows = new Map<string, string[][]>();
  for (const v of values) {
    const key = `${v.table_code}|${v.row_no}`;
    const axes = rows.get(key) ?? [[], [], [], []];
    axes[v.pos - 4]?.push(v.value);
    rows.set(key, axes);
  }
  const codes: string[] = [];
  for (const [key, axes] of rows) {
    let out = [key.slice(0, 3)];
    for (const a of axes) out = out.flatMap((p) => a.map((c) => p + c));
    codes.push(...out);
  }
  return codes.sort();
}

const withTable = (mutate: (tables: FixtureTable[]) => void): string => {
  const tables = structuredClone(TABLES);
  mutate(tables);
  return tablesXml(tables);
};

describe('ICD-10-PCS tables import', () => {
  it('stores tables, axis titles, labels and rows compactly; the rows expand to exactly the fixture codes', async () => {
    const db = tempContentDb();
    const summary = await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    expect(summary.files).toEqual([
      expect.objectContaining({ kind: 'icd10pcs-tables', system: 'icd10pcs', label: 'FY2026', codes: fixtureCodes().length, replaced: false }),
    ]);
    expect(count(db, 'pcs_table')).toBe(3);
    expect(storedCodes(db)).toEqual(fixtureCodes());
    // Not expanded: far fewer value rows than codes would be on real data; here, per axis value.
    const source = db.prepare("SELECT label, effective_from, effective_to, item_count FROM pcs_source WHERE kind = 'tables'").get();
    expect(source).toEqual({ label: 'FY2026', effective_from: '2025-10-01', effective_to: '2026-09-30', item_count: fixtureCodes().length });
    const op = db.prepare("SELECT operation_title, operation_label, operation_definition FROM pcs_table WHERE code = '0DT'").get();
    expect(op).toEqual({
      operation_title: 'Operation',
      operation_label: 'Resection',
      operation_definition: 'Cutting out or off, without replacement, all of a body part',
    });
  });

  it('keeps a different label for the same value in different rows (as XW0 does)', async () => {
    const db = tempContentDb();
    await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    const labels = db.prepare("SELECT row_no, label FROM pcs_value WHERE table_code = 'XW0' AND pos = 6 ORDER BY row_no").all();
    expect(labels).toEqual([
      { row_no: 1, label: 'Lurbinectedin' },
      { row_no: 2, label: 'Treosulfan' },
    ]);
  });

  it('takes the fiscal year from <version>, else from the name; CRLF files read the same', async () => {
    const db = tempContentDb();
    const noVersion = tablesXml(TABLES, 2025, '\r\n').replace(/<version>2025<\/version>/, '');
    expect((await importText(db, 'icd10pcs_tables_2025.xml', noVersion)).files[0]?.label).toBe('FY2025');
    expect((await importText(db, 'tables.xml', tablesXml(TABLES, 2024))).files[0]?.label).toBe('FY2024');
    expect(storedCodes(db, 'FY2025')).toEqual(fixtureCodes());
  });

  it('re-importing a year replaces it (idempotent), other years stay', async () => {
    const db = tempContentDb();
    await importText(db, 'icd10pcs_tables_2025.xml', tablesXml(TABLES, 2025));
    await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    const before = count(db, 'pcs_value');
    const again = await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    expect(again.files[0]?.replaced).toBe(true);
    expect(count(db, 'pcs_value')).toBe(before);
    expect(count(db, 'pcs_source')).toBe(2);
  });

  it('is detected by its root element only', () => {
    const detect = (head: string) => pcsTablesImporter.detect({ name: 'x.xml', head });
    expect(detect(tablesXml())).toBe(true);
    expect(detect('<!-- c -->\n<ICD10PCS.tabular>')).toBe(true);
    expect(detect('<?xml version="1.0"?><ICD10PCS.tabularX>')).toBe(false);
    expect(detect('<?xml version="1.0"?><ICD10PCS.index>')).toBe(false);
    expect(detect('<?xml version="1.0"?><ICD10CM.tabular>')).toBe(false);
    expect(detect('00001 001     0 Central Nervous System')).toBe(false);
  });

  it('a file with no fiscal year is refused before anything is written', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'tables.xml', tablesXml().replace(/<version>2026<\/version>/, ''));
    const f = failureOf(() => pcsTablesImporter.check?.(fileSource(file)));
    expect(f.message).toMatch(/^tables\.xml: no fiscal year/);
  });
});

describe('bad ICD-10-PCS tables files change nothing', () => {
  const cases: [string, string, RegExp][] = [
    ['truncated', tablesXml().slice(0, Math.floor(tablesXml().length * 0.6)), /not well-formed XML/],
    [
      'DOCTYPE with entities',
      tablesXml().replace('<ICD10PCS.tabular>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<ICD10PCS.tabular>'),
      /DOCTYPE declaration is not allowed/,
    ],
    [
      'a value that is not a PCS character (I)',
      withTable((t) => {
        t[0]!.rows[0]![0]!.labels[0] = ['I', 'Appendix'];
      }),
      /line \d+: axis 4 of row 1 of table 0DT has a value that is not one PCS character/,
    ],
    [
      'a two-character value',
      withTable((t) => {
        t[1]!.rows[1]![1]!.labels[0] = ['77', 'Via Natural or Artificial Opening'];
      }),
      /axis 5 of row 2 of table 0DB has a value that is not one PCS character/,
    ],
    ['a table twice', tablesXml([...TABLES, TABLES[0]!]), /table 0DT appears twice/],
    [
      'a value twice in one axis',
      withTable((t) => {
        t[0]!.rows[0]![1]!.labels.push(['0', 'Open again']);
      }),
      /axis 5 of row 1 of table 0DT has value 0 twice/,
    ],
    [
      'two rows giving the same code',
      withTable((t) => {
        t[1]!.rows[1]![1]!.labels.push(['0', 'Open']);
      }),
      /code 0DBJ0ZX is given by more than one row of table 0DB/,
    ],
    ['a wrong codes count', tablesXml().replace('<pcsRow codes="8">', '<pcsRow codes="9">'), /says it has 9 codes but its values give 8/],
    [
      'a row without a qualifier axis',
      withTable((t) => {
        t[2]!.rows[0]!.pop();
      }),
      /row 1 of table XW0 has no axis 7/,
    ],
    [
      'a table axis with two values',
      withTable((t) => {
        t[0]!.axes[2]!.labels.push(['B', 'Excision']);
      }),
      /axis 3 of a table must have exactly one value/,
    ],
    ['no tables at all', tablesXml([]), /holds no <pcsTable>/],
  ];

  for (const [what, text, reason] of cases) {
    it(`${what}: a clear error naming the file, and the earlier import is untouched`, async () => {
      const db = tempContentDb();
      await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
      const before = pcsSnapshot(db);
      const f = await failureOfAsync(() => importText(db, 'icd10pcs_tables_2026.xml', text));
      expect(f.code).toBe('IMPORT_FAILED');
      expect(f.message).toMatch(/^icd10pcs_tables_2026\.xml/);
      expect(f.message).toMatch(reason);
      expect(pcsSnapshot(db)).toEqual(before);
    });
  }

  it('never quotes file content in the message', async () => {
    const db = tempContentDb();
    const text = withTable((t) => {
      t[0]!.rows[0]![0]!.labels[0] = ['I', 'Jane Doe'];
    });
    expect((await failureOfAsync(() => importText(db, 'icd10pcs_tables_2026.xml', text))).message).not.toMatch(/Jane/);
  });

  it('refuses bytes that are not UTF-8, naming the line', async () => {
    const db = tempContentDb();
    const bytes = Buffer.from(tablesXml().replace('Ascending Colon', 'Ascending Col\u00f6n'), 'latin1');
    const f = await failureOfAsync(() => importText(db, 'icd10pcs_tables_2026.xml', bytes));
    expect(f.message).toMatch(/line \d+: the file is not valid UTF-8/);
    expect(count(db, 'pcs_source')).toBe(0);
  });

  it('an import killed midway (a throw after the first table) leaves nothing behind', async () => {
    const db = tempContentDb();
    await importText(db, 'icd10pcs_tables_2025.xml', tablesXml(TABLES, 2025));
    const before = pcsSnapshot(db);
    const file = writeFile(tempDir(), 'icd10pcs_tables_2026.xml', tablesXml());
    await expect(
      importCodeFiles(db, [file], (p) => {
        if (p.line === 2) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(pcsSnapshot(db)).toEqual(before);
  });
});
