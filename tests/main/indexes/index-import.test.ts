/**
 * Importing the four ICD-10-CM index files (fixtures in the official layout): terms with
 * their paths, nonessential modifiers, cross-references, codes and table cells; entry points
 * for every code; releases labelled from <version> and the name; re-import replaces.
 */
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { tempContentDb } from '../codesets/helpers';
import { entriesOf, FIXTURE, fileWith, fixtureText, indexSnapshot, termsOf } from './helpers';

async function importFixture(kind: keyof typeof FIXTURE, db = tempContentDb()) {
  const summary = await importCodeFiles(db, [fileWith(FIXTURE[kind], fixtureText(kind))]);
  return { db, summary };
}

describe('Alphabetic Index', () => {
  it('stores every term with its path, nemod in parentheses, see / see also, codes and manifestation codes', async () => {
    const { db, summary } = await importFixture('index');
    expect(summary.files).toEqual([
      expect.objectContaining({ kind: 'icd10cm-index', system: 'icd10cm', label: 'FY2026', codes: 11, replaced: false }),
    ]);
    const terms = termsOf(db, 'index');
    expect(terms).toHaveLength(15);
    const byPath = new Map(terms.map((t) => [(JSON.parse(t.path) as string[]).join(' > '), t]));
    expect(byPath.get('Abasia (-astasia) (hysterical)')).toMatchObject({ level: 0, code: 'F44.4' });
    expect(byPath.get('Abdomen, abdominal')).toMatchObject({ see_also: 'condition', code: null });
    expect(byPath.get('Amyloidosis > heart')).toMatchObject({ code: 'E85.4', manif: 'I43' });
    expect(byPath.get('Failure > renal')).toMatchObject({ see: 'Failure, kidney', code: null });
    expect(byPath.get('Failure > heart > systolic')).toMatchObject({ code: 'I50.2-', level: 2 });
    const deepest = byPath.get('Failure > heart > congestive (compensated) (decompensated) > with > rheumatic fever (conditions in I00) > active');
    expect(deepest).toMatchObject({ level: 5, code: 'I01.8' });
    // Parents point at the term above.
    const withTerm = byPath.get('Failure > heart > congestive (compensated) (decompensated) > with')!;
    const rheumatic = terms.find((t) => t.title === 'rheumatic fever (conditions in I00)')!;
    expect(rheumatic.parent_id).toBe(withTerm.id);
    expect(byPath.get('Failure')!.parent_id).toBeNull();
  });

  it('writes an entry point (typed words, normalised code, display path) for every code', async () => {
    const { db } = await importFixture('index');
    const entries = entriesOf(db, 'Alphabetic Index FY2026');
    expect(entries).toHaveLength(11);
    expect(entries).toContainEqual({ term: 'failure heart', code: 'I509', path: 'Failure > heart' });
    expect(entries).toContainEqual({
      term: 'failure heart congestive compensated decompensated',
      code: 'I509',
      path: 'Failure > heart > congestive (compensated) (decompensated)',
    });
    // A trailing dash (more characters needed) leads to the subcategory.
    expect(entries).toContainEqual({ term: 'failure heart systolic', code: 'I502', path: 'Failure > heart > systolic' });
    // The bracketed manifestation code is an entry point too.
    expect(entries.filter((e) => e.path === 'Amyloidosis > heart').map((e) => e.code)).toEqual(['E854', 'I43']);
    // Terms without a code (see, see also only) write none.
    expect(entries.some((e) => e.path.startsWith('Failure > renal'))).toBe(false);
  });

  it('keeps repeated codes and cross-references of one term (joined), each code an entry point', async () => {
    const text = fixtureText('index')
      .replace('<code>F44.4</code>', '<code>F44.4</code><code>R26.89</code>')
      .replace('<seeAlso>condition</seeAlso>', '<seeAlso>condition</seeAlso><seeAlso>Pain, abdominal</seeAlso>');
    const db = tempContentDb();
    await importCodeFiles(db, [fileWith(FIXTURE.index, text)]);
    const terms = termsOf(db, 'index');
    expect(terms.find((t) => t.title.startsWith('Abasia'))!.code).toBe('F44.4 R26.89');
    expect(terms.find((t) => t.title === 'Abdomen, abdominal')!.see_also).toBe('condition; Pain, abdominal');
    expect(entriesOf(db, 'Alphabetic Index FY2026').filter((e) => e.path.startsWith('Abasia')).map((e) => e.code)).toEqual(['F444', 'R2689']);
  });
});

describe('External Cause index', () => {
  it('is told apart from the Alphabetic Index and keeps codes, subcat and seecat references', async () => {
    const { db, summary } = await importFixture('eindex');
    expect(summary.files[0]).toMatchObject({ kind: 'icd10cm-eindex', label: 'FY2026 (April)', codes: 5 });
    const release = db.prepare("SELECT * FROM index_release WHERE kind = 'eindex'").get();
    expect(release).toMatchObject({ fiscal_year: 2026, effective_from: '2026-04-01', effective_to: '2026-09-30', term_count: 8 });
    const entries = entriesOf(db, 'External Cause Index FY2026 (April)');
    expect(entries).toContainEqual({ term: 'abandonment causing exposure to weather conditions nec', code: 'X58', path: 'Abandonment (causing exposure to weather conditions) NEC' });
    expect(entries).toContainEqual({ term: 'accident to boat boating striking swimmer powered', code: 'V9411', path: 'Accident (to) > boat, boating > striking swimmer > powered' });
    expect(entries).toContainEqual({ term: 'lightning', code: 'T750', path: 'Lightning' });
    expect(entries).toContainEqual({ term: 'environmental pollution related condition', code: 'Z77', path: 'Environmental pollution related condition' });
    expect(termsOf(db, 'eindex').find((t) => t.title === 'aircraft (in transit)')).toMatchObject({ see_also: 'Accident, transport, aircraft' });
  });
});

