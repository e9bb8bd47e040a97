/** The versions and entry sources a search covers are read once, then again only after a write. */
import { describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../helpers/import-fixtures';
import { searchCodes, versionsToSearch } from '../../../src/main/services/codesets/search';
import { sourcesFor } from '../../../src/main/services/codesets/search/entry-points';
import { scopeOf } from '../../../src/main/services/codesets/search/search-scope';
import { versionsInForce } from '../../../src/main/services/codesets/search/versions-in-force';
import { CM_2025, CM_2026, failureOf, tempContentDb, tempDir, writeOrderFile } from '../codesets/helpers';
import { addEntrySource, searchDb } from './helpers';

const DATE = '2026-01-15';

describe('search scope', () => {
  it('holds the versions in force and their entry sources, and is kept while nothing is written', async () => {
    const db = await searchDb();
    const source = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    const scope = scopeOf(db, undefined, DATE);
    expect(scope.versions).toEqual(versionsInForce(db, DATE));
    for (const v of scope.versions) expect(scope.sources.get(v.id)).toEqual(sourcesFor(db, v.system, v.effectiveFrom));
    expect(scope.sources.get(scope.versions[0]?.id ?? -1)).toEqual([source]);
    searchCodes(db, { query: 'heart failure', date: DATE, limit: 5 });
    expect(scopeOf(db, undefined, DATE)).toBe(scope);
    // Each system and date has its own.
    expect(scopeOf(db, 'icd10cm', DATE).versions.map((v) => v.system)).toEqual(['icd10cm']);
    expect(scopeOf(db, undefined, '2025-06-01')).not.toBe(scope);
  });

  it('is read again after this connection writes (a newer version, an entry source)', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025)]);
    const first = scopeOf(db);
    expect(first.versions.map((v) => v.label)).toEqual(['FY2025']);
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026)]);
    const second = scopeOf(db);
    expect(second.versions.map((v) => v.label)).toEqual(['FY2026']);
    expect(second.sources.get(second.versions[0]?.id ?? -1)).toEqual([]);
    addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    const third = scopeOf(db);
    expect(third).not.toBe(second);
    expect(third.sources.get(third.versions[0]?.id ?? -1)).toHaveLength(1);
  });

  it('is read again after another connection writes (an import worker)', async () => {
    const db = await searchDb();
    const before = versionsToSearch(db, 'icd10cm', DATE);
    const other = openContentDb(db.name);
    try {
      other.prepare("UPDATE content_version SET label = 'Renamed' WHERE id = ?").run(before[0]?.id);
    } finally {
      closeContentDb(other);
    }
    expect(versionsToSearch(db, 'icd10cm', DATE).map((v) => v.label)).toEqual(['Renamed']);
  });

  it('still refuses a date that is not real and a system without a version, every time', async () => {
    const db = await searchDb();
    for (let i = 0; i < 2; i++) {
      expect(failureOf(() => scopeOf(db, undefined, '2026-02-30')).code).toBe('BAD_INPUT');
      expect(failureOf(() => scopeOf(db, 'hcpcs', DATE)).code).toBe('NO_CODE_SET');
    }
  });

  it('gives callers of versionsToSearch their own list', async () => {
    const db = await searchDb();
    const first = versionsToSearch(db, undefined, DATE);
    first.pop();
    expect(versionsToSearch(db, undefined, DATE)).toHaveLength(first.length + 1);
  });
});
