/**
 * The concept search on the real FY2026 ICD-10-CM order file and the FY2021 Tabular List, with the
 * bundled vocabulary: combination codes first, the second code of a pair next, inclusion terms
 * inherited from headers, "without" clauses, unknown words ignored and said so. The queries are
 * the issue's own examples of what went wrong (not the evaluation set).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../../src/main/services/codesets/search';
import { CODESETS } from '../../helpers/temp';
import { CM_ORDER } from '../real-files';
import { sharedRealDb, type SharedDb } from '../shared-real-db';

const TABULAR = path.join(CODESETS, 'icd10cm', 'fy2021', 'icd10cm_tabular_2021.xml');
let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([CM_ORDER, TABULAR]);
  db = shared.db;
}, 120_000);
afterAll(() => shared.close());

const top = (query: string, n = 5) => searchCodes(db, { query, date: '2026-01-15', limit: 25 }).slice(0, n);
const codes = (query: string, n = 5) => top(query, n).map((h) => h.code);

describe('concept search on the real code set', () => {
  it('puts the combination code first when ICD-10-CM has one', () => {
    expect(codes('CHF with hypertension', 1)).toEqual(['I11.0']);
    expect(codes('DKA type 1', 1)).toEqual(['E10.10']);
  });

  it('offers the second code of a pair right after the first when no code covers both', () => {
    expect(new Set(codes('AKI on CKD stage 3b', 2))).toEqual(new Set(['N17.9', 'N18.32']));
    // Each says which code it goes with.
    expect(top('AKI on CKD stage 3b', 2).map((h) => h.matchedBy)).toEqual([
      { kind: 'pair', text: 'with N18.32' },
      { kind: 'pair', text: 'with N17.9' },
    ]);
    // N39.0 says "use additional code (B95-B97) to identify infectious agent": the organism comes from there.
    expect(new Set(codes('UTI due to e coli', 2))).toEqual(new Set(['N39.0', 'B96.20']));
  });

  it('reads an abbreviation by its meaning, not as the start of an unrelated word, and says what it ignored', () => {
    const [first] = top('afib with RVR', 1);
    expect(first?.code).toMatch(/^I48\./);
    expect(first?.matchedBy).toEqual({ kind: 'partial', text: 'rvr' });
  });

  it('finds billable codes through an inclusion term of their header (Graves disease is under E05.0)', () => {
    const hits = top('Graves disease', 2);
    expect(hits[0]?.code).toBe('E05.00');
    expect(hits.every((h) => h.billable)).toBe(true);
  });

  it('reads "without" and "no" against the titles that say "without"', () => {
    expect(codes('graves disease without thyroid storm', 1)).toEqual(['E05.00']);
    expect(codes('concussion no loc initial', 1)).toEqual(['S06.0X0A']);
  });

  it('reads the encounter typed, and otherwise lists the initial encounter first', () => {
    expect(codes('fall from bed subsequent encounter', 1)).toEqual(['W06.XXXD']);
    expect(codes('fell off ladder initial', 1)).toEqual(['W11.XXXA']);
    expect(codes('fall from bed', 1)).toEqual(['W06.XXXA']);
  });

  it('never returns nothing when some words match', () => {
    for (const query of ['community acquired pneumonia', 'new onset atrial fibrillation', 'zzqx pneumonia']) {
      expect(top(query).length, query).toBeGreaterThan(0);
    }
    expect(codes('community acquired pneumonia', 3)).toContain('J18.9');
  });

  it('reads a number typed against the range a title states', () => {
    const bmi = top('bmi 42 adult', 1)[0];
    expect(bmi?.code).toBe('Z68.41');
    expect(bmi?.matchedBy?.kind).not.toBe('partial');
    expect(codes('blood alcohol level 85', 1)).toEqual(['Y90.4']);
    expect(codes('bmi 15 adult', 1)).toEqual(['Z68.1']);
  });
});
