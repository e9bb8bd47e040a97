import { describe, expect, it } from 'vitest';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { sourcesFor } from '../../../src/main/services/codesets/search/entry-points';
import { addEntry, addEntrySource, searchDb } from './helpers';

const NO_SYNONYMS = { byFirstWord: new Map(), size: 0 };
const search = (db: Awaited<ReturnType<typeof searchDb>>, query: string, extra: { system?: 'icd10cm' | 'icd10pcs'; date?: string } = {}) =>
  searchCodes(db, { query, limit: 10, ...extra }, NO_SYNONYMS);

describe('entry points in search', () => {
  it('finds a code through an index path and says which path matched', async () => {
    const db = await searchDb();
    const index = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, index, 'Fibrillation, atrial', 'I4891', 'Fibrillation > atrial');
    addEntry(db, index, 'Failure, heart, congestive, decompensated', 'I5020', 'Failure > heart > congestive > decompensated');
    const hits = search(db, 'decompensated congestive failure', { system: 'icd10cm' });
    expect(hits[0]).toEqual({
      system: 'icd10cm',
      code: 'I50.20',
      title: 'Unspecified systolic (congestive) heart failure',
      billable: true,
      matchedBy: { kind: 'index', text: 'Failure > heart > congestive > decompensated' },
    });
    // Where the title itself holds every word typed, it is explanation enough.
    expect(search(db, 'congestive failure', { system: 'icd10cm' })[0]).toEqual(expect.not.objectContaining({ matchedBy: expect.anything() }));
  });

  it('finds a code through an inclusion term', async () => {
    const db = await searchDb();
    const tabular = addEntrySource(db, 'inclusion', 'icd10cm', 'Tabular List FY2021');
    addEntry(db, tabular, 'Bronchopneumonia, unspecified organism', 'J189', 'J18.9 inclusion term');
    const hits = search(db, 'bronchopneum', { system: 'icd10cm' });
    expect(hits.map((h) => [h.code, h.matchedBy])).toEqual([['J18.9', { kind: 'inclusion', text: 'J18.9 inclusion term' }]]);
  });

  it('puts an exact entry point near the top, above title matches that are only partly what was typed', async () => {
    const db = await searchDb();
    const index = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, index, 'Cough, acute', 'R051', 'Cough > acute');
    addEntry(db, index, 'Pneumonia (acute)', 'J189', 'Pneumonia (acute)');
    const hits = search(db, 'pneumonia', { system: 'icd10cm' });
    expect(hits[0]).toEqual(expect.objectContaining({ code: 'J18.9' }));
    expect(search(db, 'acute cough', { system: 'icd10cm' })[0]?.code).toBe('R05.1');
  });

  it('returns only codes that exist in the version for the date, and skips other systems', async () => {
    const db = await searchDb();
    const index = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, index, 'Demodex infestation', 'B8801', 'Infestation > Demodex');
    expect(search(db, 'demodex', { system: 'icd10cm', date: '2025-11-01' }).map((h) => h.code)).toEqual(['B88.01']);
    expect(search(db, 'demodex', { system: 'icd10cm', date: '2025-06-01' })).toEqual([]);
    expect(search(db, 'demodex', { system: 'icd10pcs' })).toEqual([]);
  });

  it('leads a PCS index partial code to the billable codes under it, then its table', async () => {
    const db = await searchDb();
    const pcsIndex = addEntrySource(db, 'index', 'icd10pcs', 'FY2025');
    addEntry(db, pcsIndex, 'Arthroplasty, hip, replacement', '0SR9', 'Arthroplasty > hip > see Replacement');
    const hits = search(db, 'arthroplasty hip', { system: 'icd10pcs' });
    expect(hits.map((h) => [h.code, h.matchedBy?.kind])).toEqual([
      ['0SR9019', 'index'],
      ['0SR', 'index'],
    ]);
  });

  it('follows the importers: rows leave with their source and updates are seen', async () => {
    const db = await searchDb();
    const index = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, index, 'Zyxquat, heart', 'I509');
    expect(search(db, 'zyxquat', { system: 'icd10cm' })).toHaveLength(1);
    db.prepare("UPDATE entry_point SET term = 'Bend, heart'").run();
    expect(search(db, 'zyxquat', { system: 'icd10cm' })).toEqual([]);
    expect(search(db, 'bend heart', { system: 'icd10cm' }).filter((h) => h.matchedBy?.kind !== 'partial')).toHaveLength(1);
    db.prepare('DELETE FROM entry_source WHERE id = ?').run(index);
    expect(search(db, 'bend', { system: 'icd10cm' })).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM entry_point_fts').get()).toEqual({ n: 0 });
  });

  it('reads, per kind, the source whose year is the newest not after the version', async () => {
    const db = await searchDb();
    const fy2021 = addEntrySource(db, 'inclusion', 'icd10cm', 'Tabular List FY2021');
    const fy2025 = addEntrySource(db, 'inclusion', 'icd10cm', 'Tabular List FY2025');
    const fy2027 = addEntrySource(db, 'inclusion', 'icd10cm', 'Tabular List FY2027');
    const index = addEntrySource(db, 'index', 'icd10cm', 'April 1, 2026');
    expect(sourcesFor(db, 'icd10cm', '2025-10-01').sort()).toEqual([fy2025, index].sort());
    // Nothing as old: the oldest newer one.
    expect(sourcesFor(db, 'icd10cm', '2020-10-01').sort()).toEqual([fy2021, index].sort());
    expect(sourcesFor(db, 'icd10cm', '2030-10-01').sort()).toEqual([fy2027, index].sort());
    expect(sourcesFor(db, 'icd10pcs', '2025-10-01')).toEqual([]);
  });

  it('reads every index of a version, one release of each (drug table, external causes, neoplasms)', async () => {
    const db = await searchDb();
    const drugs2025 = addEntrySource(db, 'index', 'icd10cm', 'Table of Drugs and Chemicals FY2025');
    const drugs2026 = addEntrySource(db, 'index', 'icd10cm', 'Table of Drugs and Chemicals FY2026 (April)');
    const causes = addEntrySource(db, 'index', 'icd10cm', 'External Cause Index FY2026 (April)');
    const neoplasms = addEntrySource(db, 'index', 'icd10cm', 'Neoplasm Table FY2026 (April)');
    expect(sourcesFor(db, 'icd10cm', '2025-10-01').sort()).toEqual([drugs2026, causes, neoplasms].sort());
    expect(sourcesFor(db, 'icd10cm', '2024-10-01').sort()).toEqual([drugs2025, causes, neoplasms].sort());
  });

  it('treats full-text operators in the query as plain words', async () => {
    const db = await searchDb();
    const index = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, index, 'Fibrillation, atrial', 'I4891');
    for (const q of ['"fib', 'fib OR x', 'NEAR(fib)', 'fib*', '-fib', 'term:fib', '(']) {
      expect(() => search(db, q)).not.toThrow();
    }
  });
});
