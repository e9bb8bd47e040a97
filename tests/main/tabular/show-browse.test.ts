/** codes.show and codes.browse over an order file (titles, billable) and a Tabular List (tree, notes). */
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { browseTabular } from '../../../src/main/services/codesets/tabular/browse';
import { showCode } from '../../../src/main/services/codesets/tabular/show';
import { CM_2026, failureOf, failureOfAsync, PCS_2026, tempContentDb, tempDir, writeOrderFile, type Row } from '../codesets/helpers';
import { writeTabular } from './fixture';

// FY2026 codes: E11.A was added after the FY2021 Tabular List.
const CM_ROWS: readonly Row[] = [...CM_2026, ['E11A', 1, 'Type 2 diabetes mellitus without complications in remission'], ['G63', 1, 'Polyneuropathy in diseases classified elsewhere']];

async function contentDb({ tabular = true, pcs = false } = {}) {
  const db = tempContentDb();
  const dir = tempDir();
  const files = [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_ROWS)];
  if (pcs) files.push(writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026));
  if (tabular) files.push(writeTabular(dir));
  await importCodeFiles(db, files);
  return db;
}

const DATE = '2026-01-15';

describe('showCode', () => {
  it('gives title and billable from the version in force, hierarchy and notes from the Tabular List', async () => {
    const detail = showCode(await contentDb(), { code: 'e1165', date: DATE });
    expect(detail).toMatchObject({
      system: 'icd10cm',
      code: 'E11.65',
      title: 'Type 2 diabetes mellitus with hyperglycemia',
      billable: true,
      version: { label: 'FY2026', isDemo: false },
      notesSource: { label: 'FY2021', fallback: true },
      sevenChr: null,
      children: [],
    });
    expect(detail.hierarchy).toEqual([
      { code: '4', title: 'Endocrine, nutritional and metabolic diseases (E00-E89)', level: 'chapter' },
      { code: 'E08-E13', title: 'Diabetes mellitus (E08-E13)', level: 'section' },
      { code: 'E11', title: 'Type 2 diabetes mellitus', level: 'category' },
      { code: 'E11.6', title: 'Type 2 diabetes mellitus with other specified complications', level: 'subcategory' },
    ]);
    expect(detail.notes.filter((n) => n.kind === 'excludes1').map((n) => n.from)).toEqual(['E11', 'E11', '4']);
  });

  it('lists the children of a header from the version in force', async () => {
    const detail = showCode(await contentDb(), { code: 'E11.6', date: DATE });
    expect(detail.billable).toBe(false);
    expect(detail.children).toEqual([
      { code: 'E11.61', title: 'Type 2 diabetes mellitus with diabetic arthropathy', billable: false },
      { code: 'E11.65', title: 'Type 2 diabetes mellitus with hyperglycemia', billable: true },
      { code: 'E11.69', title: 'Type 2 diabetes mellitus with other specified complication', billable: true },
    ]);
  });

  it('gives a 7th-character code the definitions of its category', async () => {
    const detail = showCode(await contentDb(), { code: 'S72.001A', date: DATE });
    expect(detail.sevenChr?.from).toBe('S72');
    expect(detail.sevenChr?.definitions.map((d) => d.char)).toEqual(['A', 'B', 'S']);
    expect(detail.hierarchy.map((h) => h.code)).toEqual(['19', 'S70-S79', 'S72', 'S72.0', 'S72.00', 'S72.001']);
  });

  it('gives a code added since the Tabular List no notes, and a hierarchy down to its nearest known level', async () => {
    const detail = showCode(await contentDb(), { code: 'E11.A', date: DATE });
    expect(detail.notes).toEqual([]);
    expect(detail.sevenChr).toBeNull();
    expect(detail.notesSource).toEqual({ label: 'FY2021', fallback: true });
    expect(detail.hierarchy.map((h) => h.code)).toEqual(['4', 'E08-E13', 'E11']);
  });

  it('gives a category its chapter and section', async () => {
    const detail = showCode(await contentDb(), { code: 'E11', date: DATE });
    expect(detail.hierarchy).toEqual([
      { code: '4', title: 'Endocrine, nutritional and metabolic diseases (E00-E89)', level: 'chapter' },
      { code: 'E08-E13', title: 'Diabetes mellitus (E08-E13)', level: 'section' },
    ]);
  });

  it('falls back to the header rows of the version when no Tabular List is imported', async () => {
    const detail = showCode(await contentDb({ tabular: false }), { code: 'E11.65', date: DATE });
    expect(detail.notesSource).toBeNull();
    expect(detail.notes).toEqual([]);
    expect(detail.hierarchy).toEqual([
      { code: 'E11', title: 'Type 2 diabetes mellitus', level: 'category' },
      { code: 'E11.6', title: 'Type 2 diabetes mellitus with other specified complications', level: 'subcategory' },
    ]);
  });

  it('shows PCS codes with title and billable only, finding the system on its own', async () => {
    const detail = showCode(await contentDb({ pcs: true }), { code: '0SR9019', date: DATE });
    expect(detail).toEqual({
      system: 'icd10pcs',
      code: '0SR9019',
      title: 'Replacement of Right Hip Joint with Metal Synthetic Substitute, Cemented, Open Approach',
      billable: true,
      version: { label: 'FY2026', isDemo: false },
      hierarchy: [],
      notes: [],
      sevenChr: null,
      notesSource: null,
      children: [],
    });
  });

  it('refuses an unknown code with NOT_FOUND and a plain message', async () => {
    const failure = await failureOfAsync(async () => showCode(await contentDb(), { code: 'K50.0', system: 'icd10cm', date: DATE }));
    expect(failure.code).toBe('NOT_FOUND');
    expect(failure.message).toBe('K50.0 is not an ICD-10-CM code in force on 2026-01-15.');
    expect((await failureOfAsync(async () => showCode(await contentDb(), { code: 'ZZZ' }))).code).toBe('NOT_FOUND');
  });

  it('says what to import when no code set is there', () => {
    const failure = failureOf(() => showCode(tempContentDb(), { code: 'E11.65', system: 'icd10cm', date: DATE }));
    expect(failure.code).toBe('NO_CODE_SET');
    expect(failureOf(() => showCode(tempContentDb(), { code: 'E11.65' })).code).toBe('NO_CODE_SET');
  });
});

