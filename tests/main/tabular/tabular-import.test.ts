/**
 * Importing a Tabular List file: detection, the stored release, inclusion terms as entry
 * points, re-import, and bad or interrupted imports leaving the previous release intact.
 */
import { describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../helpers/import-fixtures';
import { fileSource } from '../../../src/main/services/codesets/importers/plan';
import { importerFor } from '../../../src/main/services/codesets/importers/registry';
import { tabularImporter } from '../../../src/main/services/codesets/importers/tabular/tabular-importer';
import { failureOfAsync, tempContentDb, tempDir, writeFile } from '../codesets/helpers';
import { FIXTURE_DIAGS, TABULAR_XML, writeTabular } from './fixture';

function tabularSnapshot(db: ContentDb): unknown {
  return {
    releases: db.prepare('SELECT id, fiscal_year, label, file, sha256, node_count, note_count FROM tabular_release ORDER BY id').all(),
    nodes: db.prepare('SELECT count(*) AS n, sum(id) AS ids FROM tabular_node').get(),
    notes: db.prepare('SELECT count(*) AS n, sum(id) AS ids FROM tabular_note').get(),
    sevenths: db.prepare('SELECT count(*) AS n FROM tabular_seventh').get(),
    sources: db.prepare('SELECT id, kind, system, label FROM entry_source ORDER BY id').all(),
    entries: db.prepare('SELECT count(*) AS n, sum(id) AS ids FROM entry_point').get(),
  };
}

async function dbWith2021(): Promise<ContentDb> {
  const db = tempContentDb();
  await importCodeFiles(db, [writeTabular(tempDir())]);
  return db;
}

describe('the Tabular List importer', () => {
  it('is picked by its root element, not by its name', () => {
    expect(importerFor({ name: 'anything.xml', head: TABULAR_XML.slice(0, 4096) })).toBe(tabularImporter);
    expect(importerFor({ name: 'x.xml', head: '\n<!-- comment -->\n<ICD10CM.tabular>\n' })).toBe(tabularImporter);
    expect(importerFor({ name: 'icd10cm_tabular_2021.xml', head: '<?xml version="1.0"?><ICD10CM.index>' })).not.toBe(tabularImporter);
    expect(importerFor({ name: 'icd10cm_tabular_2021.xml', head: '<?xml version="1.0"?><root><ICD10CM.tabular>' })).not.toBe(tabularImporter);
  });

  it('stores the release with its nodes, notes, 7th characters and a summary', async () => {
    const db = tempContentDb();
    const file = writeTabular(tempDir());
    const summary = await importCodeFiles(db, [file]);
    expect(summary.files).toEqual([{ path: file, kind: 'icd10cm-tabular', system: 'icd10cm', label: 'FY2021', codes: FIXTURE_DIAGS, replaced: false, verified: false, release: null }]);
    expect(db.prepare('SELECT fiscal_year, label, file, length(sha256) AS sha, node_count FROM tabular_release').all()).toEqual([
      { fiscal_year: 2021, label: 'FY2021', file: 'icd10cm_tabular_2021.xml', sha: 64, node_count: FIXTURE_DIAGS },
    ]);
    const node = db.prepare("SELECT level, code, title FROM tabular_node WHERE node_key = 'E1165'").get();
    expect(node).toEqual({ level: 'code', code: 'E11.65', title: 'Type 2 diabetes mellitus with hyperglycemia' });
    const refs = db.prepare("SELECT refs FROM tabular_note WHERE text LIKE 'hypertensive%'").get() as { refs: string };
    expect(JSON.parse(refs.refs)).toEqual(['I10-I1A']);
    expect(db.prepare('SELECT char, title FROM tabular_seventh ORDER BY seq').all()).toHaveLength(3);
  });

  it('turns inclusion terms into entry points for search', async () => {
    const db = await dbWith2021();
    expect(db.prepare('SELECT kind, system, label FROM entry_source').all()).toEqual([
      { kind: 'inclusion', system: 'icd10cm', label: 'Tabular List FY2021' },
    ]);
    expect(db.prepare('SELECT term, code, path FROM entry_point ORDER BY id').all()).toEqual([
      { term: 'Classical cholera', code: 'A000', path: 'A00.0 inclusion term' },
      { term: 'Type 2 diabetes mellitus with diabetic neuralgia', code: 'E1142', path: 'E11.42 inclusion term' },
      { term: 'Type 2 diabetes mellitus with poorly controlled', code: 'E1165', path: 'E11.65 inclusion term' },
      { term: 'Type 2 diabetes mellitus with out of control', code: 'E1165', path: 'E11.65 inclusion term' },
    ]);
  });

  it('replaces the same fiscal year on re-import and keeps other years', async () => {
    const db = await dbWith2021();
    await importCodeFiles(db, [writeTabular(tempDir(), 'icd10cm_tabular_2022.xml', TABULAR_XML.replace('<version>2021</version>', '<version>2022</version>'))]);
    const changed = TABULAR_XML.replace('Type 2 diabetes mellitus with hyperglycemia', 'Type 2 diabetes mellitus with hyperglycaemia');
    const again = await importCodeFiles(db, [writeTabular(tempDir(), 'icd10cm_tabular_2021.xml', changed)]);
    expect(again.files[0]?.replaced).toBe(true);
    expect(db.prepare('SELECT fiscal_year FROM tabular_release ORDER BY fiscal_year').all()).toEqual([{ fiscal_year: 2021 }, { fiscal_year: 2022 }]);
    expect(db.prepare("SELECT count(*) AS n FROM tabular_node WHERE node_key = 'E1165'").get()).toEqual({ n: 2 });
    expect(db.prepare("SELECT title FROM tabular_node n JOIN tabular_release r ON r.id = n.release_id WHERE fiscal_year = 2021 AND node_key = 'E1165'").get()).toEqual({
      title: 'Type 2 diabetes mellitus with hyperglycaemia',
    });
    expect(db.prepare('SELECT label FROM entry_source ORDER BY label').all()).toEqual([{ label: 'Tabular List FY2021' }, { label: 'Tabular List FY2022' }]);
    expect(db.prepare('SELECT count(*) AS n FROM entry_point').get()).toEqual({ n: 8 });
  });

  it('takes the fiscal year from the file name when <version> is missing', async () => {
    const db = tempContentDb();
    const summary = await importCodeFiles(db, [writeTabular(tempDir(), 'icd10cm_tabular_2024.xml', TABULAR_XML.replace('<version>2021</version>', ''))]);
    expect(summary.files[0]?.label).toBe('FY2024');
  });

  it('reports progress, ending at its total', async () => {
    const db = tempContentDb();
    const seen: [number, number][] = [];
    // The importer's own figures (before them: the check and the file's start, without a total).
    await importCodeFiles(db, [writeTabular(tempDir())], (p) => p.totalLines > 0 && seen.push([p.line, p.totalLines]));
    const last = seen[seen.length - 1]!;
    const lines = TABULAR_XML.split('\n').length;
    expect(last).toEqual([lines, lines]);
    // One total throughout, and never going backwards.
    expect(new Set(seen.map(([, total]) => total))).toEqual(new Set([lines]));
    expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1]![0])).toBe(true);
  });
});

