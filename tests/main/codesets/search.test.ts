import { describe, expect, it } from 'vitest';
import type { CodeHit } from '../../../src/shared/domain';
import { importCodeFiles } from '../helpers/import-fixtures';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { wordMatchSql } from '../../../src/main/services/codesets/statements';
import { CM_2025, CM_2026, failureOf, failureOfAsync, PCS_2026, tempContentDb, tempDir, writeOrderFile } from './helpers';

async function contentDb() {
  const db = tempContentDb();
  const dir = tempDir();
  await importCodeFiles(db, [
    writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025),
    writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026),
    writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026),
  ]);
  return db;
}

const codes = (hits: { code: string }[]) => hits.map((h) => h.code);
/** Hits matching every typed word; the rest follow them, each saying which words it ignored. */
const full = <H extends CodeHit>(hits: H[]) => hits.filter((h) => h.matchedBy?.kind !== 'partial');

describe('searchCodes by code', () => {
  it('puts the exact code first, with its display form, title and billable flag', async () => {
    const hits = searchCodes(await contentDb(), { query: 'E11.65', system: 'icd10cm', limit: 5 });
    expect(hits[0]).toEqual({
      system: 'icd10cm',
      code: 'E11.65',
      title: 'Type 2 diabetes mellitus with hyperglycemia',
      billable: true,
    });
  });

  it('lists a code prefix in code order, exact header first, with or without the dot, any case', async () => {
    const db = await contentDb();
    const expected = ['E11.6', 'E11.61', 'E11.610', 'E11.618', 'E11.65', 'E11.69'];
    expect(codes(searchCodes(db, { query: 'e11.6', system: 'icd10cm', limit: 25 }))).toEqual(expected);
    expect(codes(searchCodes(db, { query: 'E116', system: 'icd10cm', limit: 25 }))).toEqual(expected);
    expect(codes(searchCodes(db, { query: ' e11.6 ', system: 'icd10cm', limit: 25 }))).toEqual(expected);
  });

  it('finds PCS codes and tables by code', async () => {
    const hits = searchCodes(await contentDb(), { query: '001', system: 'icd10pcs', limit: 25 });
    expect(hits.map((h) => [h.code, h.billable])).toEqual([
      ['001', false],
      ['0016070', true],
      ['0016071', true],
    ]);
  });

  it('respects the limit', async () => {
    expect(searchCodes(await contentDb(), { query: 'E11', system: 'icd10cm', limit: 3 })).toHaveLength(3);
  });
});

describe('searchCodes by words', () => {
  it('matches word prefixes in any order', async () => {
    const db = await contentDb();
    const forward = searchCodes(db, { query: 'diab kidn', system: 'icd10cm', limit: 25 });
    expect(codes(forward)).toContain('E11.22');
    expect(codes(searchCodes(db, { query: 'kidn diab', system: 'icd10cm', limit: 25 }))).toEqual(codes(forward));
    // Every full match has every word, but for billable children brought in above a header that has
    // (header-children.ts); the partial matches after them say what they ignored.
    const plain = (code: string) => code.replace('.', '');
    const headers = forward.filter((h) => !h.billable).map((h) => plain(h.code));
    const childOfHeader = (code: string) => headers.some((header) => plain(code).startsWith(header));
    expect(full(forward).every((h) => (/diab/i.test(h.title) && /kidn/i.test(h.title)) || (h.billable && childOfHeader(h.code)))).toBe(true);
    const partial = forward.filter((h) => h.matchedBy?.kind === 'partial');
    expect(partial.every((h) => (h.matchedBy?.text.length ?? 0) > 0)).toBe(true);
  });

  it('expands long word prefixes into whole words and still finds them', async () => {
    const db = await contentDb();
    expect(codes(full(searchCodes(db, { query: 'diabetic nephrop', system: 'icd10cm', limit: 25 })))).toEqual(['E11.21']);
    expect(searchCodes(db, { query: 'qqzzkkxx', system: 'icd10cm', limit: 25 })).toEqual([]);
    // A word no indexed word starts with is read as a typo of the closest one.
    expect(full(searchCodes(db, { query: 'nephropathyx', system: 'icd10cm', limit: 25 }))).toEqual([
      expect.objectContaining({ code: 'E11.21', matchedBy: { kind: 'typo', text: 'nephropathyx → nephropathy' } }),
    ]);
  });

  it('ranks billable codes above headers', async () => {
    const hits = full(searchCodes(await contentDb(), { query: 'chronic kidney', system: 'icd10cm', limit: 25 }));
    const firstHeader = hits.findIndex((h) => !h.billable);
    expect(firstHeader).toBeGreaterThan(0);
    expect(hits.slice(firstHeader).every((h) => !h.billable)).toBe(true);
    expect(codes(hits.slice(firstHeader))).toEqual(expect.arrayContaining(['N18', 'N18.3']));
  });

  it('ranks titles that are mostly the words searched for above titles that merely contain them', async () => {
    const hits = searchCodes(await contentDb(), { query: 'chronic kidney disease', system: 'icd10cm', limit: 25 });
    expect(codes(hits).indexOf('N18.9')).toBeLessThan(codes(hits).indexOf('E11.22'));
  });

  it('ignores diacritics and case', async () => {
    const hits = full(searchCodes(await contentDb(), { query: 'SJOGREN unsp', system: 'icd10cm', limit: 5 }));
    expect(hits.map((h) => [h.code, h.title])).toEqual([['M35.00', 'Sjögren syndrome, unspecified']]);
  });

  it('finds words in the short title too (its abbreviations)', async () => {
    expect(codes(full(searchCodes(await contentDb(), { query: 'fx clos', system: 'icd10cm', limit: 5 })))).toEqual(['S72.001A']);
  });

  it('treats full-text operators and quotes as plain text', async () => {
    const db = await contentDb();
    for (const query of ['"diab', 'diab OR kidn', 'NEAR(diab kidn)', 'diab*', '-kidn', 'col:diab', '(', '^x']) {
      expect(() => searchCodes(db, { query, system: 'icd10cm', limit: 10 })).not.toThrow();
    }
    expect(codes(searchCodes(db, { query: '"diab" kidn*', system: 'icd10cm', limit: 25 }))).toContain('E11.22');
  });

  it('returns nothing for an empty query', async () => {
    expect(searchCodes(await contentDb(), { query: '   ', system: 'icd10cm', limit: 10 })).toEqual([]);
  });
});

