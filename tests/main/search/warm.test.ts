/** Warming builds the indexes a search on the date would need, once, and copes with no code set. */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CodeDeskApp } from '../../../src/main/app';
import { importCodeFiles } from '../helpers/import-fixtures';
import { hasFreshEntryIndex } from '../../../src/main/services/codesets/search/entry-index-cache';
import { hasFreshWordIndex } from '../../../src/main/services/codesets/search/word-index-cache';
import { warmSearchIndexes } from '../../../src/main/services/codesets/search';
import { requireVersion } from '../../../src/main/services/codesets/versions';
import { CM_2026, tempContentDb, tempDir, writeOrderFile } from '../codesets/helpers';
import { addEntry, addEntrySource } from './helpers';

describe('warmSearchIndexes', () => {
  it('builds the index of each version in force on the date, then has nothing left to build', async () => {
    const db = tempContentDb();
    await importCodeFiles(db, [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_2026)]);
    const version = requireVersion(db, 'icd10cm', '2026-01-15');
    expect(hasFreshWordIndex(db, version)).toBe(false);
    expect(warmSearchIndexes(db, '2026-01-15')).toEqual(['icd10cm']);
    expect(hasFreshWordIndex(db, version)).toBe(true);
    expect(warmSearchIndexes(db, '2026-01-15')).toEqual([]);
  });

  it('builds the entry index of each version too, and again after entry points change', async () => {
    const db = tempContentDb();
    await importCodeFiles(db, [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_2026)]);
    const source = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, source, 'Zyxquat, heart', 'I509');
    const version = requireVersion(db, 'icd10cm', '2026-01-15');
    expect(warmSearchIndexes(db, '2026-01-15')).toEqual(['icd10cm']);
    expect(hasFreshEntryIndex(db, version, [source])).toBe(true);
    addEntry(db, source, 'Quorble, heart', 'I509');
    expect(hasFreshEntryIndex(db, version, [source])).toBe(false);
    expect(warmSearchIndexes(db, '2026-01-15')).toEqual(['icd10cm']);
    expect(hasFreshEntryIndex(db, version, [source])).toBe(true);
    expect(warmSearchIndexes(db, '2026-01-15')).toEqual([]);
  });

  it('does nothing, without failing, before any code set is imported', () => {
    expect(warmSearchIndexes(tempContentDb(), '2026-01-15')).toEqual([]);
  });

  it('is what the app runs once idle after start, and never after it is closed', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-15T12:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const home = tempDir();
      const app = new CodeDeskApp({ home, resourcesDir: path.resolve('resources') });
      await importCodeFiles(app.content(), [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_2026)]);
      const version = requireVersion(app.content(), 'icd10cm', '2026-01-15');
      app.warmSearchSoon(100);
      expect(hasFreshWordIndex(app.content(), version)).toBe(false);
      vi.advanceTimersByTime(100);
      expect(hasFreshWordIndex(app.content(), version)).toBe(true);

      app.warmSearchSoon(100);
      app.close();
      const open = vi.spyOn(app, 'content');
      vi.advanceTimersByTime(100);
      expect(open).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
