import { describe, expect, it } from 'vitest';
import { pcsBuild } from '../../../src/main/services/codesets/pcs/build';
import { orderFileText } from '../codesets/helpers';
import { TABLES, definitionsXml, fixtureCodes, tablesXml } from './fixtures';
import { failureOf, importText, tempContentDb } from './helpers';

async function dbWithTables() {
  const db = tempContentDb();
  await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
  return db;
}

const values = (step: ReturnType<typeof pcsBuild>) => step.options.map((o) => o.value).join('');

describe('pcsBuild: the ICD-10-PCS table builder', () => {
  it('offers the sections, then body systems, then operations that have tables', async () => {
    const db = await dbWithTables();
    const start = pcsBuild(db, { prefix: '' });
    expect(start).toMatchObject({ prefix: '', position: 1, axis: 'Section', chosen: [], code: null });
    expect(start.options).toEqual([
      { value: '0', label: 'Medical and Surgical' },
      { value: 'X', label: 'New Technology' },
    ]);
    expect(pcsBuild(db, { prefix: '0' })).toMatchObject({ position: 2, axis: 'Body System', options: [{ value: 'D', label: 'Gastrointestinal System' }] });
    const ops = pcsBuild(db, { prefix: '0D' });
    expect(ops.axis).toBe('Operation');
    expect(ops.options).toEqual([
      { value: 'B', label: 'Excision', definition: 'Cutting out or off, without replacement, a portion of a body part' },
      { value: 'T', label: 'Resection', definition: 'Cutting out or off, without replacement, all of a body part' },
    ]);
    expect(ops.chosen).toEqual([
      { position: 1, axis: 'Section', value: '0', label: 'Medical and Surgical' },
      { position: 2, axis: 'Body System', value: 'D', label: 'Gastrointestinal System' },
    ]);
  });

  it('offers positions 4-7 only from the rows that hold every value chosen so far', async () => {
    const db = await dbWithTables();
    // 0DB: row 1 has body parts 1, J; row 2 has J, K: the union, once each.
    expect(values(pcsBuild(db, { prefix: '0DB' }))).toBe('1JK');
    // Appendix is in both rows: approaches of both.
    expect(values(pcsBuild(db, { prefix: '0DBJ' }))).toBe('03478');
    // Esophagus, Upper only in row 1; Ascending Colon only in row 2.
    expect(values(pcsBuild(db, { prefix: '0DB1' }))).toBe('034');
    expect(values(pcsBuild(db, { prefix: '0DBK' }))).toBe('78');
    const step = pcsBuild(db, { prefix: '0DTJ4' });
    expect(step).toMatchObject({ position: 6, axis: 'Device', options: [{ value: 'Z', label: 'No Device' }] });
    expect(values(pcsBuild(db, { prefix: '0DBJ3Z' }))).toBe('XZ');
  });

  it('a whole code gives its labels and the code, titled from the order file when it is imported', async () => {
    const db = await dbWithTables();
    const composed = pcsBuild(db, { prefix: '0DTJ4ZZ' });
    expect(composed).toMatchObject({ position: null, axis: null, options: [] });
    expect(composed.chosen.map((c) => [c.position, c.axis, c.value, c.label])).toEqual([
      [1, 'Section', '0', 'Medical and Surgical'],
      [2, 'Body System', 'D', 'Gastrointestinal System'],
      [3, 'Operation', 'T', 'Resection'],
      [4, 'Body Part', 'J', 'Appendix'],
      [5, 'Approach', '4', 'Percutaneous Endoscopic'],
      [6, 'Device', 'Z', 'No Device'],
      [7, 'Qualifier', 'Z', 'No Qualifier'],
    ]);
    expect(composed.code).toEqual({ system: 'icd10pcs', code: '0DTJ4ZZ', title: 'Resection, Appendix, Percutaneous Endoscopic', billable: true });

    // The order file lists every code the tables expand to (else the import refuses it as cut short).
    const rows = fixtureCodes().flatMap((code, i, all): [string, 0 | 1, string][] => [
      ...(code.slice(0, 3) === all[i - 1]?.slice(0, 3) ? [] : [[code.slice(0, 3), 0, `Table ${code.slice(0, 3)}`] as [string, 0, string]]),
      [code, 1, code === '0DTJ4ZZ' ? 'Resection of Appendix, Percutaneous Endoscopic Approach' : `Code ${code}`],
    ]);
    await importText(db, 'icd10pcs_order_2026.txt', orderFileText(rows));
    expect(pcsBuild(db, { prefix: '0dtj4zz' }).code?.title).toBe('Resection of Appendix, Percutaneous Endoscopic Approach');
  });

  it('shows every label of a value that rows label differently, until a later choice tells them apart', async () => {
    const db = await dbWithTables();
    expect(pcsBuild(db, { prefix: 'XW033' }).options).toEqual([{ value: '8', label: 'Lurbinectedin / Treosulfan' }]);
    expect(values(pcsBuild(db, { prefix: 'XW0338' }))).toBe('78');
    expect(pcsBuild(db, { prefix: 'XW03387' }).chosen[5]?.label).toBe('Lurbinectedin');
    expect(pcsBuild(db, { prefix: 'XW03388' }).chosen[5]?.label).toBe('Treosulfan');
    // Central Vein is only in the Treosulfan row.
    expect(pcsBuild(db, { prefix: 'XW043' }).options).toEqual([{ value: '8', label: 'Treosulfan' }]);
  });

  it('adds definitions from the definitions XML: a definition, else what the term includes', async () => {
    const db = await dbWithTables();
    expect(pcsBuild(db, { prefix: '0DB' }).options.find((o) => o.value === 'J')).toEqual({ value: 'J', label: 'Appendix' });
    await importText(db, 'icd10pcs_definitions_2026.xml', definitionsXml());
    const bodyParts = pcsBuild(db, { prefix: '0DB' }).options;
    expect(bodyParts.find((o) => o.value === 'J')?.definition).toBe('Includes: Vermiform appendix');
    expect(bodyParts.find((o) => o.value === '1')?.definition).toBe('Includes: Cervical esophagus; Thoracic esophagus');
    expect(bodyParts.find((o) => o.value === 'K')?.definition).toBeUndefined();
    const approaches = pcsBuild(db, { prefix: '0DBJ' }).options;
    expect(approaches.find((o) => o.value === '4')?.definition).toMatch(/^Entry, by puncture or minor incision/);
  });

  it('refuses an invalid prefix, saying which part is valid and which is not', async () => {
    const db = await dbWithTables();
    const cases: [string, string][] = [
      ['5', '5 is not an ICD-10-PCS section in the FY2026 tables.'],
      ['0B', '0 is valid but 0B is not a body system of section 0.'],
      ['0DQ', '0D is valid but 0DQ is not an operation of body system 0D.'],
      ['0DTX', '0DT is valid but 0DTX is not a body part of table 0DT.'],
      ['0DTJ3', '0DTJ is valid but 0DTJ3 is not an approach of table 0DT after 0DTJ.'],
      ['0DT14ZX', '0DT14Z is valid but 0DT14ZX is not a qualifier of table 0DT after 0DT14Z.'],
    ];
    for (const [prefix, message] of cases) {
      const f = failureOf(() => pcsBuild(db, { prefix }));
      expect(f.code).toBe('BAD_INPUT');
      expect(f.message).toBe(message);
    }
    expect(failureOf(() => pcsBuild(db, { prefix: '0DTI' })).message).toMatch(/digits and letters except I and O/);
    expect(failureOf(() => pcsBuild(db, { prefix: '0DTJ4ZZZ' })).code).toBe('BAD_INPUT');
    expect(failureOf(() => pcsBuild(db, { prefix: '0', date: '2026-02-30' })).code).toBe('BAD_INPUT');
  });

  it('says what to import when no tables are imported', () => {
    const f = failureOf(() => pcsBuild(tempContentDb(), { prefix: '' }));
    expect(f.code).toBe('NO_CODE_SET');
    expect(f.message).toMatch(/import the ICD-10-PCS tables XML/);
  });

  it('uses the release in force on the date, else the newest; a re-import is seen at once', async () => {
    const db = tempContentDb();
    const older = structuredClone(TABLES).slice(0, 1);
    await importText(db, 'icd10pcs_tables_2025.xml', tablesXml(older, 2025));
    await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    expect(values(pcsBuild(db, { prefix: '0D', date: '2025-03-01' }))).toBe('T');
    expect(values(pcsBuild(db, { prefix: '0D', date: '2026-03-01' }))).toBe('BT');
    expect(values(pcsBuild(db, { prefix: '0D', date: '2030-03-01' }))).toBe('BT');
    expect(values(pcsBuild(db, { prefix: '0D' }))).toBe('BT');
    expect(failureOf(() => pcsBuild(db, { prefix: '0DB', date: '2025-03-01' })).message).toMatch(/not an operation/);
    // Re-import FY2026 with only the older table: the cached model must not be used.
    await importText(db, 'icd10pcs_tables_2026.xml', tablesXml(older, 2026));
    expect(values(pcsBuild(db, { prefix: '0D', date: '2026-03-01' }))).toBe('T');
  });
});
