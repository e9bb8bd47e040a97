/** Addenda: the line parser (property-based), whole-file checks, nothing partial on bad input, and the change summary. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { parseAddendaLine } from '../../../src/main/services/codesets/importers/code-lists/addenda-line';
import { summariseChanges } from '../../../src/main/services/codesets/code-changes/summary';
import { CM_2025, CM_2026, failureOf, failureOfAsync, snapshot, tempContentDb, tempDir, writeFile, writeOrderFile } from '../codesets/helpers';
import { cmCodesAddendaLine, cmOrderAddendaLine, crlf, pcsAddendaLine, trailer } from './fixtures';

const CODES_ADDENDA = [
  cmCodesAddendaLine('delete', 'B880', 'Other acariasis'),
  cmCodesAddendaLine('add', 'B8801', 'Infestation by Demodex mites'),
  cmCodesAddendaLine('add', 'B8809', 'Other acariasis'),
];
const ORDER_ADDENDA = [
  cmOrderAddendaLine('delete', 1, 'B880', 'Other acariasis'),
  cmOrderAddendaLine('add', 0, 'B880', 'Other acariasis'),
  cmOrderAddendaLine('add', 1, 'B8801', 'Infestation by Demodex mites'),
  cmOrderAddendaLine('add', 1, 'B8809', 'Other acariasis'),
];

const title = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,()-]{0,100}[A-Za-z0-9)]$/);
const cmCode = fc.stringMatching(/^[A-Z][0-9][0-9A-Z]{1,5}$/);
const action = fc.constantFrom('add', 'delete', 'revise-from', 'revise-to');

describe('addenda line parser', () => {
  it('reads back what it is given, in all three layouts', () => {
    fc.assert(
      fc.property(action, cmCode, title, fc.constantFrom<0 | 1>(0, 1), (a, code, t, flag) => {
        expect(parseAddendaLine('cm-codes', cmCodesAddendaLine(a, code, t))).toEqual({ action: a, code, billable: true, shortTitle: null, longTitle: t.trim() });
        const order = parseAddendaLine('cm-order', cmOrderAddendaLine(a, flag, code, t));
        expect(order).toMatchObject({ action: a, code, billable: flag === 1, longTitle: t.trim() });
      }),
    );
    fc.assert(
      fc.property(action, fc.stringMatching(/^[0-9A-HJ-NP-Z]{7}$/), title, (a, code, t) => {
        expect(parseAddendaLine('pcs-order', pcsAddendaLine(a, code, t))).toMatchObject({ action: a, code, billable: true, longTitle: t.trim() });
      }),
    );
  });

  it('never throws on arbitrary text: a line is parsed or gets a reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('cm-order', 'cm-codes', 'pcs-order' as const), (line, layout) => {
        const result = parseAddendaLine(layout, line);
        expect(typeof result === 'string' || typeof result === 'object').toBe(true);
      }),
    );
  });

  it('rejects a cut line with a reason', () => {
    expect(parseAddendaLine('cm-order', cmOrderAddendaLine('add', 1, 'B8801', 'Infestation').slice(0, 30))).toMatch(/cut short/);
    expect(parseAddendaLine('cm-codes', 'Added:       B8801   Infestation')).toMatch(/expected an action/);
  });
});

async function dbWithYears() {
  const db = tempContentDb();
  const dir = tempDir();
  await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025), writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026)]);
  return db;
}

describe('addenda files', () => {
  it('imports the codes and order addenda and summarises from them', async () => {
    const db = await dbWithYears();
    const dir = tempDir();
    const summary = await importCodeFiles(db, [
      writeFile(dir, 'icd10cm_codes_addenda_2026.txt', crlf([...CODES_ADDENDA, ...trailer(2, 1, 0)])),
      writeFile(dir, 'icd10cm_order_addenda_2026.txt', crlf([...ORDER_ADDENDA, ...trailer(3, 1, 0)])),
    ]);
    expect(summary.files.map((f) => [f.kind, f.label, f.codes])).toEqual([
      ['icd10cm-order-addenda', 'FY2026', 4],
      ['icd10cm-codes-addenda', 'FY2026', 3],
    ]);
    const changes = summariseChanges(db, { system: 'icd10cm' });
    expect(changes).toMatchObject({ from: 'FY2025', to: 'FY2026', basis: 'icd10cm_codes_addenda_2026.txt' });
    expect(changes.deleted).toEqual([{ code: 'B88.0', title: 'Other acariasis' }]);
    expect(changes.added.map((a) => a.code)).toEqual(['B88.01', 'B88.09']);
    expect(changes.billableChanged).toEqual([{ code: 'B88.0', title: 'Other acariasis', billable: false }]);
  });

  it('re-importing replaces the year\'s records (idempotent)', async () => {
    const db = await dbWithYears();
    const file = writeFile(tempDir(), 'icd10cm_codes_addenda_2026.txt', crlf([...CODES_ADDENDA, ...trailer(2, 1, 0)]));
    await importCodeFiles(db, [file]);
    const again = await importCodeFiles(db, [file]);
    expect(again.files[0]?.replaced).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM code_change').get()).toEqual({ n: 3 });
  });

  const bad: [string, string[], RegExp][] = [
    ['no summary of counts (cut short)', CODES_ADDENDA, /line \d: the file ends without its summary of counts/],
    ['counts that do not add up', [...CODES_ADDENDA, ...trailer(5, 1, 0)], /summary counts 5 additions but the file lists 2/],
    ['a Revise from without its Revise to', [cmCodesAddendaLine('revise-from', 'A000', 'Old'), cmCodesAddendaLine('add', 'A001', 'New'), ...trailer(1, 0, 1)], /line 2: expected Revise to: for A000/],
    ['a duplicate change', [...CODES_ADDENDA, CODES_ADDENDA[1] as string, ...trailer(3, 1, 0)], /line 4: the change for B8801 appears twice \(first on line 2\)/],
    ['a bad code', [cmCodesAddendaLine('add', 'b88-1', 'Lower case'), ...trailer(1, 0, 0)], /line 1: (expected an ICD-10-CM code|not a code-set file CodeDesk recognises)/],
  ];
  for (const [what, lines, message] of bad) {
    it(`rejects ${what}, naming file and line, and changes nothing`, async () => {
      const db = await dbWithYears();
      await importCodeFiles(db, [writeFile(tempDir(), 'icd10cm_codes_addenda_2026.txt', crlf([...CODES_ADDENDA, ...trailer(2, 1, 0)]))]);
      const before = { ...(snapshot(db) as object), changes: db.prepare('SELECT * FROM code_change ORDER BY seq').all() };
      const failure = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), 'icd10cm_codes_addenda_2026.txt', crlf(lines))]));
      expect(failure.code).toBe('IMPORT_FAILED');
      expect(failure.message).toMatch(message);
      expect({ ...(snapshot(db) as object), changes: db.prepare('SELECT * FROM code_change ORDER BY seq').all() }).toEqual(before);
    });
  }

  it('detects PCS order addenda without a flag column', async () => {
    const db = await dbWithYears();
    const lines = [pcsAddendaLine('add', '0016070', 'Bypass Cerebral Ventricle to Nasopharynx'), ...trailer(1, 0, 0)];
    const summary = await importCodeFiles(db, [writeFile(tempDir(), 'order_addenda_2026.txt', crlf(lines))]);
    expect(summary.files[0]).toMatchObject({ kind: 'icd10pcs-order-addenda', system: 'icd10pcs', label: 'FY2026' });
  });
});

describe('summariseChanges', () => {
  it('compares the code tables when no addenda are imported', async () => {
    const changes = summariseChanges(await dbWithYears(), { system: 'icd10cm', from: 'fy2025', to: 'FY2026' });
    expect(changes.basis).toBe('comparison of the FY2025 and FY2026 code tables');
    expect(changes.deleted).toEqual([{ code: 'B88.0', title: 'Other acariasis' }]);
    expect(changes.added.map((a) => a.code)).toEqual(['B88.01', 'B88.09']);
  });

  it('refuses an unknown label and a system with fewer than two versions, in plain words', async () => {
    const db = await dbWithYears();
    const unknown = failureOf(() => summariseChanges(db, { system: 'icd10cm', to: 'FY1999' }));
    expect([unknown.code, unknown.message]).toEqual(['BAD_INPUT', 'No ICD-10-CM version is labelled FY1999 (imported: FY2025, FY2026).']);
    expect(failureOf(() => summariseChanges(db, { system: 'hcpcs' })).message).toMatch(/Two HCPCS versions are needed/);
  });
});
