/** Codes not in force on the search date: never found by words, flagged when typed exactly. */
import { describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { storeHcpcs } from '../../../src/main/services/codesets/importers/code-lists/hcpcs-store';
import type { HcpcsRecord } from '../../../src/main/services/codesets/importers/code-lists/hcpcs-record';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { tempContentDb } from '../codesets/helpers';

function record(code: string, longTitle: string, dates: Partial<HcpcsRecord> = {}): HcpcsRecord {
  return { code, kind: 'code', longTitle, shortTitle: '', addedOn: '2000-01-01', effectiveFrom: '2000-01-01', terminatedOn: null, actionCode: 'N', xrefs: [], ...dates };
}

/** A synthetic quarter from January 2025: one code terminated in 2024, two at mid 2025, one added in 2026. */
function hcpcsDb(): ContentDb {
  const db = tempContentDb();
  const records = [
    record('J1030', 'Injection, steroidacetate, 40 mg', { terminatedOn: '2024-03-31', effectiveFrom: '2024-04-01', actionCode: 'D' }),
    record('J2310', 'Injection, opioidblocker, per 1 mg', { terminatedOn: '2025-06-30', effectiveFrom: '2025-07-01', actionCode: 'D', xrefs: ['', 'J2312', 'J2313', '99999', ''] }),
    record('J2311', 'Injection, opioidblocker (brand), 1 mg', { terminatedOn: '2025-06-30', effectiveFrom: '2025-07-01', actionCode: 'D' }),
    record('J2312', 'Injection, opioidblocker, not otherwise specified, 1 mg', { addedOn: '2025-07-01', effectiveFrom: '2025-07-01', actionCode: 'A' }),
    record('J2313', 'Injection, opioidblocker nasal, 1 mg', { addedOn: '2026-01-01', effectiveFrom: '2026-01-01', actionCode: 'A' }),
    record('J1040', 'Injection, steroidacetate, 80 mg'),
  ];
  storeHcpcs(db, { path: 'HCPC2025_JAN_ANWEB.xlsx', name: 'HCPC2025_JAN_ANWEB.xlsx', sha256: 'sha', kind: 'hcpcs-anweb-xlsx' }, records.map((r, i) => ({ record: r, line: i + 2 })), () => {});
  return db;
}

const codes = (hits: { code: string }[]) => hits.map((h) => h.code);

describe('codes not in force on the search date', () => {
  it('are never found by words', () => {
    const db = hcpcsDb();
    expect(codes(searchCodes(db, { query: 'steroidacetate', system: 'hcpcs', date: '2025-11-01', limit: 25 }))).toEqual(['J1040']);
    expect(codes(searchCodes(db, { query: 'opioidblocker', system: 'hcpcs', date: '2025-11-01', limit: 25 }))).toEqual(['J2312']);
  });

  it('follow the dates: in force through the termination day, from the day added', () => {
    const db = hcpcsDb();
    const on = (date: string) => codes(searchCodes(db, { query: 'opioidblocker', system: 'hcpcs', date, limit: 25 })).sort();
    // The termination date is the last day a code may be used (CMS record layout).
    expect(on('2025-06-30')).toEqual(['J2310', 'J2311']);
    expect(on('2025-07-01')).toEqual(['J2312']);
    expect(on('2026-01-01')).toEqual(['J2312', 'J2313']);
  });

  it('are left out of the codes starting with what was typed', () => {
    const db = hcpcsDb();
    expect(codes(searchCodes(db, { query: 'J23', system: 'hcpcs', date: '2025-11-01', limit: 25 }))).toEqual(['J2312']);
    expect(codes(searchCodes(db, { query: 'J10', system: 'hcpcs', date: '2025-11-01', limit: 25 }))).toEqual(['J1040']);
  });

  it('come back flagged, not billable, when typed exactly, with the replacements the file names', () => {
    const db = hcpcsDb();
    const [j1030] = searchCodes(db, { query: 'j1030', system: 'hcpcs', date: '2025-11-01', limit: 25 });
    expect(j1030).toEqual({ system: 'hcpcs', code: 'J1030', title: 'Injection, steroidacetate, 40 mg', billable: false, terminated: { on: '2024-03-31', replacedBy: [] } });
    // Only Level II codes are kept of the XREF columns (never a numeric CPT code).
    const [j2310] = searchCodes(db, { query: 'J2310', system: 'hcpcs', date: '2025-11-01', limit: 25 });
    expect(j2310).toMatchObject({ code: 'J2310', billable: false, terminated: { on: '2025-06-30', replacedBy: ['J2312', 'J2313'] } });
    const [j2313] = searchCodes(db, { query: 'J2313', system: 'hcpcs', date: '2025-11-01', limit: 25 });
    expect(j2313).toMatchObject({ code: 'J2313', billable: false, startsOn: '2026-01-01' });
    expect(j2313).not.toHaveProperty('terminated');
    // In force: billable, no flags.
    expect(searchCodes(db, { query: 'J2312', system: 'hcpcs', date: '2025-11-01', limit: 25 })[0]).toEqual({
      system: 'hcpcs',
      code: 'J2312',
      title: 'Injection, opioidblocker, not otherwise specified, 1 mg',
      billable: true,
    });
  });

  it('are read again after a re-import changes the dates', () => {
    const db = hcpcsDb();
    expect(codes(searchCodes(db, { query: 'steroidacetate', system: 'hcpcs', date: '2025-11-01', limit: 25 }))).toEqual(['J1040']);
    const records = [record('J1030', 'Injection, steroidacetate, 40 mg'), record('J1040', 'Injection, steroidacetate, 80 mg', { terminatedOn: '2025-01-31' })];
    storeHcpcs(db, { path: 'HCPC2025_JAN_ANWEB.xlsx', name: 'HCPC2025_JAN_ANWEB.xlsx', sha256: 'sha2', kind: 'hcpcs-anweb-xlsx' }, records.map((r, i) => ({ record: r, line: i + 2 })), () => {});
    expect(codes(searchCodes(db, { query: 'steroidacetate', system: 'hcpcs', date: '2025-11-01', limit: 25 }))).toEqual(['J1030']);
  });
});
