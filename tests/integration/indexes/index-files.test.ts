/**
 * The real April 2026 ICD-10-CM Drug, Neoplasm and External Cause XML from
 * ../shared/data/codesets (never copied into the repo): counts against the data README, entry
 * points, and table search answers a coder would check by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb, type ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { searchIndexTable } from '../../../src/main/services/codesets/alphabetic-index/table-search';
import type { ImportSummary } from '../../../src/shared/contract';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const ICD10CM = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets', 'icd10cm');
const FILES = {
  drug: path.join(ICD10CM, 'icd10cm-drug-April-1-2026-XML.xml'),
  neoplasm: path.join(ICD10CM, 'icd10cm-neoplasm-April-1-2026-XML.xml'),
  eindex: path.join(ICD10CM, 'icd10cm-eindex-April-1-2026-XML.xml'),
} as const;

let dir: string | undefined;
let db: ContentDb | undefined;
let summary: ImportSummary | undefined;

// Missing data fails every test loudly (never skips).
beforeAll(async () => {
  for (const file of Object.values(FILES)) {
    if (!fs.existsSync(file)) throw new Error(`Official index file missing: expected ${file}`);
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-index-files-'));
  db = openContentDb(path.join(dir, 'content.db'));
  summary = await importCodeFiles(db, Object.values(FILES));
}, 120_000);

afterAll(() => {
  if (db) closeContentDb(db);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const content = () => {
  if (!db) throw new Error('the import did not run');
  return db;
};
const count = (sql: string, ...params: unknown[]) => (content().prepare(sql).get(...params) as { n: number }).n;
const release = (kind: string) => content().prepare('SELECT * FROM index_release WHERE kind = ?').get(kind) as { id: number; label: string; term_count: number; code_count: number };

/** Cell elements in the raw file: all of them, and those holding a code. */
function rawCells(file: string): { all: number; coded: number } {
  const cells = [...fs.readFileSync(file, 'utf8').matchAll(/<cell col="\d">([^<]*)<\/cell>/g)].map((m) => m[1]!.trim());
  return { all: cells.length, coded: cells.filter((c) => c !== '-' && c !== '--').length };
}

describe('import of the April 2026 index files', () => {
  it('imports all three as FY2026 (April) releases', () => {
    expect(summary!.files.map((f) => [f.kind, f.label])).toEqual([
      ['icd10cm-drug', 'FY2026 (April)'],
      ['icd10cm-neoplasm', 'FY2026 (April)'],
      ['icd10cm-eindex', 'FY2026 (April)'],
    ]);
  });

  it('drug table: 5,179 main terms, 43,224 cells (README), one entry point per coded cell', () => {
    const r = release('drug');
    expect(count('SELECT count(*) AS n FROM index_term WHERE release_id = ? AND level = 0', r.id)).toBe(5179);
    const cells = rawCells(FILES.drug);
    expect(cells.all).toBe(43_224);
    expect(r.code_count).toBe(cells.coded);
    expect(count('SELECT count(*) AS n FROM entry_point e JOIN entry_source s ON s.id = e.source_id WHERE s.label = ?', 'Table of Drugs and Chemicals FY2026 (April)')).toBe(cells.coded);
  });

  it('neoplasm table: 1,939 subterms under one main term, 10,922 cells (README)', () => {
    const r = release('neoplasm');
    expect(count('SELECT count(*) AS n FROM index_term WHERE release_id = ? AND level > 0', r.id)).toBe(1939);
    expect(r.term_count).toBe(1940);
    const cells = rawCells(FILES.neoplasm);
    expect(cells.all).toBe(10_922);
    expect(r.code_count).toBe(cells.coded);
  });

  it('external cause index: 314 main terms, 7,776 subterms, 6,671 codes (README) plus 15 subcat/seecat references', () => {
    const r = release('eindex');
    expect(count('SELECT count(*) AS n FROM index_term WHERE release_id = ? AND level = 0', r.id)).toBe(314);
    expect(count('SELECT count(*) AS n FROM index_term WHERE release_id = ? AND level > 0', r.id)).toBe(7776);
    expect(count('SELECT count(*) AS n FROM index_term WHERE release_id = ? AND code IS NOT NULL', r.id)).toBe(6671);
    expect(r.code_count).toBe(6671 + 15);
    const entry = content()
      .prepare("SELECT term, code, path FROM entry_point WHERE path = 'Accident (to) > barefoot water skier'")
      .get();
    expect(entry).toEqual({ term: 'accident to barefoot water skier', code: 'V944', path: 'Accident (to) > barefoot water skier' });
  });
});

describe('table search on the real tables', () => {
  it('"aspirin": the Aspirin main term first, T39.011 in the accidental-poisoning column', () => {
    const result = searchIndexTable(content(), { table: 'drug', query: 'aspirin', limit: 50 });
    expect(result.columns[0]).toBe('Poisoning Accidental (unintentional)');
    expect(result.rows[0]).toEqual({
      path: ['Aspirin (aluminum) (soluble)'],
      cells: ['T39.011', 'T39.012', 'T39.013', 'T39.014', 'T39.015', 'T39.016'],
    });
    expect(result.source).toBe('ICD-10-CM Table of Drugs and Chemicals FY2026 (April)');
  });

  it('"lung": the lung entry first, C34.9- primary and C78.0- secondary (as the table writes them)', () => {
    const result = searchIndexTable(content(), { table: 'neoplasm', query: 'lung', limit: 50 });
    expect(result.columns.slice(0, 2)).toEqual(['Malignant Primary', 'Malignant Secondary']);
    expect(result.rows[0]!.path).toEqual(['Neoplasm, neoplastic', 'lung']);
    expect(result.rows[0]!.cells.slice(0, 2)).toEqual(['C34.9-', 'C78.0-']);
    // Other terms naming the lung come next (shortest first), then the subterms under them.
    expect(result.rows[1]!.path).toEqual(['Neoplasm, neoplastic', 'lingula, lung']);
    const firstSubterm = result.rows.findIndex((r) => r.path.length === 3);
    expect(result.rows.slice(firstSubterm).every((r) => r.path.length >= 3)).toBe(true);
    expect(result.rows.some((r) => r.path[1] === 'lung' && r.path[2] === 'azygos lobe')).toBe(true);
  });

  it('word prefixes in any order reach a subterm', () => {
    const result = searchIndexTable(content(), { table: 'neoplasm', query: 'lobe low bronch', limit: 5 });
    expect(result.rows[0]!.path).toEqual(['Neoplasm, neoplastic', 'bronchus', 'lower lobe of lung']);
    expect(result.rows[0]!.cells[0]).toBe('C34.3-');
  });
});
