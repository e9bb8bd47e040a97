/**
 * The demo edit tables (resources/demo/edits) load through the official importers, cite their
 * own lines, never displace an official table, give way to one, and the checker says which
 * edits did not run or ran on the demo subset only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoCodes } from '../../../src/main/services/codesets/demo-codes';
import { loadDemoEditTables } from '../../../src/main/services/codesets/demo-edits';
import { checkClaim } from '../../../src/main/services/edits/check';
import { claimSchema, type ClaimInput } from '../../../src/shared/claim';
import { tempContentDb, tempDir, writeFile, writeOrderFile } from '../codesets/helpers';
import { importCodeFiles } from '../helpers/import-fixtures';
import { RESOURCES } from '../helpers/temp';
import { POA_LIST } from './fixtures';

const DEMO_EDITS = path.join(RESOURCES, 'demo', 'edits');
const DEMO_CODES = path.join(RESOURCES, 'demo', 'codes');

async function demoDb() {
  const db = tempContentDb();
  loadDemoCodes(db, DEMO_CODES);
  await loadDemoEditTables(db, DEMO_EDITS);
  return db;
}

const inpatient = (claim: Partial<ClaimInput>) =>
  claimSchema.parse({ setting: 'inpatient', dateOfService: '2026-08-04', patient: { age: 67, sex: 'M' }, diagnoses: [], procedures: [], ...claim });
const files = (db: ReturnType<typeof tempContentDb>) =>
  db.prepare('SELECT kind, variant, label, is_demo FROM edit_file ORDER BY kind, variant, is_demo').all();

describe('demo edit tables', () => {
  it('load every file through the official importers, marked demo, each naming its source in its header', async () => {
    const db = await demoDb();
    expect(files(db)).toEqual([
      { kind: 'aoc', variant: '', label: 'AOC 2026Q2, demo subset', is_demo: 1 },
      { kind: 'mce', variant: '', label: 'MCE v43.1, demo subset', is_demo: 1 },
      { kind: 'mue', variant: 'hospital', label: 'MUE outpatient hospital 2026-04-01, demo subset', is_demo: 1 },
      { kind: 'mue', variant: 'practitioner', label: 'MUE practitioner 2026-04-01, demo subset', is_demo: 1 },
      { kind: 'poa', variant: '', label: 'POA exempt FY2026, demo subset', is_demo: 1 },
    ]);
    for (const name of fs.readdirSync(DEMO_EDITS)) {
      const head = fs.readFileSync(path.join(DEMO_EDITS, name), 'latin1').split('\n').filter((l) => l.startsWith('#')).join('\n');
      expect(head, name).toMatch(/DEMO SUBSET/);
      expect(head, name).toMatch(/Source: .*(CMS|CDC\/NCHS).*\.(txt|csv|xlsx)\b/);
    }
  });

  it('a finding cites the demo file line that holds the row', async () => {
    const db = await demoDb();
    const [finding] = checkClaim(db, inpatient({ diagnoses: [{ code: 'O24.420', poa: 'Y' }, { code: 'A41.51', poa: 'Y' }] }));
    expect(finding!.edit).toBe('mce.age.maternity');
    const line = Number(/line (\d+)$/.exec(finding!.source)![1]);
    expect(finding!.source).toMatch(/^MCE-v43\.1-April-2026\.demo\.txt \(MCE v43\.1, demo subset\) line \d+$/);
    const text = fs.readFileSync(path.join(DEMO_EDITS, 'MCE-v43.1-April-2026.demo.txt'), 'latin1').split('\n');
    expect(text[line - 1]).toMatch(/^O24420\t/);
  });

  it('never replace an official table already imported, and an official import replaces them', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    writeFile(dir, 'POAexemptCodesFY26.txt', POA_LIST);
    await importCodeFiles(db, [dir]);
    loadDemoCodes(db, DEMO_CODES);
    await loadDemoEditTables(db, DEMO_EDITS);
    const poa = db.prepare("SELECT label, is_demo, row_count FROM edit_file WHERE kind = 'poa'").all();
    expect(poa).toEqual([{ label: 'POA exempt FY2026', is_demo: 0, row_count: 2 }]);
    // The official list (without Z79.4) applies, not the demo one.
    const ids = checkClaim(db, inpatient({ diagnoses: [{ code: 'A41.51', poa: 'Y' }, { code: 'Z79.4', poa: '1' }] })).map((f) => f.edit);
    expect(ids).toContain('poa.invalid');

    const later = await demoDb();
    await importCodeFiles(later, [dir]);
    expect(later.prepare("SELECT label, is_demo FROM edit_file WHERE kind = 'poa'").all()).toEqual([{ label: 'POA exempt FY2026', is_demo: 0 }]);
  });

  it('an official table of another year is preferred to the demo subset', async () => {
    const db = await demoDb();
    const dir = tempDir();
    writeFile(dir, 'POAexemptCodesFY25.txt', POA_LIST.replace('Order26', 'Order25'));
    await importCodeFiles(db, [dir]);
    const poa = checkClaim(db, inpatient({ diagnoses: [{ code: 'A41.51' }] })).find((f) => f.edit === 'poa.missing');
    expect(poa!.source).toContain('POAexemptCodesFY25.txt (POA exempt FY2025); none in force on 2026-08-04');
  });

  it('name the edits that did not run (no PTP table) on a demo professional claim', async () => {
    const db = await demoDb();
    const claim = claimSchema.parse({
      setting: 'professional', dateOfService: '2026-08-04', patient: { age: 67, sex: 'M' },
      diagnoses: [{ code: 'I10' }], procedures: [{ code: '99214' }, { code: '93000' }],
    });
    const notRun = checkClaim(db, claim).filter((f) => f.edit.startsWith('edits.'));
    expect(notRun).toEqual([
      { edit: 'edits.not-run', severity: 'note', codes: [], message: 'Not run: NCCI PTP (practitioner) edits (no table imported). Import the official files to run them.', source: 'no edit table imported' },
    ]);
  });

  it('say when official codes are checked against the demo subset only', async () => {
    const db = await demoDb();
    const dir = tempDir();
    writeOrderFile(dir, 'icd10cm_order_2026.txt', [['A41', 0, 'Other sepsis'], ['A415', 0, 'Sepsis due to other Gram-negative organisms'], ['A4151', 1, 'Sepsis due to Escherichia coli [E. coli]'], ['O80', 1, 'Encounter for full-term uncomplicated delivery']]);
    await importCodeFiles(db, [dir]);
    const found = checkClaim(db, inpatient({ diagnoses: [{ code: 'A41.51', poa: 'Y' }, { code: 'O80', poa: 'Y' }] }));
    expect(found.filter((f) => f.edit === 'edits.demo-subset').map((f) => f.message)).toEqual([
      'Run on the demo subset only: MCE, POA-exempt list edits (codes outside it are not checked). Import the official files.',
    ]);
  });

  it('reloading replaces the demo tables rather than adding to them', async () => {
    const db = await demoDb();
    const before = db.prepare('SELECT kind, variant, row_count FROM edit_file ORDER BY 1, 2').all();
    await loadDemoEditTables(db, DEMO_EDITS);
    expect(db.prepare('SELECT kind, variant, row_count FROM edit_file ORDER BY 1, 2').all()).toEqual(before);
  });

  it('a bad row in a demo file names the file and its line, and keeps nothing of that file', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    writeFile(dir, 'POAexemptCodesFY26.demo.txt', `# Source: test\n${POA_LIST.replace('B90.0', 'not a code')}`);
    await expect(loadDemoEditTables(db, dir)).rejects.toThrow('POAexemptCodesFY26.demo.txt line 3: the code column does not hold an ICD-10-CM code');
    expect(db.prepare('SELECT count(*) FROM edit_file').pluck().get()).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it('a demo edit file without its source header is refused with its name', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    writeFile(dir, 'POAexemptCodesFY26.demo.txt', POA_LIST);
    await expect(loadDemoEditTables(db, dir)).rejects.toThrow(/POAexemptCodesFY26\.demo\.txt.*# lines naming its source/);
    expect(db.prepare('SELECT count(*) FROM edit_file').pluck().get()).toBe(0);
  });
});
