/**
 * On the official files (FY2026 order files, FY2021 Tabular List, FY2025 PCS Index): the
 * in-memory entry index hands search the same entry hits as the FTS5 queries with their joins,
 * for every query of the quality set as typed and in every reading, in every version; and the
 * same partial-code entries as the FTS5 query the PCS paths used to make.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { versionsToSearch } from '../../../src/main/services/codesets/search';
import { entryIndexOf } from '../../../src/main/services/codesets/search/entry-index-cache';
import type { EntryRow } from '../../../src/main/services/codesets/search/entry-index';
import { indexedEntryPoints, searchEntryPoints, sourcesFor } from '../../../src/main/services/codesets/search/entry-points';
import { readingsOf } from '../../../src/main/services/codesets/search/synonym-readings';
import { bundledSynonyms } from '../../../src/main/services/codesets/search/synonyms';
import { wordIndexOf } from '../../../src/main/services/codesets/search/word-index-cache';
import { queryWords, wordsOf } from '../../../src/main/services/codesets/search/title-words';
import { QUALITY_QUERIES } from '../../bench/search-quality/queries';
import { CODESETS } from '../helpers/temp';
import { CM_ORDER, PCS_ORDER } from './real-files';
import { sharedRealDb, type SharedDb } from './shared-real-db';

const TABULAR = path.join(CODESETS, 'icd10cm', 'fy2021', 'icd10cm_tabular_2021.xml');
const PCS_INDEX = path.join(CODESETS, 'icd10pcs', 'fy2025', 'icd10pcs_index_2025.xml');
let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([CM_ORDER, PCS_ORDER, TABULAR, PCS_INDEX]);
  db = shared.db;
});
afterAll(() => shared.close());

/** Every word list search reads for the quality queries: as typed and each reading. */
function readingWords(): string[][] {
  const synonyms = bundledSynonyms();
  return QUALITY_QUERIES.flatMap(({ query }) => [queryWords(query), ...readingsOf(synonyms, wordsOf(query)).map((e) => e.words)]).filter(
    (words) => words.length > 0,
  );
}

/** The FTS5 query pcs-paths.ts made before the in-memory index (the reference). */
function ftsPartialEntries(word: string, anyOf: readonly string[], sources: readonly number[], limit: number): EntryRow[] {
  const others = anyOf.map((w) => `"${w}"*`);
  const expression = others.length > 0 ? `term : "${word}"* AND term : (${others.join(' OR ')})` : `term : "${word}"*`;
  return db
    .prepare(
      `SELECT e.term, e.code, e.path, s.kind
       FROM entry_point_fts f
       JOIN entry_point e ON e.id = f.rowid
       JOIN entry_source s ON s.id = e.source_id
       WHERE entry_point_fts MATCH ? AND f.source_id IN (SELECT value FROM json_each(?))
         AND length(e.code) < 7
       LIMIT ?`,
    )
    .all(expression, JSON.stringify(sources), limit) as EntryRow[];
}

describe('the entry index on the real files', () => {
  it('gives the same entry hits as FTS5 for every quality query and reading', () => {
    const versions = versionsToSearch(db, undefined, '2026-01-15');
    expect(versions.map((v) => v.system).sort()).toEqual(['icd10cm', 'icd10pcs']);
    let compared = 0;
    let nonEmpty = 0;
    for (const version of versions) {
      const sources = sourcesFor(db, version.system, version.effectiveFrom);
      expect(sources).toHaveLength(1);
      const entries = entryIndexOf(db, version, sources);
      const codes = wordIndexOf(db, version);
      for (const words of readingWords()) {
        const expected = searchEntryPoints(db, version, words, sources);
        expect(indexedEntryPoints(codes, entries, words), `${version.system}: ${words.join(' ')}`).toEqual(expected);
        compared++;
        if (expected.length > 0) nonEmpty++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('gives the same PCS partial-code entries as FTS5, with and without the other typed words', () => {
    const pcs = versionsToSearch(db, 'icd10pcs', '2026-01-15')[0];
    if (!pcs) throw new Error('no PCS version');
    const sources = sourcesFor(db, 'icd10pcs', pcs.effectiveFrom);
    const entries = entryIndexOf(db, pcs, sources);
    let nonEmpty = 0;
    for (const words of readingWords()) {
      for (const word of words) {
        const others = words.filter((w) => w !== word);
        for (const anyOf of [others, []]) {
          const expected = ftsPartialEntries(word, anyOf, sources, 40);
          const got = entries.partialMatches(word, anyOf, 40).map(({ term, code, path, kind }) => ({ term, code, path, kind }));
          expect(got, `${word} + ${anyOf.join(' ')}`).toEqual(expected);
          if (expected.length > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