describe('searchCodes across systems and dates', () => {
  it('without a system searches every system with a version', async () => {
    const hits = searchCodes(await contentDb(), { query: 'femur', limit: 25 });
    expect(new Set(hits.map((h) => h.system))).toEqual(new Set(['icd10cm', 'icd10pcs']));
    expect(codes(hits)).toEqual(expect.arrayContaining(['S72.001A', '0QS604Z']));
  });

  it('with a system searches only that system', async () => {
    const hits = searchCodes(await contentDb(), { query: 'femur', system: 'icd10pcs', limit: 25 });
    expect(hits.map((h) => h.system)).toEqual(['icd10pcs']);
  });

  it('uses the version in force on the date', async () => {
    const db = await contentDb();
    const fy2025 = searchCodes(db, { query: 'B88.0', system: 'icd10cm', date: '2025-06-01', limit: 10 });
    expect(fy2025.map((h) => [h.code, h.billable])).toEqual([['B88.0', true]]);
    const fy2026 = searchCodes(db, { query: 'B88.0', system: 'icd10cm', date: '2025-10-01', limit: 10 });
    expect(fy2026.map((h) => [h.code, h.billable])).toEqual([
      ['B88.0', false],
      ['B88.01', true],
      ['B88.09', true],
    ]);
  });

  it('without a system skips systems that have no version on the date', async () => {
    const hits = searchCodes(await contentDb(), { query: 'femur', date: '2025-06-01', limit: 25 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.system === 'icd10cm')).toBe(true);
  });

  it('throws NO_CODE_SET when no version is in force on the date', async () => {
    const db = await contentDb();
    const one = failureOf(() => searchCodes(db, { query: 'diab', system: 'icd10pcs', date: '2025-06-01', limit: 10 }));
    expect(one.code).toBe('NO_CODE_SET');
    expect(one.message).toBe('No ICD-10-PCS code set is in force on 2025-06-01: import the FY2025 files.');
    const none = failureOf(() => searchCodes(db, { query: 'diab', date: '2027-01-01', limit: 10 }));
    expect(none.code).toBe('NO_CODE_SET');
    expect(failureOf(() => searchCodes(tempContentDb(), { query: 'diab', limit: 10 })).code).toBe('NO_CODE_SET');
  });

  it('rejects a malformed date', async () => {
    expect((await failureOfAsync(async () => searchCodes(await contentDb(), { query: 'diab', date: '2025-02-30', limit: 10 }))).code).toBe('BAD_INPUT');
  });
});

describe('query plans of the hot statements', () => {
  it('words drive from the full-text index', async () => {
    const db = await contentDb();
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const words = plan(wordMatchSql(1), '"diab"*', 10);
    expect(words).toMatch(/SCAN codes_fts_1 VIRTUAL TABLE/);
    expect(words).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(words).not.toMatch(/TEMP B-TREE/);
  });
});
