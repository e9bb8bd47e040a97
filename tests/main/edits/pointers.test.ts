/** Diagnosis pointers (box 24E) on professional lines: in claim JSON by letter, in a chart's coding by code. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp';
import { checkClaim } from '../../../src/main/services/edits/check';
import { claimForChart, validateCoding } from '../../../src/main/services/charts/validate';
import { claimSchema, type ClaimInput } from '../../../src/shared/claim';
import type { CodedProcedure, Coding } from '../../../src/shared/domain';
import { dropEditsDb, editsDb, ids, type Db } from './setup';

let db: Db;
beforeAll(async () => {
  db = await editsDb();
});
afterAll(() => dropEditsDb(db));

const claim = (procedures: ClaimInput['procedures'], diagnoses = ['E11.9', 'I10'], setting: ClaimInput['setting'] = 'professional') =>
  checkClaim(db, claimSchema.parse({ setting, dateOfService: '2026-05-01', patient: { age: 50, sex: 'F' }, diagnoses: diagnoses.map((code) => ({ code, poa: 'Y' })), procedures }));

describe('pointer edits on claim JSON', () => {
  it('a professional line pointing at listed billable diagnoses is clean; the order of letters is kept', () => {
    expect(claim([{ code: '99213', pointers: ['b', 'A'] }])).toEqual([]);
    expect(claimSchema.parse({ setting: 'professional', dateOfService: '2026-05-01', patient: { age: 1, sex: 'F' }, diagnoses: [], procedures: [{ code: '99213', pointers: ['b', 'a'] }] }).procedures[0]!.pointers).toEqual(['B', 'A']);
  });

  it('a line without a pointer is an error; ICD-10-PCS lines need none', () => {
    const f = claim([{ code: '99213' }, { code: '93000', pointers: ['A'] }]);
    expect(ids(f)).toEqual(['px.pointer-missing 99213']);
    expect(f[0]!).toMatchObject({ severity: 'error', source: 'claim' });
    expect(ids(claim([{ code: '0WFGXZZ' }]))).toEqual(['px.pcs-not-inpatient 0WFGXZZ']);
  });

  it('a pointer past the last diagnosis, and one at a header or unknown code, are errors naming line and diagnosis', () => {
    const f = claim([{ code: '99213', pointers: ['C'] }]);
    expect(ids(f)).toEqual(['px.pointer-dangling 99213,C']);
    expect(f[0]!.message).toBe('99213 points at diagnosis C, but the claim lists only 2 (A–B).');
    expect(ids(claim([{ code: '99213', pointers: ['A', 'B'] }], ['I10', 'E11']))).toEqual(['code.not-billable E11', 'px.pointer-not-billable 99213,E11']);
    expect(ids(claim([{ code: '99213', pointers: ['B'] }], ['I10', 'E11.99']))).toEqual(['code.unknown E11.99', 'px.pointer-not-billable 99213,E11.99']);
  });

  it("an external cause code cannot be a line's first pointer, but may follow", () => {
    expect(ids(claim([{ code: '99213', pointers: ['B', 'A'] }], ['S02.30XA', 'W19.XXXA']))).toEqual(['px.pointer-external-cause-first 99213,W19.XXXA']);
    expect(claim([{ code: '99213', pointers: ['A', 'B'] }], ['S02.30XA', 'W19.XXXA'])).toEqual([]);
  });

  it('facility claims (UB-04) carry no line pointers: a warning, nothing required', () => {
    expect(claim([{ code: '93000' }], ['I10'], 'outpatient')).toEqual([]);
    expect(ids(claim([{ code: '93000', pointers: ['A'] }], ['I10'], 'outpatient'))).toEqual(['px.pointer-facility 93000']);
  });

  it("the README's example claim is valid and its pointers resolve", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /### The claim JSON[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const parsed = claimSchema.parse(JSON.parse(example ?? 'null'));
    expect(parsed.procedures.map((p) => p.pointers)).toEqual([['B', 'A', 'C', 'D'], ['A'], ['B']]);
  });

  it('malformed pointers are bad input: not A–L, more than 4, the same twice', () => {
    const parse = (pointers: string[]) => claimSchema.safeParse({ setting: 'professional', dateOfService: '2026-05-01', patient: { age: 1, sex: 'F' }, diagnoses: [], procedures: [{ code: '99213', pointers }] });
    expect(parse(['M']).success).toBe(false);
    expect(parse(['1']).success).toBe(false);
    expect(parse(['A', 'B', 'C', 'D', 'E']).success).toBe(false);
    expect(parse(['A', 'a']).success).toBe(false);
    expect(parse(['A', 'B', 'C', 'D']).success).toBe(true);
  });
});

describe('pointers in a chart coding (by code)', () => {
  const chart = { setting: 'professional' as const, codingDate: '2026-05-01', patient: { age: 50, sex: 'F' as const } };
  const line = (code: string, pointers: string[]): CodedProcedure => ({ system: 'cpt', code, modifiers: [], units: 1, date: null, pointers });

  it('follow their diagnosis when the diagnoses are reordered: the claim letters change, the codes do not', () => {
    const coding: Coding = { diagnoses: [{ code: 'E11.9', poa: null }, { code: 'I10', poa: null }], procedures: [line('99213', ['I10'])] };
    expect(claimForChart(chart, coding).procedures[0]!.pointers).toEqual(['B']);
    const reordered: Coding = { ...coding, diagnoses: [coding.diagnoses[1]!, coding.diagnoses[0]!] };
    expect(claimForChart(chart, reordered).procedures[0]!.pointers).toEqual(['A']);
    expect(validateCoding(db, chart, reordered)).toEqual([]);
  });

  it('a pointer to a removed diagnosis is an error naming the removed code, never a pointer at another code', () => {
    const coding: Coding = { diagnoses: [{ code: 'I10', poa: null }], procedures: [line('99213', ['E11.9'])] };
    const problems = validateCoding(db, chart, coding);
    expect(problems).toEqual([
      { rule: 'px.pointer-dangling', severity: 'error', codes: ['99213', 'E11.9'], message: '99213 points at E11.9, which is no longer among the diagnoses: point it at a listed diagnosis.' },
    ]);
    expect(claimForChart(chart, coding).procedures[0]!.pointers).toEqual([]);
  });

  it('a pointer at the 13th diagnosis or later is an error (box 21 holds 12); a chart line without pointers is an error', () => {
    const codes = ['E11.9', 'I10', 'A33', 'B90.0', 'E10.9', 'E11.40', 'F03.90', 'G81.00', 'R03.0', 'S02.30XA', 'T07.XXXA', 'Z51.89', 'Z00.121'];
    const coding: Coding = { diagnoses: codes.map((code) => ({ code, poa: null })), procedures: [line('99213', ['Z00.121']), { ...line('93000', []), pointers: undefined }] };
    const rules = validateCoding(db, chart, coding).filter((p) => p.rule.startsWith('px.'));
    expect(rules.map((p) => `${p.rule} ${p.codes.join(',')}`)).toEqual(['px.pointer-beyond-l 99213,Z00.121', 'px.pointer-missing 93000']);
    expect(rules[0]!.message).toContain('the 13th diagnosis');
  });

  it('facility charts are not asked for pointers', () => {
    const coding: Coding = { diagnoses: [{ code: 'I10', poa: null }], procedures: [line('93000', [])] };
    expect(validateCoding(db, { ...chart, setting: 'emergency' }, coding)).toEqual([]);
  });
});
