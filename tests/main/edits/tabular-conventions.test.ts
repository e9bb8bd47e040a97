/**
 * Tabular List conventions as edits, against a small Tabular List XML in the official layout
 * imported with the tabular importer: Excludes1 (a category note covers its codes), a
 * manifestation code without its etiology, "code first" order, and the fallback year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { importCodeFiles } from '../helpers/import-fixtures';
import { writeFile } from '../codesets/helpers';
import { check, dropEditsDb, editsDb, ids, type Db } from './setup';

const TABULAR = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2026</version>
  <introduction><introSection type="title"><title>ICD-10-CM TABULAR LIST of DISEASES and INJURIES</title></introSection></introduction>
  <chapter>
    <name>4</name>
    <desc>Endocrine, nutritional and metabolic diseases (E00-E89)</desc>
    <sectionIndex><sectionRef first="E08" last="E13" id="E08-E13">Diabetes mellitus</sectionRef></sectionIndex>
    <section id="E08-E13">
      <desc>Diabetes mellitus (E08-E13)</desc>
      <diag>
        <name>E11</name>
        <desc>Type 2 diabetes mellitus</desc>
        <excludes1><note>type 1 diabetes mellitus (E10.-)</note></excludes1>
        <diag><name>E11.9</name><desc>Type 2 diabetes mellitus without complications</desc></diag>
        <diag><name>E11.40</name><desc>Type 2 diabetes mellitus with diabetic neuropathy, unspecified</desc></diag>
      </diag>
      <diag>
        <name>E10</name>
        <desc>Type 1 diabetes mellitus</desc>
        <diag><name>E10.9</name><desc>Type 1 diabetes mellitus without complications</desc></diag>
      </diag>
    </section>
  </chapter>
  <chapter>
    <name>6</name>
    <desc>Diseases of the nervous system (G00-G99)</desc>
    <sectionIndex><sectionRef first="G60" last="G65" id="G60-G65">Polyneuropathies</sectionRef></sectionIndex>
    <section id="G60-G65">
      <desc>Polyneuropathies and other disorders of the peripheral nervous system (G60-G65)</desc>
      <diag>
        <name>G63</name>
        <desc>Polyneuropathy in diseases classified elsewhere</desc>
        <codeFirst><note>underlying disease, such as: diabetes (E08-E13)</note></codeFirst>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>
`;

let db: Db;
beforeAll(async () => {
  db = await editsDb();
  const dir = path.join(path.dirname(db.name), 'tabular');
  await importCodeFiles(db, [writeFile(dir, 'icd10cm_tabular_2026.xml', TABULAR)]);
});
afterAll(() => dropEditsDb(db));

const out = (codes: string[]) => check(db, { setting: 'outpatient', diagnoses: codes.map((code) => ({ code })) });

describe('Tabular List conventions', () => {
  it('Excludes1 written on a category covers its codes, and names the note', () => {
    const f = out(['E11.9', 'E10.9']);
    expect(ids(f)).toEqual(['tabular.excludes1 E11.9,E10.9']);
    expect(f[0]!.source).toBe('ICD-10-CM Tabular List FY2026, excludes1 note at E11');
  });

  it('a manifestation code needs its etiology, listed first', () => {
    expect(ids(out(['I10', 'G63']))).toEqual(['tabular.manifestation-etiology G63']);
    expect(ids(out(['G63', 'E11.40']))).toEqual(['tabular.code-first G63,E11.40']);
    expect(out(['E11.40', 'G63'])).toEqual([]);
  });

  it("a pro-fee line's first pointer may not be a manifestation code, whatever the claim's order", () => {
    const line = (pointers: string[]) => check(db, { setting: 'professional', diagnoses: [{ code: 'E11.40' }, { code: 'G63' }], procedures: [{ code: '99213', pointers }] });
    const f = line(['B', 'A']);
    expect(ids(f)).toEqual(['px.pointer-manifestation-first 99213,G63']);
    expect(f[0]!.source).toBe('ICD-10-CM Tabular List FY2026');
    expect(line(['A', 'B'])).toEqual([]);
  });

  it('no notes, no findings: a clean pair', () => {
    expect(out(['E11.9', 'I10'])).toEqual([]);
  });
});
