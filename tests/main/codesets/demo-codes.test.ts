import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoCodes } from '../../../src/main/services/codesets/demo-codes';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { listVersions, requireVersion } from '../../../src/main/services/codesets/versions';
import { failureOf, snapshot, tempContentDb, tempDir, writeFile } from './helpers';

/** A demo folder as other helpers will write it under resources/demo/codes. */
function demoDir(): string {
  const dir = tempDir();
  writeFile(
    dir,
    'icd10cm-inpatient.tsv',
    [
      '# ICD-10-CM demo subset, inpatient charts',
      'E11\t0\tType 2 diabetes mellitus',
      'E1165\t1\tType 2 diabetes mellitus with hyperglycemia',
      '',
      'N179\t1\tAcute kidney failure, unspecified',
    ].join('\n') + '\n',
  );
  // The same code in two files is fine when the titles agree.
  writeFile(dir, 'icd10cm-outpatient.tsv', 'E1165\t1\tType 2 diabetes mellitus with hyperglycemia\r\nI10\t1\tEssential (primary) hypertension\r\n');
  writeFile(dir, 'icd10pcs-a.tsv', '0SR9019\t1\tReplacement of Right Hip Joint with Metal Synthetic Substitute, Cemented, Open Approach\n');
  writeFile(dir, 'hcpcs.tsv', 'J1100\t1\tInjection, dexamethasone sodium phosphate, 1 mg\n');
  writeFile(dir, 'README.md', 'not a tsv, ignored\n');
  return dir;
}

describe('loadDemoCodes', () => {
  it('loads one demo version per system, merging files of the same system', () => {
    const db = tempContentDb();
    expect(loadDemoCodes(db, demoDir())).toBe(6);
    const versions = listVersions(db);
    expect(versions.map((v) => [v.system, v.codeCount])).toEqual([
      ['hcpcs', 1],
      ['icd10cm', 4],
      ['icd10pcs', 1],
    ]);
    for (const v of versions) {
      expect(v).toMatchObject({ label: 'Demo subset', isDemo: true, effectiveFrom: '2000-01-01', effectiveTo: null });
    }
    expect(versions[1]?.source).toBe('demo files icd10cm-inpatient.tsv, icd10cm-outpatient.tsv');
  });

  it('makes the demo codes searchable and valid for any date', () => {
    const db = tempContentDb();
    loadDemoCodes(db, demoDir());
    expect(searchCodes(db, { query: 'e11.6', system: 'icd10cm', date: '2026-03-01', limit: 5 })).toEqual([
      { system: 'icd10cm', code: 'E11.65', title: 'Type 2 diabetes mellitus with hyperglycemia', billable: true },
    ]);
    expect(searchCodes(db, { query: 'dexameth', limit: 5 }).map((h) => [h.system, h.code])).toEqual([['hcpcs', 'J1100']]);
    const farFuture = requireVersion(db, 'icd10cm', '2031-01-01');
    expect(db.prepare('SELECT billable FROM codes WHERE version_id = ? AND code = ?').get(farFuture.id, 'E11')).toEqual({ billable: 0 });
  });

  it('reloading replaces the demo versions in place', () => {
    const db = tempContentDb();
    const dir = demoDir();
    loadDemoCodes(db, dir);
    const before = snapshot(db) as { versions: { id: number }[] };
    loadDemoCodes(db, dir);
    const after = snapshot(db) as { versions: { id: number }[] };
    expect(after.versions.map((v) => v.id)).toEqual(before.versions.map((v) => v.id));
    expect({ ...after, versions: null }).toEqual({ ...before, versions: null });
  });

  it.each([
    ['a conflicting title', 'icd10cm-zz.tsv', 'E1165\t1\tSomething else\n', 'icd10cm-zz.tsv line 1: code E1165 is also in icd10cm-inpatient.tsv line 3 with a different title or billable flag'],
    ['a bad billable flag', 'icd10cm-zz.tsv', '# note\nZ00\tyes\tEncounter\n', 'icd10cm-zz.tsv line 2: expected 1 (billable) or 0 (header) in the second column'],
    ['a malformed code', 'icd10pcs-zz.tsv', '0SI9019\t1\tNot a PCS code\n', 'icd10pcs-zz.tsv line 1: expected a valid ICD-10-PCS code in the first column'],
    ['an empty title', 'hcpcs-zz.tsv', 'J1200\t1\t \n', 'hcpcs-zz.tsv line 1: the title (third column) is empty'],
    ['a system file without codes', 'cpt-empty.tsv', '# CPT: licensed users import their own file\n\n', 'cpt-empty.tsv: no codes in the file (only comments or blank lines)'],
    ['an unknown system prefix', 'icd9-old.tsv', '250\t1\tDiabetes\n', 'icd9-old.tsv: the name must start with a code system (icd10cm, icd10pcs, hcpcs, cpt) before the first - or .'],
  ])('rejects %s and keeps the demo versions already loaded', (_what, name, text, message) => {
    const db = tempContentDb();
    const dir = demoDir();
    loadDemoCodes(db, dir);
    const before = snapshot(db);
    writeFile(dir, name, text);
    const failure = failureOf(() => loadDemoCodes(db, dir));
    expect(failure.code).toBe('IMPORT_FAILED');
    expect(failure.message).toBe(message);
    expect(snapshot(db)).toEqual(before);
  });

  it('rejects a missing folder and a folder without .tsv files', () => {
    const db = tempContentDb();
    const empty = tempDir();
    writeFile(empty, 'notes.txt', 'nothing\n');
    expect(failureOf(() => loadDemoCodes(db, empty)).message).toBe(
      `${path.basename(empty)}: the folder holds no demo code files (*.tsv)`,
    );
    expect(failureOf(() => loadDemoCodes(db, path.join(empty, 'missing'))).message).toBe('missing: no such folder');
    expect(listVersions(db)).toEqual([]);
  });
});
