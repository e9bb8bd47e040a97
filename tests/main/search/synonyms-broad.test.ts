/** The broad synonym list on the real FY2026 CM order file and the HCPCS file: brand names, lay words, plurals. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { CODESETS } from '../helpers/temp';
import { CM_ORDER } from './real-files';
import { sharedRealDb, type SharedDb } from './shared-real-db';

const HCPCS = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');
let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([CM_ORDER, HCPCS]);
  db = shared.db;
});
afterAll(() => shared.close());

const top = (query: string, n = 5) => searchCodes(db, { query, date: '2026-01-15', limit: 25 }).slice(0, n);

describe('broad synonyms', () => {
  it('finds a J-code by the brand name a coder reads on the MAR, and says which generic it is', () => {
    expect(top('Toradol', 1)).toEqual([
      expect.objectContaining({ code: 'J1885', matchedBy: { kind: 'synonym', text: 'toradol: ketorolac tromethamine' } }),
    ]);
    expect(top('Solu-Medrol').map((h) => h.code)).toContain('J2919');
    expect(top('Zofran').map((h) => h.code)).toContain('J2405');
  });

  it('reads lay words as the title words', () => {
    expect(top('shingles', 1)[0]?.code).toBe('B02.9');
    expect(top('passed out', 1)[0]?.code).toBe('R55');
    expect(top('hives').map((h) => h.code)).toContain('L50.9');
  });

  it('reads a plural as its singular, for titles and synonyms alike', () => {
    expect(top('kidney stones', 1)[0]?.code).toBe('N20.0');
    expect(top('PVCs', 1)[0]?.code).toBe('I49.3');
    expect(top('compression stockings below knee').map((h) => h.code)).toContain('A6552');
  });

  it('drops filler words a title does not hold', () => {
    expect(top('ringing in the ears', 1)[0]?.code).toBe('H93.19');
    expect(top('ringing in the ears', 3).every((h) => /tinnitus/i.test(h.title))).toBe(true);
  });
});