describe('bad or interrupted imports leave the previous release intact', () => {
  async function rejects(xml: string, name = 'icd10cm_tabular_2021.xml') {
    const db = await dbWith2021();
    const before = tabularSnapshot(db);
    const failure = await failureOfAsync(() => importCodeFiles(db, [writeFile(tempDir(), name, xml)]));
    expect(failure.code).toBe('IMPORT_FAILED');
    expect(tabularSnapshot(db)).toEqual(before);
    return failure;
  }

  it('a truncated file', async () => {
    expect((await rejects(TABULAR_XML.slice(0, 3000))).message).toMatch(/not well-formed XML/);
  });

  it('a duplicate code', async () => {
    expect((await rejects(TABULAR_XML.replace('<name>E11.9</name>', '<name>E11.65</name>'))).message).toMatch(/E11\.65 appears twice/);
  });

  it('a DOCTYPE', async () => {
    expect((await rejects(TABULAR_XML.replace('<ICD10CM.tabular>', '<!DOCTYPE ICD10CM.tabular>\n<ICD10CM.tabular>'))).message).toMatch(/DOCTYPE/);
  });

  it('a file without a fiscal year', async () => {
    expect((await rejects(TABULAR_XML.replace('<version>2021</version>', ''), 'tabular.xml')).message).toMatch(/no fiscal year/);
  });

  it('a file whose name says tabular but whose root says otherwise is not imported as one', async () => {
    const failure = await rejects(TABULAR_XML.replace(/ICD10CM\.tabular/g, 'ICD10CM.somethingElse'));
    expect(failure.message).toMatch(/not a code-set file CodeDesk recognises/);
  });

  it('an import killed midway through writing', async () => {
    const db = await dbWith2021();
    const before = tabularSnapshot(db);
    const file = writeTabular(tempDir(), 'icd10cm_tabular_2021.xml', TABULAR_XML.replace('hyperglycemia', 'hyperglycaemia'));
    let calls = 0;
    const progress = (done: number, total: number) => {
      calls += 1;
      // The last call comes from inside the write transaction, after every row is inserted.
      if (done === total) throw new Error('killed');
    };
    expect(() => tabularImporter.run({ db, progress }, fileSource(file))).toThrow('killed');
    expect(calls).toBeGreaterThan(0);
    expect(tabularSnapshot(db)).toEqual(before);
    expect(db.prepare("SELECT title FROM tabular_node WHERE node_key = 'E1165'").get()).toEqual({ title: 'Type 2 diabetes mellitus with hyperglycemia' });
  });
});
