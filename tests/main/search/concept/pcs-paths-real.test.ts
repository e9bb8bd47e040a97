/**
 * How PCS Index paths, approaches and scopes combine with the words typed, on the real FY2026
 * ICD-10-CM and ICD-10-PCS order files and the PCS Index. The queries are written for this test,
 * not taken from the evaluation set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../../src/main/services/codesets/search';
import { CM_ORDER, PCS_INDEX, PCS_ORDER } from '../real-files';
import { sharedRealDb, type SharedDb } from '../shared-real-db';

let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([CM_ORDER, PCS_ORDER, PCS_INDEX]);
  db = shared.db;
}, 120_000);
afterAll(() => shared.close());

const codes = (query: string, n = 5) => searchCodes(db, { query, date: '2026-01-15', limit: 10 }).slice(0, n).map((h) => h.code);

describe('PCS Index paths against the words typed', () => {
  it('does not let an Index target that is a whole table outrank the body part the operation names', () => {
    // "Splenectomy: see Excision, Lymphatic and Hemic Systems 07B" names no body part; "splen-" does.
    expect(codes('laparoscopic splenectomy', 2).every((c) => /^07[BT]P4ZZ$/.test(c))).toBe(true);
  });

  it('does not take a subterm nobody typed as the whole reading', () => {
    // "Banding, laparoscopic (adjustable) gastric" has "Initial procedure" and "Surgical correction" below it.
    expect(codes('laparoscopic gastric banding', 1)).toEqual(['0DV64CZ']);
  });

  it('tells a target’s codes apart by the path words their titles hold', () => {
    expect(codes('insertion dual chamber pacemaker generator chest', 1)).toEqual(['0JH606Z']);
  });
});

describe('approach and scope words', () => {
  it('does not count an approach against an operation that has none', () => {
    expect(codes('external cardioversion', 1)).toEqual(['5A2204Z']);
  });

  it('reads a scope with no other operation as the inspection', () => {
    expect(codes('diagnostic cystoscopy', 1)).toEqual(['0TJB8ZZ']);
    expect(codes('diagnostic esophagogastroduodenoscopy', 1)).toEqual(['0DJ08ZZ']);
    // With an operation, the scope only says how the site was reached.
    expect(codes('cystoscopy with biopsy of bladder', 1)[0]).toMatch(/^0TBB8ZX$/);
  });

  it('reads "placement" as the operation the device names, not an Insertion', () => {
    expect(codes('vp shunt placement', 1)).toEqual(['00160J6']);
    expect(codes('right nephrostomy tube placement', 1)).toEqual(['0T9030Z']);
  });

  it('takes the meaning listed first when two fit equally: -ectomy is a resection unless "partial"', () => {
    expect(codes('open cholecystectomy', 1)).toEqual(['0FT40ZZ']);
    expect(codes('open partial nephrectomy right', 1)).toEqual(['0TB00ZZ']);
  });

  it('gives a word ruled out ("without mesh") no credit to the codes that have it', () => {
    const without = codes('open umbilical hernia repair without mesh', 3);
    expect(without).toContain('0WQF0ZZ');
  });
});
