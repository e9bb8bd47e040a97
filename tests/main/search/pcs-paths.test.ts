/** PCS index terms that lead to a table or partial code, narrowed by the other typed words (real FY2026 codes, FY2025 index). */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { searchPcsPaths } from '../../../src/main/services/codesets/search/pcs-paths';
import { sourcesFor } from '../../../src/main/services/codesets/search/entry-points';
import { versionFor } from '../../../src/main/services/codesets/versions';
import { CODESETS } from '../helpers/temp';
import { PCS_ORDER } from './real-files';
import { sharedRealDb, type SharedDb } from './shared-real-db';

const PCS_INDEX = path.join(CODESETS, 'icd10pcs', 'fy2025', 'icd10pcs_index_2025.xml');
const NO_SYNONYMS = { byFirstWord: new Map(), size: 0 };
let shared: SharedDb;
let db: ContentDb;

beforeAll(async () => {
  shared = await sharedRealDb([PCS_ORDER, PCS_INDEX]);
  db = shared.db;
});
afterAll(() => shared.close());

const top = (query: string, n = 5) =>
  searchCodes(db, { query, system: 'icd10pcs', date: '2026-01-15', limit: 25 }, NO_SYNONYMS).slice(0, n);
const codes = (query: string, n = 5) => top(query, n).map((h) => h.code);

describe('PCS index paths to a table or partial code', () => {
  it('narrows "see Resection, Gallbladder" by the approach a surgeon writes, and shows the path', () => {
    const hits = top('laparoscopic cholecystectomy', 2);
    expect(hits.map((h) => h.code).sort()).toEqual(['0FB44ZZ', '0FT44ZZ']);
    const resection = hits.find((h) => h.code === '0FT44ZZ');
    expect(resection?.matchedBy).toEqual({ kind: 'index', text: 'Cholecystectomy > see Resection, Gallbladder' });
  });

  it('reads the body part from the operation name (tonsillectomy: the tonsils)', () => {
    const found = codes('tonsillectomy', 3);
    expect(found).toContain('0CTP0ZZ');
    expect(found.every((c) => c.startsWith('0CBP') || c.startsWith('0CTP'))).toBe(true);
  });

  it('prefers the subterm that names a body part, with the approach the operation implies (-centesis: needle)', () => {
    expect(codes('paracentesis', 1)).toEqual(['0W9G3ZZ']);
  });

  it('narrows a table by side and implied approach', () => {
    expect(codes('thoracentesis right', 1)).toEqual(['0W993ZZ']);
  });

  it('narrows a main term by typed subterm words (Replacement > Joint > Knee > Right)', () => {
    expect(codes('replacement knee right', 10).some((c) => c.startsWith('0SRC0'))).toBe(true);
  });

  it('uses what a term explains in parentheses (TURP: transurethral, endoscopic)', () => {
    expect(codes('turp', 2).sort()).toEqual(['0VB08ZZ', '0VT08ZZ']);
  });

  it('needs the whole main term typed: "salpingo" is not Salpingolysis', () => {
    const hits = top('laparoscopic bilateral salpingo-oophorectomy');
    expect(hits.map((h) => h.code)).toContain('0UT24ZZ');
    expect(hits.some((h) => h.matchedBy?.text.startsWith('Salpingolysis'))).toBe(false);
  });

  it('reads nothing for other systems', () => {
    const pcs = versionFor(db, 'icd10pcs', '2026-01-15');
    expect(pcs).not.toBeNull();
    if (!pcs) return;
    const sources = sourcesFor(db, 'icd10pcs', pcs.effectiveFrom);
    expect(searchPcsPaths(db, pcs, ['cholecystectomy'], sources).length).toBeGreaterThan(0);
    expect(searchPcsPaths(db, { ...pcs, system: 'icd10cm' }, ['cholecystectomy'], sources)).toEqual([]);
  });
});
