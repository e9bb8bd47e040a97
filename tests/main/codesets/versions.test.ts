import { describe, expect, it } from 'vitest';
import { loadDemoCodes } from '../../../src/main/services/codesets/demo-codes';
import { importCodeFiles } from '../helpers/import-fixtures';
import { fiscalYearOf, listVersions, requireVersion, versionFor } from '../../../src/main/services/codesets/versions';
import { CM_2025, CM_2026, failureOf, failureOfAsync, PCS_2026, tempContentDb, tempDir, writeFile, writeOrderFile } from './helpers';

async function twoYears() {
  const db = tempContentDb();
  const dir = tempDir();
  await importCodeFiles(db, [
    writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026),
    writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025),
    writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026),
  ]);
  return db;
}

function withDemo(db = tempContentDb()) {
  const dir = tempDir();
  writeFile(dir, 'icd10cm-demo.tsv', 'E1165\t1\tType 2 diabetes mellitus with hyperglycemia\n');
  loadDemoCodes(db, dir);
  return db;
}

describe('listVersions', () => {
  it('lists every version by system, official before demo, newest first', async () => {
    const db = withDemo(await twoYears());
    expect(listVersions(db).map((v) => [v.system, v.label, v.isDemo])).toEqual([
      ['icd10cm', 'FY2026', false],
      ['icd10cm', 'FY2025', false],
      ['icd10cm', 'Demo subset', true],
      ['icd10pcs', 'FY2026', false],
    ]);
  });

  it('is empty for a new database', () => {
    expect(listVersions(tempContentDb())).toEqual([]);
  });
});

describe('versionFor', () => {
  it('picks the version in force on the date, switching on 1 October', async () => {
    const db = await twoYears();
    expect(versionFor(db, 'icd10cm', '2024-10-01')?.label).toBe('FY2025');
    expect(versionFor(db, 'icd10cm', '2025-09-30')?.label).toBe('FY2025');
    expect(versionFor(db, 'icd10cm', '2025-10-01')?.label).toBe('FY2026');
    expect(versionFor(db, 'icd10cm', '2026-09-30')?.label).toBe('FY2026');
    expect(versionFor(db, 'icd10cm', '2026-10-01')).toBeNull();
    expect(versionFor(db, 'icd10pcs', '2025-06-01')).toBeNull();
  });

  it('without a date picks the newest official version', async () => {
    expect(versionFor(await twoYears(), 'icd10cm')?.label).toBe('FY2026');
  });

  it('falls back to the demo subset when no official version applies, and prefers official ones', async () => {
    const db = withDemo(await twoYears());
    expect(versionFor(db, 'icd10cm', '2030-01-01')).toMatchObject({ label: 'Demo subset', isDemo: true });
    expect(versionFor(db, 'icd10cm', '2025-12-01')?.label).toBe('FY2026');
    expect(versionFor(withDemo(), 'icd10cm')?.label).toBe('Demo subset');
  });

  it('returns null for a system with nothing imported', async () => {
    expect(versionFor(await twoYears(), 'hcpcs')).toBeNull();
    expect(versionFor(await twoYears(), 'hcpcs', '2026-01-01')).toBeNull();
  });

  it('rejects a date that is not a real YYYY-MM-DD date', async () => {
    const db = await twoYears();
    for (const bad of ['2026-13-01', '2026-02-30', '01/10/2026', '2026-1-1', '']) {
      expect(failureOf(() => versionFor(db, 'icd10cm', bad)).code).toBe('BAD_INPUT');
    }
  });
});

describe('requireVersion', () => {
  it('tells the coder which fiscal year to import when none is in force', async () => {
    const failure = await failureOfAsync(async () => requireVersion(await twoYears(), 'icd10cm', '2026-11-01'));
    expect(failure.code).toBe('NO_CODE_SET');
    expect(failure.message).toBe('No ICD-10-CM code set is in force on 2026-11-01: import the FY2027 files.');
    expect(failure.detail).toEqual({ system: 'icd10cm', date: '2026-11-01' });
  });

  it('says so when nothing was imported for the system', () => {
    const failure = failureOf(() => requireVersion(tempContentDb(), 'icd10pcs'));
    expect(failure.code).toBe('NO_CODE_SET');
    expect(failure.message).toBe('No ICD-10-PCS code set has been imported yet: import the code files first.');
  });

  it('returns the version when there is one', async () => {
    expect(requireVersion(await twoYears(), 'icd10cm', '2025-01-15').label).toBe('FY2025');
  });
});

describe('fiscalYearOf', () => {
  it('names the fiscal year after the year it ends in', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2025);
    expect(fiscalYearOf('2025-10-01')).toBe(2026);
    expect(fiscalYearOf('2026-12-31')).toBe(2027);
  });
});