describe('browseTabular', () => {
  it('lists chapters, then sections, then categories', async () => {
    const db = await contentDb();
    expect(browseTabular(db, { parent: null, date: DATE }).map((n) => [n.code, n.level, n.hasChildren])).toEqual([
      ['1', 'chapter', true],
      ['4', 'chapter', true],
      ['6', 'chapter', true],
      ['19', 'chapter', true],
    ]);
    expect(browseTabular(db, { parent: '4', date: DATE })).toEqual([
      { code: 'E08-E13', title: 'Diabetes mellitus (E08-E13)', level: 'section', billable: false, hasChildren: true },
    ]);
    expect(browseTabular(db, { parent: 'E08-E13', date: DATE })).toEqual([
      { code: 'E11', title: 'Type 2 diabetes mellitus', level: 'category', billable: false, hasChildren: true },
    ]);
  });

  it('lists the codes below a category from the version in force, including codes added since the release', async () => {
    const children = browseTabular(await contentDb(), { parent: 'E11', date: DATE });
    expect(children.map((n) => [n.code, n.level, n.billable, n.hasChildren])).toEqual([
      ['E11.2', 'subcategory', false, true],
      ['E11.6', 'subcategory', false, true],
      ['E11.9', 'code', true, false],
      ['E11.A', 'code', true, false],
    ]);
    expect(browseTabular(await contentDb(), { parent: 'e116', date: DATE }).map((n) => n.code)).toEqual(['E11.61', 'E11.65', 'E11.69']);
  });

  it('tells a one-category section (B10-B10) from its category (B10)', async () => {
    const db = await contentDb();
    expect(browseTabular(db, { parent: '1', date: DATE }).map((n) => n.code)).toEqual(['A00-A09', 'B10-B10']);
    // The FY2026 fixture lacks B10, so the Tabular List's own children are used.
    expect(browseTabular(db, { parent: 'B10-B10', date: DATE })).toEqual([]);
    const tabularOnly = tempContentDb();
    await importCodeFiles(tabularOnly, [writeTabular(tempDir())]);
    expect(browseTabular(tabularOnly, { parent: 'B10-B10' }).map((n) => n.code)).toEqual(['B10']);
    expect(browseTabular(tabularOnly, { parent: 'B10' })).toEqual([
      { code: 'B10.8', title: 'Other human herpesvirus infection', level: 'code', billable: true, hasChildren: false },
    ]);
  });

  it('refuses an unknown parent with NOT_FOUND, and chapters without a Tabular List with NO_CODE_SET', async () => {
    expect((await failureOfAsync(async () => browseTabular(await contentDb(), { parent: '23', date: DATE }))).code).toBe('NOT_FOUND');
    expect((await failureOfAsync(async () => browseTabular(await contentDb(), { parent: 'K50', date: DATE }))).code).toBe('NOT_FOUND');
    expect((await failureOfAsync(async () => browseTabular(await contentDb(), { parent: 'X00-X01', date: DATE }))).code).toBe('NOT_FOUND');
    expect((await failureOfAsync(async () => browseTabular(await contentDb({ tabular: false }), { parent: null, date: DATE }))).code).toBe('NO_CODE_SET');
  });
});
