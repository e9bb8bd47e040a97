/** 7th-character siblings in a result list take their places in Tabular order (A before D before S). */
import { describe, expect, it } from 'vitest';
import { orderSeventhCharacterSiblings } from '../../../src/main/services/codesets/search/seventh-siblings';
import type { CodeHit } from '../../../src/shared/domain';

const hit = (code: string, system: CodeHit['system'] = 'icd10cm'): CodeHit => ({ system, code, title: code, billable: true });
const codes = (hits: CodeHit[]) => hits.map((h) => h.code);

describe('orderSeventhCharacterSiblings', () => {
  it('puts siblings in code order within the places they hold, and moves nothing else', () => {
    const hits = [hit('S72.002S'), hit('S72.002A'), hit('S72.092A'), hit('M87.852'), hit('S72.092S'), hit('S72.002D')];
    expect(codes(orderSeventhCharacterSiblings(hits))).toEqual(['S72.002A', 'S72.002D', 'S72.092A', 'M87.852', 'S72.092S', 'S72.002S']);
  });

  it('leaves the hits before `from` (the exact code typed) where they are', () => {
    const hits = [hit('S01.01XS'), hit('S01.01XD'), hit('S01.01XA')];
    expect(codes(orderSeventhCharacterSiblings(hits, 1))).toEqual(['S01.01XS', 'S01.01XA', 'S01.01XD']);
  });

  it('groups only 7-character ICD-10-CM codes, never PCS codes or shorter CM codes', () => {
    const pcs = [hit('0SR9019', 'icd10pcs'), hit('0SR9010', 'icd10pcs')];
    expect(codes(orderSeventhCharacterSiblings([...pcs]))).toEqual(['0SR9019', '0SR9010']);
    const short = [hit('E11.649'), hit('E11.641')];
    expect(codes(orderSeventhCharacterSiblings([...short]))).toEqual(['E11.649', 'E11.641']);
  });
});
