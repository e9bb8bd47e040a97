import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { pcsDefinitionsImporter } from '../../../src/main/services/codesets/importers/pcs/definitions';
import { pcsIndexImporter } from '../../../src/main/services/codesets/importers/pcs/index-file';
import { definitionsXml, indexXml } from './fixtures';
import { count, failureOfAsync, importText, pcsSnapshot, tempContentDb, tempDir, writeFile } from './helpers';

const entryPoints = (db: ReturnType<typeof tempContentDb>) =>
  db
    .prepare(
      `SELECT p.term, p.code, p.path FROM entry_point p JOIN entry_source s ON s.id = p.source_id
       WHERE s.kind = 'index' AND s.system = 'icd10pcs' ORDER BY p.id`,
    )
    .all();

describe('ICD-10-PCS index import', () => {
  it('writes an entry point for every term that leads to a code, partial code or table', async () => {
    const db = tempContentDb();
    const summary = await importText(db, 'icd10pcs_index_2025.xml', indexXml());
    expect(summary.files).toEqual([expect.objectContaining({ kind: 'icd10pcs-index', system: 'icd10pcs', label: 'FY2025', codes: 10 })]);
    expect(entryPoints(db)).toEqual([
      { term: 'Activa PC neurostimulator', code: '0JH', path: 'Activa PC neurostimulator > use Stimulator Generator, Multiple Array in 0JH' },
      { term: 'Appendectomy', code: '0DBJ', path: 'Appendectomy > see Excision, Appendix' },
      { term: 'Appendectomy', code: '0DTJ', path: 'Appendectomy > see Resection, Appendix' },
      { term: 'Esophagectomy', code: '0DT', path: 'Esophagectomy > see Resection, Gastrointestinal System' },
      { term: 'Excision, Appendix', code: '0DBJ', path: 'Excision > Appendix' },
      { term: 'Excision, Appendix, Diagnostic, open', code: '0DBJ0ZX', path: 'Excision > Appendix > Diagnostic, open' },
    ]);
    expect(db.prepare("SELECT label, file FROM entry_source WHERE system = 'icd10pcs'").get()).toEqual({
      label: 'FY2025',
      file: 'icd10pcs_index_2025.xml',
    });
  });

  it('keeps the whole term tree, with use and see, for the UI', async () => {
    const db = tempContentDb();
    await importText(db, 'icd10pcs_index_2025.xml', indexXml());
    const terms = db.prepare('SELECT seq, parent_seq, level, title, code, code_kind, see, use FROM pcs_index_term ORDER BY seq').all();
    expect(terms).toEqual([
      { seq: 1, parent_seq: null, level: 0, title: 'Abdominal cavity', code: null, code_kind: null, see: null, use: 'Peritoneal Cavity' },
      { seq: 2, parent_seq: null, level: 0, title: 'Activa PC neurostimulator', code: '0JH', code_kind: 'tab', see: null, use: 'Stimulator Generator, Multiple Array in' },
      { seq: 3, parent_seq: null, level: 0, title: 'Appendectomy', code: null, code_kind: null, see: null, use: null },
      { seq: 4, parent_seq: 3, level: 1, title: null, code: '0DBJ', code_kind: 'codes', see: 'Excision, Appendix', use: null },
      { seq: 5, parent_seq: 3, level: 1, title: null, code: '0DTJ', code_kind: 'codes', see: 'Resection, Appendix', use: null },
      { seq: 6, parent_seq: null, level: 0, title: 'Esophagectomy', code: '0DT', code_kind: 'tab', see: 'Resection, Gastrointestinal System', use: null },
      { seq: 7, parent_seq: null, level: 0, title: 'Excision', code: null, code_kind: null, see: null, use: null },
      { seq: 8, parent_seq: 7, level: 1, title: 'Appendix', code: '0DBJ', code_kind: 'codes', see: null, use: null },
      { seq: 9, parent_seq: 8, level: 2, title: 'Diagnostic, open', code: '0DBJ0ZX', code_kind: 'code', see: null, use: null },
      { seq: 10, parent_seq: 7, level: 1, title: null, code: null, code_kind: null, see: 'Destruction', use: null },
    ]);
  });

  it('re-importing replaces the year, entry points included; other systems’ entry points stay', async () => {
    const db = tempContentDb();
    db.prepare("INSERT INTO entry_source (kind, system, label, file, sha256, imported_at) VALUES ('index', 'icd10cm', 'FY2025', 'x', 'y', 'z')").run();
    await importText(db, 'icd10pcs_index_2025.xml', indexXml());
    const again = await importText(db, 'icd10pcs_index_2025.xml', indexXml());
    expect(again.files[0]?.replaced).toBe(true);
    expect(entryPoints(db)).toHaveLength(6);
    expect(count(db, 'pcs_index_term')).toBe(10);
    expect(count(db, 'entry_source')).toBe(2);
  });

  it('is detected by its root element', () => {
    expect(pcsIndexImporter.detect({ name: 'a.xml', head: indexXml() })).toBe(true);
    expect(pcsIndexImporter.detect({ name: 'a.xml', head: '<?xml version="1.0"?>\n<ICD10CM.index>' })).toBe(false);
    expect(pcsIndexImporter.detect({ name: 'a.xml', head: definitionsXml() })).toBe(false);
  });

  const bad: [string, string, RegExp][] = [
    ['a code with I in it', indexXml().replace('<code>0DBJ0ZX</code>', '<code>0DBJIZX</code>'), /line \d+: an index <code> is not 7 PCS characters/],
    ['a table of 4 characters', indexXml().replace('<tab>0DT</tab>', '<tab>0DTJ</tab>'), /an index <tab> is not 3 PCS characters/],
    ['a main term without a title', indexXml().replace('<title>Excision</title>', ''), /a main term has no title/],
    ['truncated', indexXml().slice(0, 900), /not well-formed XML/],
    ['a DOCTYPE', indexXml().replace('<ICD10PCS.index>', '<!DOCTYPE i SYSTEM "file:///etc/passwd">\n<ICD10PCS.index>'), /DOCTYPE/],
    ['no main terms', indexXml().replace(/<letter>[\s\S]*<\/letter>/, ''), /holds no <mainTerm>/],
  ];
  for (const [what, text, reason] of bad) {
    it(`${what}: a clear error, and the earlier import (entry points too) is untouched`, async () => {
      const db = tempContentDb();
      await importText(db, 'icd10pcs_index_2025.xml', indexXml());
      const before = pcsSnapshot(db);
      const f = await failureOfAsync(() => importText(db, 'icd10pcs_index_2025.xml', text));
      expect(f.code).toBe('IMPORT_FAILED');
      expect(f.message).toMatch(/^icd10pcs_index_2025\.xml/);
      expect(f.message).toMatch(reason);
      expect(pcsSnapshot(db)).toEqual(before);
    });
  }

  it('killed midway leaves nothing behind', async () => {
    const db = tempContentDb();
    const file = writeFile(tempDir(), 'icd10pcs_index_2025.xml', indexXml());
    await expect(
      importCodeFiles(db, [file], (p) => {
        if (p.line === 3) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(count(db, 'pcs_source') + count(db, 'pcs_index_term') + count(db, 'entry_source') + count(db, 'entry_point')).toBe(0);
  });
});

describe('ICD-10-PCS definitions import', () => {
  it('stores each term per section, axis and title (a term with two titles twice), and the device aggregation', async () => {
    const db = tempContentDb();
    const summary = await importText(db, 'icd10pcs_definitions_2026.xml', definitionsXml());
    expect(summary.files).toEqual([expect.objectContaining({ kind: 'icd10pcs-definitions', label: 'FY2026', codes: 5 })]);
    const rows = db.prepare('SELECT section, pos, axis_title, title, definition, explanation, includes FROM pcs_definition ORDER BY pos, title').all();
    expect(rows).toEqual([
      {
        section: '0',
        pos: 3,
        axis_title: 'Operation',
        title: 'Excision',
        definition: 'Cutting out or off, without replacement, a portion of a body part',
        explanation: 'The qualifier DIAGNOSTIC is used to identify excision procedures that are biopsies',
        includes: '["Partial nephrectomy, liver biopsy"]',
      },
      { section: '0', pos: 4, axis_title: 'Body Part', title: 'Appendix', definition: null, explanation: null, includes: '["Vermiform appendix"]' },
      {
        section: '0',
        pos: 4,
        axis_title: 'Body Part',
        title: 'Esophagus, Middle',
        definition: null,
        explanation: null,
        includes: '["Cervical esophagus","Thoracic esophagus"]',
      },
      {
        section: '0',
        pos: 4,
        axis_title: 'Body Part',
        title: 'Esophagus, Upper',
        definition: null,
        explanation: null,
        includes: '["Cervical esophagus","Thoracic esophagus"]',
      },
      expect.objectContaining({ pos: 5, title: 'Percutaneous Endoscopic' }),
    ]);
    expect(db.prepare('SELECT device, operation, body_systems, parent_value, parent_label FROM pcs_device_aggregation').all()).toEqual([
      {
        device: 'Autologous Arterial Tissue',
        operation: 'All applicable',
        body_systems: '["Heart and Great Vessels","Lower Arteries"]',
        parent_value: '7',
        parent_label: 'Autologous Tissue Substitute',
      },
    ]);
  });

  it('a mislabeled file goes by its content: definitions named like a tables file import as definitions', async () => {
    const db = tempContentDb();
    const summary = await importText(db, 'icd10pcs_tables_2026.xml', definitionsXml());
    expect(summary.files[0]?.kind).toBe('icd10pcs-definitions');
    expect(count(db, 'pcs_table')).toBe(0);
  });

  it('is detected by its root element', () => {
    expect(pcsDefinitionsImporter.detect({ name: 'd.xml', head: definitionsXml() })).toBe(true);
    expect(pcsDefinitionsImporter.detect({ name: 'd.xml', head: indexXml() })).toBe(false);
  });

  const bad: [string, string, RegExp][] = [
    ['a section code that is not a PCS character', definitionsXml().replace('<section code="0">', '<section code="O">'), /section code is not one PCS character/],
    [
      'the same term twice',
      definitionsXml().replace('<title>Appendix</title>', '<title>Appendix</title><title>APPENDIX</title>'),
      /section 0 axis 4 defines the same term twice/,
    ],
    ['an axis position outside 1-7', definitionsXml().replace('<axis pos="5">', '<axis pos="9">'), /position outside 1-7/],
    ['a device aggregation without a parent value', definitionsXml().replace('<parent value="7">', '<parent>'), /device aggregation row needs/],
    ['the wrong root', definitionsXml().replace(/ICD10PCS\.definitions/g, 'ICD10PCS.definitionz'), /not a code-set file CodeDesk recognises/],
    ['truncated', definitionsXml().slice(0, 1500), /not well-formed XML/],
  ];
  for (const [what, text, reason] of bad) {
    it(`${what}: a clear error and nothing changes`, async () => {
      const db = tempContentDb();
      await importText(db, 'icd10pcs_definitions_2026.xml', definitionsXml());
      const before = pcsSnapshot(db);
      const f = await failureOfAsync(() => importText(db, 'icd10pcs_definitions_2026.xml', text));
      expect(f.message).toMatch(/^icd10pcs_definitions_2026\.xml/);
      expect(f.message).toMatch(reason);
      expect(pcsSnapshot(db)).toEqual(before);
    });
  }
});
