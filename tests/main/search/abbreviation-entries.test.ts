import { describe, expect, it } from 'vitest';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { parseSynonyms } from '../../../src/main/services/codesets/search/synonyms';
import { addEntry, addEntrySource, searchDb } from './helpers';

describe('an abbreviation typed alone', () => {
  it('ranks its meaning above entry points whose words merely start with it', async () => {
    const db = await searchDb();
    const tabular = addEntrySource(db, 'inclusion', 'icd10cm', 'Tabular List FY2021');
    // An inclusion term that is one word starting with "af": an exact entry match.
    addEntry(db, tabular, 'Afebrile', 'R051', 'R05.1 inclusion term');
    const synonyms = parseSynonyms('af\tatrial fibrillation\n');
    const hits = searchCodes(db, { query: 'af', system: 'icd10cm', limit: 10 }, synonyms);
    expect(hits[0]?.matchedBy).toEqual({ kind: 'synonym', text: 'af: atrial fibrillation' });
    expect(hits.findIndex((h) => h.code === 'R05.1')).not.toBe(0);
  });
});
