/** Never only a header: its billable children come first, in its place (header-children.ts). */
import { describe, expect, it } from 'vitest';
import type { CodeHit } from '../../../src/shared/domain';
import { compareChildren, MAX_CHILDREN, withHeaderChildren } from '../../../src/main/services/codesets/search/header-children';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { searchDb } from './helpers';

const cm = (code: string, billable: boolean, title = `Title ${code}`): CodeHit => ({ system: 'icd10cm', code, title, billable });
const codes = (hits: readonly CodeHit[]) => hits.map((h) => h.code);

/** Billable descendants from a fixed table, as the word index would give them. */
const table = (byHeader: Record<string, CodeHit[]>) => (header: CodeHit) => byHeader[header.code] ?? [];

describe('header children (unit)', () => {
  it('puts the unlisted billable children in the header place and the header below them', () => {
    const children = table({ 'E05.0': [cm('E05.01', true, 'Thyrotoxicosis with storm'), cm('E05.00', true, 'Thyrotoxicosis, unspecified, without storm')] });
    const out = withHeaderChildren([cm('E04.9', true), cm('E05.0', false), cm('E06.3', true)], 25, children);
    expect(codes(out)).toEqual(['E04.9', 'E05.00', 'E05.01', 'E05.0', 'E06.3']);
  });

  it('orders children "unspecified" first, then by shorter title, then by code; at most four', () => {
    const kids = [cm('A01.5', true, 'bbbb'), cm('A01.4', true, 'bbbb'), cm('A01.3', true, 'aaaaaaaaa, unspecified'), cm('A01.2', true, 'a'), cm('A01.1', true, 'cccccccc')];
    expect(codes([...kids].sort(compareChildren))).toEqual(['A01.3', 'A01.2', 'A01.4', 'A01.5', 'A01.1']);
    const out = withHeaderChildren([cm('A01', false)], 25, table({ A01: kids }));
    expect(codes(out)).toEqual(['A01.3', 'A01.2', 'A01.4', 'A01.5', 'A01']);
    expect(out).toHaveLength(MAX_CHILDREN + 1);
  });

  it('does not repeat a child already listed; a header whose children are all listed below it moves under the first', () => {
    const children = table({ I48: [cm('I48.0', true), cm('I48.91', true)] });
    const out = withHeaderChildren([cm('I48', false), cm('X1', true), cm('I48.91', true), cm('I48.0', true)], 25, children);
    expect(codes(out)).toEqual(['X1', 'I48.91', 'I48', 'I48.0']);
  });

  it('leaves hits found by their code, headers without billable children and other systems in place', () => {
    const header = cm('E05.0', false);
    const modifier: CodeHit = { system: 'hcpcs', code: 'A4', title: 'Modifier', billable: false };
    const children = table({ 'E05.0': [cm('E05.00', true)], 'E07': [] });
    const hits = [header, cm('E07', false), modifier];
    expect(codes(withHeaderChildren(hits, 25, children, (h) => h === header))).toEqual(['E05.0', 'E07', 'A4']);
  });

  it('keeps the list within the limit', () => {
    const out = withHeaderChildren([cm('E05.0', false), cm('E06.3', true)], 2, table({ 'E05.0': [cm('E05.00', true), cm('E05.01', true)] }));
    expect(codes(out)).toEqual(['E05.00', 'E05.01']);
  });
});

describe('header children in searchCodes', () => {
  it('a header found by its words comes below its billable children', async () => {
    const db = await searchDb();
    const hits = searchCodes(db, { query: 'fibrillation flutter', system: 'icd10cm', limit: 25 });
    expect(new Set(codes(hits).slice(0, 3))).toEqual(new Set(['I48.92', 'I48.91', 'I48.0']));
    expect(codes(hits)[3]).toBe('I48');
    expect(hits.slice(0, 3).every((h) => h.billable)).toBe(true);
  });

  it('a header typed as its code stays first, its codes below in code order', async () => {
    const db = await searchDb();
    expect(codes(searchCodes(db, { query: 'I48', system: 'icd10cm', limit: 25 }))).toEqual(['I48', 'I48.0', 'I48.91', 'I48.92']);
  });
});
