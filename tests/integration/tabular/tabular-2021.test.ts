/**
 * The real FY2021 Tabular List XML and the FY2026 order file from ../shared/data/codesets
 * (never copied into the repo): counts, inherited notes, 7th characters, and notes for a
 * 2026 date coming from the FY2021 release, marked as a fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browseTabular } from '../../../src/main/services/codesets/tabular/browse';
import { codesInRef, notesForCodes } from '../../../src/main/services/codesets/tabular/notes';
import { showCode } from '../../../src/main/services/codesets/tabular/show';
import { importedOnce } from '../imported-once';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const CODESETS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets');
const TABULAR = path.join(CODESETS, 'icd10cm', 'fy2021', 'icd10cm_tabular_2021.xml');
const ORDER_2026 = path.join(CODESETS, 'icd10cm', 'icd10cm_order_2026.txt');

const DATA_PRESENT = fs.existsSync(TABULAR) && fs.existsSync(ORDER_2026);
const MISSING = `The official code-set files are missing: expected ${TABULAR} and ${ORDER_2026}`;
const DATE_2026 = '2026-03-01';

const progress: [number, number][] = [];
// Missing data must fail every test here loudly (never skip): see the first test.
const imported = importedOnce({
  tempPrefix: 'codedesk-tabular-',
  files: [TABULAR, ORDER_2026],
  present: DATA_PRESENT,
  missing: MISSING,
  timeoutMs: 180_000,
  onProgress: (p) => {
    if (p.path === TABULAR && p.totalLines > 0) progress.push([p.line, p.totalLines]);
  },
});
const db = imported.db;

/** Nodes carrying at least one note group of `kind` (one element per node in the official file). */
const nodesWithNotes = (kind: string) =>
  (db().prepare('SELECT count(DISTINCT node_id) AS n FROM tabular_note WHERE kind = ?').get(kind) as { n: number }).n;

