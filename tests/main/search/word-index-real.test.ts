/**
 * On the official FY2026 order files: the in-memory index holds the words FTS5 indexed, and
 * for every query of the quality set (as typed and in each synonym reading) it hands the
 * ranking the same candidates as the FTS5 query, in every version.
 */
import { describe, expect, it } from 'vitest';
import { queryWords, searchWords, wordsOf } from '../../../src/main/services/codesets/search/title-words';
import { versionsToSearch } from '../../../src/main/services/codesets/search';
import { indexedWords } from '../../../src/main/services/codesets/search/indexed-words';
import { bundledSynonyms, expandSynonyms } from '../../../src/main/services/codesets/search/synonyms';
import { wordIndexOf } from '../../../src/main/services/codesets/search/word-index-cache';
import { QUALITY_QUERIES } from '../../bench/search-quality/queries';
import { realContentDb } from './real-files';

describe('the word index on the real FY2026 files', () => {
  it('gives the same candidates as FTS5 for every quality query and synonym reading', async () => {
    const db = await realContentDb();
    const versions = versionsToSearch(db, undefined, '2026-01-15');
    expect(versions.map((v) => v.system).sort()).toEqual(['icd10cm', 'icd10pcs']);
    const synonyms = bundledSynonyms();
    let compared = 0;
    for (const version of versions) {
      const index = wordIndexOf(db, version);
      const terms = db.prepare('SELECT count(*) AS n FROM search_terms WHERE version_id = ?').get(version.id) as { n: number };
      expect(index.size().words).toBe(terms.n);
      for (const { query } of QUALITY_QUERIES) {
        const readings = [queryWords(query), ...expandSynonyms(synonyms, wordsOf(query)).map((e) => e.words)];
        for (const words of readings) {
          if (words.length === 0) continue;
          for (const limit of [5, 25, 200]) {
            expect(indexedWords(index, words, limit), `${version.system}: ${words.join(' ')}`).toEqual(searchWords(db, version.id, words, limit));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
