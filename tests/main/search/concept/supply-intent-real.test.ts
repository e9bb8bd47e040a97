/**
 * A query that names a supply as such ("machine", "supply") asks for the HCPCS Level II item, on
 * the real FY2026 PCS order file and October 2025 HCPCS file, even where the item's name reads as a
 * PCS operation (CPAP is Assistance with Respiratory Ventilation). Queries written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../../src/main/services/codesets/search';
import { HCPCS, PCS_ORDER } from '../real-files';
import { sharedRealDb, type SharedDb } from '../shared-real-db';

let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([PCS_ORDER, HCPCS]);
  db = shared.db;
}, 120_000);
afterAll(() => shared.close());

const codes = (query: string, n: number) => searchCodes(db, { query, date: '2026-01-15', limit: 10 }).slice(0, n).map((h) => h.code);

describe('supply intent on the real code sets', () => {
  it('puts the HCPCS item first when the query names a machine or a supply', () => {
    expect(codes('cpap machine', 1)).toEqual(['E0601']);
    expect(codes('foley catheter supply', 3).some((c) => /^A43(38|44)$/.test(c))).toBe(true);
  });
});
