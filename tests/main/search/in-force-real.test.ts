/** Codes not in force on the real October 2025 HCPCS file (../shared): J1030 and the old naloxone codes. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { CODESETS } from '../helpers/temp';
import { sharedRealDb, type SharedDb } from './shared-real-db';

const HCPCS = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');
const DATE = '2026-01-15';
let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([HCPCS]);
  db = shared.db;
});
afterAll(() => shared.close());

const search = (query: string) => searchCodes(db, { query, system: 'hcpcs', date: DATE, limit: 25 });
const codes = (query: string) => search(query).map((h) => h.code);

/** Codes the file itself says are not in force on DATE, read straight from hcpcs_item. */
function outOfForce(): Set<string> {
  const found = db
    .prepare('SELECT code FROM hcpcs_item WHERE (terminated_on IS NOT NULL AND terminated_on < ?) OR coalesce(added_on, effective_from) > ?')
    .pluck()
    .all(DATE, DATE) as string[];
  return new Set(found);
}

describe('codes not in force, on the real HCPCS file', () => {
  it('a word search never finds a terminated code', () => {
    const out = outOfForce();
    expect(out.has('J1030') && out.has('J2310') && out.has('J2311')).toBe(true);
    expect(codes('methylprednisolone acetate injection')).not.toContain('J1030');
    for (const query of ['methylprednisolone acetate injection', 'depo medrol', 'naloxone', 'injection', 'naloxone hydrochloride injection']) {
      expect(codes(query).filter((code) => out.has(code)), query).toEqual([]);
    }
  });

  it('the naloxone code in force is found, with nothing terminated above it', () => {
    const found = codes('naloxone hydrochloride');
    expect(found).toContain('J2312');
    expect(found).not.toContain('J2310');
    expect(found).not.toContain('J2311');
  });

  it('typed exactly, a terminated code comes back flagged and not billable', () => {
    const [hit] = search('J1030');
    // The file names no replacement for J1030 (its XREF columns are blank).
    expect(hit).toMatchObject({ code: 'J1030', billable: false, terminated: { on: '2024-03-31', replacedBy: [] } });
    expect(search('j2311')[0]).toMatchObject({ code: 'J2311', billable: false, terminated: { on: '2025-06-30' } });
  });

  it('names the replacement when the file cross-references one', () => {
    // C9166 (secukinumab, terminated 2024-06-30) has XREF1 J3247.
    expect(search('C9166')[0]).toMatchObject({ code: 'C9166', billable: false, terminated: { on: '2024-06-30', replacedBy: ['J3247'] } });
  });
});
