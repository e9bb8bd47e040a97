/** The in-memory entry index follows the database: re-imported, changed or new entry points are searched as they are now. */
import { describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { entryIndexOf } from '../../../src/main/services/codesets/search/entry-index-cache';
import { sourcesFor } from '../../../src/main/services/codesets/search/entry-points';
import { requireVersion } from '../../../src/main/services/codesets/versions';
import { addEntry, addEntrySource, searchDb } from './helpers';

const NO_SYNONYMS = { byFirstWord: new Map(), size: 0 };
const found = (db: Awaited<ReturnType<typeof searchDb>>, query: string) =>
  searchCodes(db, { query, system: 'icd10cm', date: '2026-01-15', limit: 10 }, NO_SYNONYMS).map((h) => [h.code, h.matchedBy?.text]);

describe('entry index freshness', () => {
  it('sees an entry source imported again (the importers replace the source row and its entries)', async () => {
    const db = await searchDb();
    const first = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, first, 'Zyxquat, heart', 'I509', 'Zyxquat > heart');
    expect(found(db, 'zyxquat')).toEqual([['I50.9', 'Zyxquat > heart']]);

    db.prepare('DELETE FROM entry_source WHERE id = ?').run(first);
    const again = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, again, 'Quorble, atrial', 'I4891', 'Quorble > atrial');
    expect(found(db, 'zyxquat')).toEqual([]);
    expect(found(db, 'quorble')).toEqual([['I48.91', 'Quorble > atrial']]);
  });

  it('keeps one index while nothing is written, and builds a new one after a write', async () => {
    const db = await searchDb();
    const source = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, source, 'Zyxquat, heart', 'I509');
    const version = requireVersion(db, 'icd10cm', '2026-01-15');
    const sources = sourcesFor(db, 'icd10cm', version.effectiveFrom);
    const before = entryIndexOf(db, version, sources);
    expect(entryIndexOf(db, version, sources)).toBe(before);
    addEntry(db, source, 'Quorble, heart', 'I509');
    const after = entryIndexOf(db, version, sources);
    expect(after).not.toBe(before);
    expect(after.joinedCount).toBe(2);
  });

  it('sees entry points written by another connection (an import worker)', async () => {
    const db = await searchDb();
    const source = addEntrySource(db, 'index', 'icd10cm', 'FY2026');
    addEntry(db, source, 'Zyxquat, heart', 'I509', 'Zyxquat > heart');
    expect(found(db, 'quorble')).toEqual([]);
    const other = openContentDb(db.name);
    try {
      addEntry(other, source, 'Quorble, atrial', 'I4891', 'Quorble > atrial');
    } finally {
      closeContentDb(other);
    }
    expect(found(db, 'quorble')).toEqual([['I48.91', 'Quorble > atrial']]);
  });
});
