import { describe, expect, it } from 'vitest';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { parseSynonyms } from '../../../src/main/services/codesets/search/synonyms';
import { searchDb } from './helpers';

const SYNONYMS = parseSynonyms('afib\tatrial fibrillation\nchf\theart failure\nfx\tfracture\nbroken hip\tfracture neck femur\n');
/** Hits matching every typed word; the rest follow them, each saying which words it ignored. */
const full = <H extends { matchedBy?: { kind: string } }>(hits: H[]) => hits.filter((h) => h.matchedBy?.kind !== 'partial');
const codes = (hits: { code: string }[]) => hits.map((h) => h.code);

describe('synonyms and abbreviations', () => {
  it('expands an abbreviation and says which synonym matched', async () => {
    const hits = searchCodes(await searchDb(), { query: 'AFib', system: 'icd10cm', limit: 5 }, SYNONYMS);
    expect(hits[0]).toEqual({
      system: 'icd10cm',
      code: 'I48.91',
      title: 'Unspecified atrial fibrillation',
      billable: true,
      matchedBy: { kind: 'synonym', text: 'afib: atrial fibrillation' },
    });
    expect(codes(hits)).toContain('I48.0');
  });

  it('keeps the other typed words with an expanded phrase', async () => {
    const hits = searchCodes(await searchDb(), { query: 'broken hip right', system: 'icd10cm', limit: 5 }, SYNONYMS);
    expect(codes(full(hits))).toEqual(['S72.001A', 'S72.001']);
    expect(hits[0]?.matchedBy).toEqual({ kind: 'synonym', text: 'broken hip: fracture neck femur' });
  });

  it('finds the same code through the short title and through a synonym, once', async () => {
    const hits = searchCodes(await searchDb(), { query: 'fx clos', system: 'icd10cm', limit: 5 }, SYNONYMS);
    expect(codes(full(hits))).toEqual(['S72.001A']);
    expect(codes(full(searchCodes(await searchDb(), { query: 'fx clos', system: 'icd10cm', limit: 5 }, parseSynonyms(''))))).toEqual(['S72.001A']);
  });

  it('uses the bundled list by default', async () => {
    const hits = searchCodes(await searchDb(), { query: 'chf', system: 'icd10cm', limit: 5 });
    expect(hits[0]?.code).toBe('I50.9');
    expect(hits[0]?.matchedBy?.kind).toBe('synonym');
  });
});

describe('typo tolerance', () => {
  it('corrects misspelt words when the words as typed find nothing', async () => {
    const db = await searchDb();
    const hits = searchCodes(db, { query: 'pnuemonia', system: 'icd10cm', limit: 5 }, SYNONYMS);
    expect(hits.map((h) => [h.code, h.matchedBy])).toEqual([['J18.9', { kind: 'typo', text: 'pnuemonia → pneumonia' }], ['J18', { kind: 'typo', text: 'pnuemonia → pneumonia' }]]);
    expect(codes(searchCodes(db, { query: 'atrial fibrilation', system: 'icd10cm', limit: 3 }, SYNONYMS))[0]).toBe('I48.91');
    expect(codes(searchCodes(db, { query: 'diabtes kidney', system: 'icd10cm', limit: 3 }, SYNONYMS))).toContain('E11.22');
  });

  it('is not tried when the words as typed find enough, and never for typed codes', async () => {
    const db = await searchDb();
    const hits = searchCodes(db, { query: 'diabetes', system: 'icd10cm', limit: 25 }, SYNONYMS);
    expect(hits.every((h) => h.matchedBy === undefined)).toBe(true);
    expect(codes(searchCodes(db, { query: 'I48.9', system: 'icd10cm', limit: 25 }, SYNONYMS))).toEqual(['I48.91', 'I48.92']);
  });
});

describe('ranking', () => {
  it('exact code first, then codes starting with it, then words', async () => {
    const hits = searchCodes(await searchDb(), { query: 'i10', limit: 10 }, SYNONYMS);
    expect(hits[0]).toEqual(expect.objectContaining({ code: 'I10', system: 'icd10cm' }));
  });

  it('billable codes above headers, and titles that are what was typed above titles that contain it', async () => {
    const hits = searchCodes(await searchDb(), { query: 'heart failure', system: 'icd10cm', limit: 10 }, SYNONYMS);
    expect(codes(hits)).toEqual(['I50.9', 'I50.20', 'I50']);
  });

  it('the unspecified default above more specific codes for a bare term', async () => {
    const hits = searchCodes(await searchDb(), { query: 'atrial fibrillation', system: 'icd10cm', limit: 10 }, SYNONYMS);
    expect(codes(hits).slice(0, 2)).toEqual(['I48.91', 'I48.0']);
  });

  it('falls back to matches missing one word when nothing has every word, and says which it ignored', async () => {
    const hits = searchCodes(await searchDb(), { query: 'acute cough zebra', system: 'icd10cm', limit: 5 }, SYNONYMS);
    expect(hits[0]).toEqual(expect.objectContaining({ code: 'R05.1', matchedBy: { kind: 'partial', text: 'zebra' } }));
  });
});
