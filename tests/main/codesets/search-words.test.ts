import { describe, expect, it } from 'vitest';
import { loadDemoCodes } from '../../../src/main/services/codesets/demo-codes';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { matchExpression, queryWords, titleCoverage } from '../../../src/main/services/codesets/search/title-words';
import { versionFor } from '../../../src/main/services/codesets/versions';
import { tempContentDb, tempDir, writeFile } from './helpers';

/** A demo HCPCS version whose titles hold `count` different words starting with "zzyzx". */
function versionWithWords(count: number) {
  const db = tempContentDb();
  const dir = tempDir();
  const lines = Array.from({ length: count }, (_, i) => `A${String(1000 + i)}\t1\tZzyzx${i}word supply kit`);
  writeFile(dir, 'hcpcs.tsv', `${lines.join('\n')}\n`);
  loadDemoCodes(db, dir);
  const version = versionFor(db, 'hcpcs');
  if (!version) throw new Error('demo version missing');
  return { db, versionId: version.id };
}

describe('matchExpression', () => {
  it('uses the prefix index for short words and quotes every word', () => {
    const { db, versionId } = versionWithWords(3);
    expect(matchExpression(db, versionId, ['sup', 'kit'])).toBe('"sup"* AND "kit"*');
  });

  it('expands a longer prefix into the whole words of the version', () => {
    const { db, versionId } = versionWithWords(3);
    expect(matchExpression(db, versionId, ['zzyzx'])).toBe('("zzyzx0word" OR "zzyzx1word" OR "zzyzx2word")');
    expect(matchExpression(db, versionId, ['zzyzq'])).toBeNull();
  });

  it('falls back to a prefix query when a prefix has too many words, and still finds them', () => {
    const { db, versionId } = versionWithWords(70);
    expect(matchExpression(db, versionId, ['zzyzx'])).toBe('"zzyzx"*');
    expect(searchCodes(db, { query: 'zzyzx kit', system: 'hcpcs', limit: 200 })).toHaveLength(70);
  });
});

describe('queryWords', () => {
  it('lower-cases, drops diacritics and punctuation, and removes repeats', () => {
    expect(queryWords('Sjögren, SJOGREN (type-2)')).toEqual(['sjogren', 'type', '2']);
  });
});

describe('titleCoverage', () => {
  it('is the share of title words that start with a query word', () => {
    expect(titleCoverage('Chronic kidney disease, stage 3', ['chron', 'kidney', 'dis'])).toBe(0.6);
    // Filler words (and the default code's 'unspecified') do not count against a match.
    expect(titleCoverage('Chronic kidney disease, unspecified', ['chron', 'kidney', 'dis'])).toBe(1);
    expect(titleCoverage('Fracture of femur', ['femur'])).toBe(0.5);
    expect(titleCoverage('Clicking hip', ['hip'])).toBe(0.5);
    expect(titleCoverage('Sjögren syndrome', ['sjogren'])).toBe(0.5);
    expect(titleCoverage('', ['x'])).toBe(0);
  });
});
