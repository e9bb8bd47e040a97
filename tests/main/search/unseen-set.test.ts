/**
 * The unseen-phrasing evaluation set (tests/bench/search-quality/unseen/) against the real files:
 * every answer is a billable FY2026 CM/PCS code or an HCPCS code in force on the search date, in
 * the query's own system; the split between the dev and the frozen test half follows its rule;
 * the test half is byte-for-byte the one committed before the engine changed; and no query is
 * one the project already knew (older query sets, synonym list).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptPattern } from '../../bench/search-quality/evaluate';
import { INDEPENDENT_QUERIES } from '../../bench/search-quality/independent-queries';
import { QUALITY_QUERIES } from '../../bench/search-quality/queries';
import {
  normalisedQuery,
  UNSEEN_KINDS,
  unseenFile,
  unseenQueries,
  type UnseenHalf,
  type UnseenQuery,
} from '../../bench/search-quality/unseen';
import { hcpcsViaLibrary } from '../helpers/read-excel';
import { CODESETS } from '../helpers/temp';
import { CM_ORDER, PCS_ORDER, requireRealFiles } from './real-files';

/** sha256 of test.json as committed before the engine changed (README.md). */
const FROZEN_TEST_SHA256 = '2a20e8e7cd5db7e0a478f8843a67db419184141d28848006ba661fd0d5b3b707';
const HCPCS_FILE = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');
const SEARCH_DATE = '2026-01-15';
const SYNONYMS = path.resolve(__dirname, '../../../resources/search/synonyms.tsv');

function billableOrderCodes(file: string, dotted: boolean): Set<string> {
  return new Set(
    fs
      .readFileSync(file, 'latin1')
      .split(/\r?\n/)
      .filter((line) => line.length > 15 && line[14] === '1')
      .map((line) => line.slice(6, 13).trim())
      .map((code) => (dotted && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code)),
  );
}

const halves: Record<UnseenHalf, UnseenQuery[]> = { dev: unseenQueries('dev'), test: unseenQueries('test') };
const all = [...halves.dev, ...halves.test];

describe('the unseen-phrasing evaluation set', () => {
  const codes = new Map<UnseenQuery['system'], Set<string>>();

  beforeAll(async () => {
    requireRealFiles();
    codes.set('icd10cm', billableOrderCodes(CM_ORDER, true));
    codes.set('icd10pcs', billableOrderCodes(PCS_ORDER, false));
    const hcpcs = (await hcpcsViaLibrary(HCPCS_FILE, fs.readFileSync(HCPCS_FILE)))
      .map(({ record }) => record)
      .filter((r) => r.kind === 'code' && (r.terminatedOn === null || r.terminatedOn > SEARCH_DATE))
      .map((r) => r.code);
    codes.set('hcpcs', new Set(hcpcs));
  }, 120_000);

  it('keeps the frozen test half exactly as committed', () => {
    const sha = crypto.createHash('sha256').update(fs.readFileSync(unseenFile('test'))).digest('hex');
    expect(sha).toBe(FROZEN_TEST_SHA256);
  });

  it('puts each query in the half its hash names, with at least 300 distinct queries in all', () => {
    const misplaced = (['dev', 'test'] as const).flatMap((half) =>
      halves[half].filter((q) => {
        const even = (crypto.createHash('sha256').update(normalisedQuery(q.query)).digest()[0] as number) % 2 === 0;
        return (even ? 'dev' : 'test') !== half;
      }),
    );
    expect(misplaced.length).toBe(0);
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((q) => normalisedQuery(q.query))).size).toBe(all.length);
    for (const q of all) expect(UNSEEN_KINDS).toContain(q.kind);
  });

  it('holds no query the project already knew (older sets, synonym list)', () => {
    const known = new Set([...QUALITY_QUERIES, ...INDEPENDENT_QUERIES].map((q) => normalisedQuery(q.query)));
    for (const line of fs.readFileSync(SYNONYMS, 'utf8').split('\n')) {
      if (!line.startsWith('#') && line.includes('\t')) known.add(normalisedQuery(line.split('\t')[0] as string));
    }
    expect(all.filter((q) => known.has(normalisedQuery(q.query))).length).toBe(0);
  });

  it('accepts only billable codes in force, in the query’s own system; pairs are accepted codes', () => {
    const wrong: number[] = [];
    all.forEach((q, i) => {
      const list = codes.get(q.system);
      if (!list || q.accept.length === 0) wrong.push(i);
      for (const a of q.accept) {
        const found = a.includes('*') ? [...(list ?? [])].some((c) => acceptPattern(a).test(c)) : list?.has(a) === true;
        if (!found) wrong.push(i);
      }
      if (q.pair && !q.pair.every((p) => q.accept.includes(p))) wrong.push(i);
    });
    // Indexes only: the test half's queries are not printed.
    expect(wrong).toEqual([]);
  });
});