describe('the official FY2021 Tabular List', () => {
  it('is present next to the repository (../shared/data/codesets)', () => {
    expect(DATA_PRESENT, MISSING).toBe(true);
  });

  it('imports with the counts the data README gives', () => {
    const tabular = imported.summary().files.find((f) => f.kind === 'icd10cm-tabular');
    expect(tabular).toMatchObject({ system: 'icd10cm', label: 'FY2021', replaced: false });
    // The README counts 44,772 literal "<diag>" tags; 245 more are written <diag placeholder="true">.
    const xml = fs.readFileSync(TABULAR, 'latin1');
    const plain = xml.split('<diag>').length - 1;
    const withAttributes = xml.split('<diag ').length - 1;
    expect(plain).toBe(44_772);
    expect(tabular?.codes).toBe(plain + withAttributes);
    expect(nodesWithNotes('excludes1')).toBe(2_625);
    expect(nodesWithNotes('codeFirst')).toBe(317);
    // 774 <useAdditionalCode> elements, on 743 nodes (31 nodes carry two).
    expect(xml.split('<useAdditionalCode>').length - 1).toBe(774);
    expect(nodesWithNotes('useAdditionalCode')).toBe(743);
    expect((db().prepare('SELECT count(DISTINCT node_id) AS n FROM tabular_seventh').get() as { n: number }).n).toBe(507);
    expect(db().prepare("SELECT count(*) AS n FROM tabular_node WHERE kind = 'chapter'").get()).toEqual({ n: 22 });
    expect(browseTabular(db(), { parent: null, date: DATE_2026 })).toHaveLength(22);
  });

  it('reports progress in lines of the file, never going backwards, ending at the total', () => {
    const lines = fs.readFileSync(TABULAR, 'latin1').split('\n').length;
    expect(progress.length).toBeGreaterThan(10);
    expect(new Set(progress.map(([, total]) => total))).toEqual(new Set([lines]));
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0])).toBe(true);
    expect(progress[progress.length - 1]).toEqual([lines, lines]);
  });

  it('gives E11.65 its inherited notes: category E11, section E08-E13, chapter 4', () => {
    const notes = notesForCodes(db(), ['E11.65'], '2021-03-01').get('E1165')!;
    expect(notes.source).toEqual({ label: 'FY2021', fallback: false });
    const excludes1 = notes.notes.filter((n) => n.kind === 'excludes1' && n.from === 'E11');
    expect(excludes1.map((n) => n.text)).toContain('type 1 diabetes mellitus (E10.-)');
    expect(excludes1.every((n) => n.inherited)).toBe(true);
    expect(notes.notes.find((n) => n.text === 'type 1 diabetes mellitus (E10.-)')?.refs).toEqual(['E10.-']);
    expect(notes.notes.some((n) => n.kind === 'useAdditionalCode' && n.from === 'E11' && n.refs.includes('Z79.4'))).toBe(true);
    expect(new Set(notes.notes.map((n) => n.from))).toEqual(new Set(['E11', '4']));
  });

  it('applies an Excludes1 written on a category to every code below it', () => {
    const found = notesForCodes(db(), ['E11.9', 'E11.21', 'E11.641'], '2021-03-01');
    for (const code of ['E119', 'E1121', 'E11641']) {
      const fromE11 = found.get(code)!.notes.filter((n) => n.kind === 'excludes1' && n.from === 'E11');
      expect(fromE11.map((n) => n.refs).flat()).toEqual(expect.arrayContaining(['E10.-', 'E13.-']));
      // And the note's reference covers the codes of the excluded category.
      expect(codesInRef('E10.-')('E1065')).toBe(true);
    }
  });

  it('gives S72.001A the 7th-character list of category S72', () => {
    const notes = notesForCodes(db(), ['S72.001A'], DATE_2026).get('S72001A')!;
    expect(notes.sevenChr?.from).toBe('S72');
    expect(notes.sevenChr?.definitions.map((d) => d.char).join('')).toBe('ABCDEFGHJKMNPQRS');
    expect(notes.sevenChr?.definitions[0]).toEqual({ char: 'A', title: 'initial encounter for closed fracture' });
  });

  it('marks manifestation codes ("in diseases classified elsewhere") and gives them their code-first note', () => {
    const notes = notesForCodes(db(), ['G63', 'E11.42'], DATE_2026);
    expect(notes.get('G63')!.manifestation).toBe(true);
    expect(notes.get('G63')!.notes.some((n) => n.kind === 'codeFirst')).toBe(true);
    expect(notes.get('E1142')!.manifestation).toBe(false);
  });

  it('for a 2026 date, shows FY2026 titles with FY2021 notes marked as a fallback, and no notes for codes added since', () => {
    const e1165 = showCode(db(), { code: 'E11.65', date: DATE_2026 });
    expect(e1165.version.label).toBe('FY2026');
    expect(e1165.notesSource).toEqual({ label: 'FY2021', fallback: true });
    expect(e1165.hierarchy.map((h) => h.code)).toEqual(['4', 'E08-E13', 'E11', 'E11.6']);
    expect(e1165.notes.length).toBeGreaterThan(10);

    const added = showCode(db(), { code: 'E11.A', date: DATE_2026 });
    expect(added.title).toBe('Type 2 diabetes mellitus without complications in remission');
    expect(added.notes).toEqual([]);
    expect(added.notesSource).toEqual({ label: 'FY2021', fallback: true });
    expect(notesForCodes(db(), ['E11.A'], DATE_2026).has('E11A')).toBe(false);
  });

  it('makes every inclusion term of a code an entry point', () => {
    const terms = db()
      .prepare("SELECT count(*) AS n FROM tabular_note t JOIN tabular_node n ON n.id = t.node_id WHERE t.kind = 'inclusionTerm' AND n.kind = 'diag'")
      .get() as { n: number };
    expect(terms.n).toBeGreaterThan(10_000);
    expect(db().prepare('SELECT count(*) AS n FROM entry_point').get()).toEqual({ n: terms.n });
    expect(db().prepare("SELECT term, path FROM entry_point WHERE code = 'S7200' ORDER BY id").all()).toEqual([
      { term: 'Fracture of hip NOS', path: 'S72.00 inclusion term' },
      { term: 'Fracture of neck of femur NOS', path: 'S72.00 inclusion term' },
    ]);
  });
});
