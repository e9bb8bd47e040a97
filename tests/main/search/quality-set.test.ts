/**
 * The search-quality query set (tests/bench/search-quality/queries.ts) against the real
 * FY2026 order files: every acceptable answer exists, and search keeps a floor of accuracy.
 * The full figures, per kind and beside the peers, are in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { accuracyByKind, acceptPattern, rankOfAnswer } from '../../bench/search-quality/evaluate';
import { QUALITY_QUERIES } from '../../bench/search-quality/queries';
import { CM_ORDER, orderFileCodes, PCS_ORDER, realContentDb, requireRealFiles } from './real-files';

describe('the search-quality query set', () => {
  it('has at least 150 queries of every kind, each with acceptable answers', () => {
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(QUALITY_QUERIES.map((q) => q.kind));
    expect(kinds).toEqual(new Set(['term', 'abbreviation', 'lay', 'typo', 'code', 'word-order']));
    expect(new Set(QUALITY_QUERIES.map((q) => q.query)).size).toBe(QUALITY_QUERIES.length);
    for (const q of QUALITY_QUERIES) expect(q.accept.length, q.query).toBeGreaterThan(0);
  });

  it('accepts only codes that exist in the FY2026 order files', () => {
    requireRealFiles();
    const codes = [...orderFileCodes(CM_ORDER, true), ...orderFileCodes(PCS_ORDER, false)];
    const missing = QUALITY_QUERIES.flatMap((q) =>
      q.accept.filter((a) => !codes.some((c) => acceptPattern(a).test(c))).map((a) => `${q.query}: ${a}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('search quality floor on the real FY2026 files', () => {
  it('finds what coders type in the top 5, and keeps the whole set above a floor', async () => {
    const db = await realContentDb();
    const top5 = (query: string) => searchCodes(db, { query, date: '2026-01-15', limit: 5 }).map((h) => h.code);
    expect(top5('afib')).toContain('I48.91');
    expect(top5('chf')).toContain('I50.9');
    expect(top5('copd')).toContain('J44.9');
    expect(top5('pnuemonia')).toContain('J18.9');
    expect(top5('atrial fibrilation')).toContain('I48.91');
    expect(top5('lap chole')).toContain('0FT44ZZ');
    expect(top5('E11.65')[0]).toBe('E11.65');
    expect(top5('diabetes type 2')).toContain('E11.9');

    const ranks = QUALITY_QUERIES.map((q) =>
      rankOfAnswer(searchCodes(db, { query: q.query, date: '2026-01-15', limit: 25 }).map((h) => h.code), q.accept),
    );
    const accuracy = accuracyByKind(QUALITY_QUERIES, ranks);
    expect(accuracy.all.top5).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.code.top1).toBe(1);
  });
});
