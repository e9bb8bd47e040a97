/**
 * The independent query set (tests/bench/search-quality/independent-queries.ts) against the real
 * files: FY2026 CM and PCS order files and the October 2025 HCPCS workbook. Every acceptable
 * answer must exist, be billable (a header or a terminated HCPCS code is not an answer) and
 * belong to one code system per query; the set must keep its promised size and spread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptPattern } from '../../bench/search-quality/evaluate';
import { INDEPENDENT_QUERIES } from '../../bench/search-quality/independent-queries';
import { hcpcsViaLibrary } from '../helpers/read-excel';
import { CODESETS } from '../helpers/temp';
import { CM_ORDER, PCS_ORDER, requireRealFiles } from './real-files';

type System = 'icd10cm' | 'icd10pcs' | 'hcpcs';

const HCPCS_FILE = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');
/** The date the quality bench searches on; an HCPCS code terminated before it is no answer. */
const SEARCH_DATE = '2026-01-15';

/** Billable codes of an order file in display form (flag 1 in column 15; CM dotted after 3). */
function billableOrderCodes(file: string, dotted: boolean): string[] {
  return fs
    .readFileSync(file, 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.length > 15 && line[14] === '1')
    .map((line) => line.slice(6, 13).trim())
    .map((code) => (dotted && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code));
}

/** HCPCS codes (not modifiers) still in force on the search date. */
async function activeHcpcsCodes(): Promise<string[]> {
  return (await hcpcsViaLibrary(HCPCS_FILE, fs.readFileSync(HCPCS_FILE)))
    .map(({ record }) => record)
    .filter((r) => r.kind === 'code' && (r.terminatedOn === null || r.terminatedOn > SEARCH_DATE))
    .map((r) => r.code);
}

describe('the independent search-quality query set', () => {
  const codes = new Map<System, string[]>();

  beforeAll(async () => {
    requireRealFiles();
    expect(fs.existsSync(HCPCS_FILE), `missing ${HCPCS_FILE}`).toBe(true);
    codes.set('icd10cm', billableOrderCodes(CM_ORDER, true));
    codes.set('icd10pcs', billableOrderCodes(PCS_ORDER, false));
    codes.set('hcpcs', await activeHcpcsCodes());
  }, 120_000);

  const seen = new Map<string, System[]>();
  /** The systems in which an accept entry names at least one billable, active code. */
  function systemsOf(accept: string): System[] {
    const known = seen.get(accept);
    if (known) return known;
    const pattern = acceptPattern(accept);
    const prefix = accept.split('*')[0] ?? '';
    const found = [...codes]
      .filter(([, list]) => list.some((c) => c.startsWith(prefix) && pattern.test(c)))
      .map(([system]) => system);
    seen.set(accept, found);
    return found;
  }

  it('has at least 200 distinct queries of every kind, each with acceptable answers', () => {
    expect(INDEPENDENT_QUERIES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(INDEPENDENT_QUERIES.map((q) => q.kind))).toEqual(
      new Set(['term', 'abbreviation', 'lay', 'typo', 'code', 'word-order']),
    );
    const normalised = INDEPENDENT_QUERIES.map((q) => q.query.trim().toLowerCase());
    expect(new Set(normalised).size).toBe(INDEPENDENT_QUERIES.length);
    for (const q of INDEPENDENT_QUERIES) {
      expect(q.accept.length, q.query).toBeGreaterThan(0);
      expect(new Set(q.accept).size, q.query).toBe(q.accept.length);
    }
  });

  it('accepts only billable FY2026 CM/PCS codes and HCPCS codes in force', () => {
    const wrong = INDEPENDENT_QUERIES.flatMap((q) =>
      q.accept
        .filter((a) => {
          const systems = systemsOf(a);
          // An exact code must itself be billable; a pattern must reach at least one billable code.
          if (!a.includes('*')) return !systems.some((s) => codes.get(s)?.includes(a) === true);
          return systems.length === 0;
        })
        .map((a) => `${q.query}: ${a}`),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps each query within one code system, and covers PCS and HCPCS as promised', () => {
    const perSystem = new Map<string, number>();
    const mixed: string[] = [];
    for (const q of INDEPENDENT_QUERIES) {
      const systems = new Set(q.accept.flatMap(systemsOf));
      if (systems.size !== 1) mixed.push(`${q.query}: ${[...systems].join(', ')}`);
      const [system] = [...systems];
      if (system) perSystem.set(system, (perSystem.get(system) ?? 0) + 1);
    }
    expect(mixed).toEqual([]);
    expect(perSystem.get('icd10pcs') ?? 0).toBeGreaterThanOrEqual(30);
    expect(perSystem.get('hcpcs') ?? 0).toBeGreaterThanOrEqual(20);
    expect(perSystem.get('icd10cm') ?? 0).toBeGreaterThan((perSystem.get('icd10pcs') ?? 0) + (perSystem.get('hcpcs') ?? 0));
  });

  it('spreads the CM answers over the chapters: at least 22 distinct first letters', () => {
    const letters = new Set(
      INDEPENDENT_QUERIES.flatMap((q) => q.accept)
        .filter((a) => systemsOf(a).includes('icd10cm'))
        .map((a) => a[0]),
    );
    expect(letters.size).toBeGreaterThanOrEqual(22);
  });
});