describe('Drug and Neoplasm tables', () => {
  it('stores the heading columns and one cell per column, null for "--"', async () => {
    const { db, summary } = await importFixture('drug');
    expect(summary.files[0]).toMatchObject({ kind: 'icd10cm-drug', label: 'FY2026 (April)', codes: 32 });
    const columns = db.prepare('SELECT col, title FROM index_column ORDER BY col').all();
    expect(columns).toHaveLength(7);
    expect(columns[0]).toEqual({ col: 1, title: 'Substance' });
    const acid = termsOf(db, 'drug').find((t) => t.title === 'Acid (corrosive) NEC')!;
    expect(JSON.parse(acid.cells!)).toEqual(['T54.2X1', 'T54.2X2', 'T54.2X3', 'T54.2X4', null, null]);
    const asa = termsOf(db, 'drug').find((t) => t.title === 'ASA')!;
    expect(asa).toMatchObject({ see: 'Acetylsalicylic acid' });
    expect(JSON.parse(asa.cells!)).toEqual([null, null, null, null, null, null]);
  });

  it('writes an entry point per non-empty cell, its path ending in the column title', async () => {
    const { db } = await importFixture('drug');
    const entries = entriesOf(db, 'Table of Drugs and Chemicals FY2026 (April)');
    expect(entries).toHaveLength(32);
    expect(entries).toContainEqual({
      term: 'aspirin aluminum soluble poisoning accidental unintentional',
      code: 'T39011',
      path: 'Aspirin (aluminum) (soluble) > Poisoning Accidental (unintentional)',
    });
    expect(entries.filter((e) => e.path.startsWith('Acid (corrosive) NEC >'))).toHaveLength(4);
  });

  it('reads "-" and missing columns of the Neoplasm table as no code, and keeps dashed codes as written', async () => {
    const { db, summary } = await importFixture('neoplasm');
    expect(summary.files[0]).toMatchObject({ kind: 'icd10cm-neoplasm', codes: 36 });
    const terms = termsOf(db, 'neoplasm');
    const cells = (title: string) => JSON.parse(terms.find((t) => t.title === title)!.cells!) as unknown;
    expect(cells('kidney (parenchymal)')).toEqual(['C64.-', 'C79.0-', null, 'D30.0-', 'D41.0-', 'D49.51-']);
    expect(cells('book-leaf (mouth)')).toEqual(['C06.89', null, null, null, null, null]);
    expect(terms.find((t) => t.title === 'book-leaf (mouth)')!.manif).toBe('ventral surface of tongue and floor of mouth');
    const entries = entriesOf(db, 'Neoplasm Table FY2026 (April)');
    expect(entries).toContainEqual({ term: 'neoplasm neoplastic kidney parenchymal malignant primary', code: 'C64', path: 'Neoplasm, neoplastic > kidney (parenchymal) > Malignant Primary' });
    // Text in <manif> (not a code) writes no entry point.
    expect(entries.filter((e) => e.path.startsWith('Neoplasm, neoplastic > book-leaf'))).toHaveLength(1);
  });

  it('indexes the words of table paths only (the indexes go to code search through entry points)', async () => {
    const db = tempContentDb();
    await importFixture('index', db);
    await importFixture('drug', db);
    const words = db.prepare('SELECT DISTINCT r.kind FROM index_word w JOIN index_release r ON r.id = w.release_id').all();
    expect(words).toEqual([{ kind: 'drug' }]);
  });
});

describe('progress', () => {
  it('reports terms written, ending with the total', async () => {
    const db = tempContentDb();
    const seen: [number, number][] = [];
    await importCodeFiles(db, [fileWith(FIXTURE.index, fixtureText('index'))], (p) => seen.push([p.line, p.totalLines]));
    expect(seen[seen.length - 1]).toEqual([15, 15]);
  });
});

describe('re-import', () => {
  it('replaces the same release whole (no duplicates) and keeps other kinds and releases', async () => {
    const db = tempContentDb();
    await importFixture('drug', db);
    await importFixture('neoplasm', db);
    const once = indexSnapshot(db) as { releases: unknown[] };
    const { summary } = await importFixture('drug', db);
    expect(summary.files[0]!.replaced).toBe(true);
    const twice = indexSnapshot(db) as Record<string, unknown>;
    const counts = (s: unknown) => {
      const { terms, words, entries, columns } = s as Record<string, [{ n: number }] | unknown[]>;
      return { terms: (terms as [{ n: number }])[0].n, words: (words as [{ n: number }])[0].n, entries: (entries as [{ n: number }])[0].n, columns: (columns as unknown[]).length };
    };
    expect(counts(twice)).toEqual(counts(once));
    expect((twice.releases as { kind: string }[]).map((r) => r.kind).sort()).toEqual(['drug', 'neoplasm']);
    expect(db.prepare('SELECT count(*) AS n FROM entry_source').get()).toEqual({ n: 2 });
  });

  it('keeps an October release and an April update of the same year side by side', async () => {
    const db = tempContentDb();
    await importCodeFiles(db, [fileWith('icd10cm-drug-2026.xml', fixtureText('drug'))]);
    await importFixture('drug', db);
    const labels = db.prepare("SELECT label, effective_from FROM index_release ORDER BY effective_from").all();
    expect(labels).toEqual([
      { label: 'FY2026', effective_from: '2025-10-01' },
      { label: 'FY2026 (April)', effective_from: '2026-04-01' },
    ]);
  });
});
