import { describe, expect, it } from 'vitest';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { searchDb } from './helpers';

const NO_SYNONYMS = { byFirstWord: new Map(), size: 0 };

describe('a long query with one word no title holds', () => {
  it('still finds the code the other words name (up to eight typed words)', async () => {
    const db = await searchDb();
    const query = 'unspecified systolic congestive heart failure nontraumatic';
    const hits = searchCodes(db, { query, system: 'icd10cm', limit: 10 }, NO_SYNONYMS);
    expect(hits[0]?.code).toBe('I50.20');
  });
});
