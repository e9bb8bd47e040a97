import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { lookupCodes } from '../../../src/main/services/codesets/lookup';
import { CM_2025, CM_2026, failureOf, PCS_2026, tempContentDb, tempDir, writeOrderFile } from './helpers';

async function contentDb() {
  const db = tempContentDb();
  const dir = tempDir();
  await importCodeFiles(db, [
    writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025),
    writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026),
    writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026),
  ]);
  return db;
}

describe('lookupCodes', () => {
  it('finds codes written with or without the dot, in any case, keyed by the normalised code', async () => {
    const found = lookupCodes(await contentDb(), 'icd10cm', ['E11.65', 'e1122', 's72.001a']);
    expect([...found.keys()]).toEqual(['E1165', 'E1122', 'S72001A']);
    expect(found.get('E1165')).toEqual({
      code: 'E1165',
      display: 'E11.65',
      title: 'Type 2 diabetes mellitus with hyperglycemia',
      billable: true,
    });
  });

  it('maps unknown codes to null and reports headers as not billable', async () => {
    const found = lookupCodes(await contentDb(), 'icd10cm', ['Z99.99', 'E11', 'not a code', '']);
    expect(found.get('Z9999')).toBeNull();
    expect(found.get('NOTACODE')).toBeNull();
    expect(found.get('')).toBeNull();
    expect(found.get('E11')).toMatchObject({ billable: false, title: 'Type 2 diabetes mellitus' });
  });

  it('collapses the same code given twice', async () => {
    expect(lookupCodes(await contentDb(), 'icd10cm', ['E11.65', 'E1165']).size).toBe(1);
  });

  it('uses the version in force on the date', async () => {
    const db = await contentDb();
    expect(lookupCodes(db, 'icd10cm', ['B88.0', 'B88.01'], '2025-09-30')).toEqual(
      new Map([
        ['B880', { code: 'B880', display: 'B88.0', title: 'Other acariasis', billable: true }],
        ['B8801', null],
      ]),
    );
    const fy2026 = lookupCodes(db, 'icd10cm', ['B88.0', 'B88.01'], '2025-10-01');
    expect(fy2026.get('B880')?.billable).toBe(false);
    expect(fy2026.get('B8801')?.billable).toBe(true);
  });

  it('without a date uses the newest version', async () => {
    expect(lookupCodes(await contentDb(), 'icd10cm', ['B88.01']).get('B8801')).not.toBeNull();
  });

  it('looks up PCS codes', async () => {
    expect(lookupCodes(await contentDb(), 'icd10pcs', ['0sr9019']).get('0SR9019')?.billable).toBe(true);
  });

  it('throws NO_CODE_SET when no version is in force on the date, or none was imported', async () => {
    const db = await contentDb();
    const failure = failureOf(() => lookupCodes(db, 'icd10cm', ['E11.65'], '2026-11-01'));
    expect(failure.code).toBe('NO_CODE_SET');
    expect(failure.message).toBe('No ICD-10-CM code set is in force on 2026-11-01: import the FY2027 files.');
    expect(failureOf(() => lookupCodes(db, 'hcpcs', ['J1100'])).code).toBe('NO_CODE_SET');
  });
});
