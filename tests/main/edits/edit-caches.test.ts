/**
 * What the checker keeps in memory between checks (edit tables in force, PTP pairs, MUE and
 * add-on rows) never outlives a re-import, and never ties a claim to another claim's date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { GenerationalCache } from '../../../src/main/services/edits/generational-cache';
import { rowsByCode } from '../../../src/main/services/edits/edit-cache';
import { PairCache } from '../../../src/main/services/edits/pair-cache';
import { writeFile, writeOrderFile } from '../codesets/helpers';
import { mueCsv, ptpText } from './fixtures';
import { check, dropEditsDb, editsDb, ids, type Db } from './setup';

let db: Db;
let dir: string;
beforeEach(async () => {
  db = await editsDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-edit-caches-'));
});
afterEach(() => {
  dropEditsDb(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const pro = (codes: readonly string[], dateOfService = '2026-05-01') =>
  check(db, { setting: 'professional', dateOfService, diagnoses: [{ code: 'I10' }], procedures: codes.map((code) => ({ code })) });

async function importFile(name: string, content: string | Buffer): Promise<void> {
  if (typeof content === 'string') writeFile(dir, name, content);
  else fs.writeFileSync(path.join(dir, name), content);
  await importCodeFiles(db, [path.join(dir, name)]);
}

describe('edit caches and re-imports', () => {
  it('a replaced PTP table is read afresh: remembered pairs of the old file do not apply', async () => {
    expect(ids(pro(['20610', '36415']))).toEqual(['ncci.ptp 20610,36415']);
    expect(pro(['93306', '20610'])).toEqual([]);
    await importFile('ccipra-v321r0-f1.txt', ptpText(['20610\t36415\t\t20090101\t*\t9\tNow not applicable', '93306\t20610\t\t20150101\t*\t0\tNew pair']));
    expect(pro(['20610', '36415'])).toEqual([]);
    const f = pro(['93306', '20610']);
    expect(ids(f)).toEqual(['ncci.ptp 93306,20610']);
    expect(f[0]!.source).toBe('ccipra-v321r0-f1.txt (NCCI PTP practitioner v32.1r0 f1) line 5');
  });

  it('a release imported later takes over the dates it covers from the fallback', async () => {
    const before = pro(['20610', '36415'], '2026-08-01');
    expect(ids(before)).toEqual(['ncci.ptp 20610,36415']);
    expect(before[0]!.source).toContain('none in force on 2026-08-01');
    await importFile('ccipra-v322r0-f1.txt', ptpText(['93306\t20610\t\t20150101\t*\t0\tJuly pair']));
    expect(pro(['20610', '36415'], '2026-08-01')).toEqual([]);
    const after = pro(['93306', '20610'], '2026-08-01');
    expect(ids(after)).toEqual(['ncci.ptp 93306,20610']);
    expect(after[0]!.source).toBe('ccipra-v322r0-f1.txt (NCCI PTP practitioner v32.2r0 f1) line 4');
    // The April release still answers for April.
    expect(ids(pro(['20610', '36415']))).toEqual(['ncci.ptp 20610,36415']);
  });

  it('a re-imported MUE table changes the values the checker applies', async () => {
    const claim = (units: number) =>
      check(db, { setting: 'professional', diagnoses: [{ code: 'I10' }], procedures: [{ code: '11042' }, { code: '11045', units }] });
    expect(claim(12)).toEqual([]);
    await importFile('MCR_MUE_PractitionerServices_Eff_04-01-2026.csv', mueCsv(['11045,10,3 Date of Service Edit: Clinical,Anatomic']));
    expect(ids(claim(12))).toEqual(['ncci.mue 11045']);
  });
});

describe('code sets and re-imports', () => {
  it('a re-imported order file (same year, same version row) changes what validity reports', async () => {
    const claim = () => check(db, { setting: 'professional', diagnoses: [{ code: 'I10' }, { code: 'E11.9' }] });
    expect(claim()).toEqual([]);
    writeOrderFile(dir, 'icd10cm_order_2026.txt', [['E11', 0, 'Type 2 diabetes mellitus'], ['E119', 1, 'Type 2 diabetes mellitus without complications'], ['I10', 0, 'Made-up header'], ['I101', 1, 'Made-up code under it']]);
    await importCodeFiles(db, [path.join(dir, 'icd10cm_order_2026.txt')]);
    expect(ids(claim())).toEqual(['code.not-billable I10']);
  });
});

describe('remembered rows and the claim date', () => {
  it('a PTP pair ending mid-quarter fires before its end and not after, in either order', async () => {
    await importFile('ccipra-v321r0-f1.txt', ptpText(['93306\t93000\t\t20150101\t20260515\t0\tEnds mid-quarter', '93306\t93000\t\t20260601\t*\t1\tBack with a modifier']));
    expect(pro(['93306', '93000'], '2026-05-20')).toEqual([]);
    expect(ids(pro(['93306', '93000'], '2026-05-10'))).toEqual(['ncci.ptp 93306,93000']);
    expect(pro(['93306', '93000'], '2026-05-20')).toEqual([]);
    const june = pro(['93306', '93000'], '2026-06-10');
    expect(june[0]!.message).toContain('unless a distinct-service modifier');
  });

  it('an add-on edit deleted long ago fires only for dates it was in force', () => {
    // In 2014 no code set is in force either: only the NCCI findings matter here.
    const ncci = (date?: string) => ids(pro(['0092T'], date)).filter((id) => id.startsWith('ncci.'));
    expect(ncci()).toEqual([]);
    expect(ncci('2014-06-01')).toEqual(['ncci.aoc 0092T']);
    expect(ncci()).toEqual([]);
  });

  it('claims mixing remembered codes with new ones get what a fresh database gives', async () => {
    const claims = [
      ...SCATTERED,
      ['93306', '93000'],
      ['20610', '36415', '93306'],
      ['93306', '93000', '20610', '36415', '11045'],
      ['36415', '20610'],
    ];
    const warm = claims.map((c) => pro(c));
    await expectSameAsFresh(claims, warm, []);
    expect(ids(warm[1]!)).toEqual(['ncci.ptp 20610,36415', 'ncci.ptp 93306,93000']);
    expect(ids(warm[4]!)).toEqual(['ncci.ptp 20610,36415', 'ncci.ptp 93306,93000', 'ncci.aoc 11045']);
  });

  it('a release in two parts: each part answers for its own pairs, cited in part order', async () => {
    await importFile('ccipra-v321r0-f2.txt', PART_TWO);
    const claims = [['20610', '36415', '93000'], ...SCATTERED, ['36415', '93000', '11042', '93306']];
    const warm = claims.map((c) => pro(c));
    await expectSameAsFresh(claims, warm, [['ccipra-v321r0-f2.txt', PART_TWO]]);
    expect(ids(warm[0]!)).toEqual(['ncci.ptp 20610,36415', 'ncci.ptp 36415,93000']);
    expect(warm[0]![1]!.source).toMatch(/^ccipra-v321r0-f2\.txt .* line 4$/);
    expect(ids(warm[2]!)).toEqual(['ncci.ptp 20610,36415', 'ncci.ptp 93306,93000', 'ncci.ptp 36415,93000', 'ncci.ptp 93000,11042']);
  });
});

// The second claim's new pairs (with 93306 and 93000) are a small part of its 42: fetched as a list.
const SCATTERED = [
  ['20610', '11042', '99213', '11055', '36415'],
  ['20610', '11042', '99213', '11055', '36415', '93306', '93000'],
];

const PART_TWO = ptpText(['36415\t93000\t\t20150101\t*\t0\tPart two pair', '93000\t11042\t\t20150101\t*\t1\tPart two, modifier allowed']);

/** Each claim's findings on a new database (with `files` imported too) equal `warm`. */
async function expectSameAsFresh(claims: readonly string[][], warm: readonly unknown[], files: readonly [string, string][]): Promise<void> {
  for (const [i, codes] of claims.entries()) {
    const fresh = await editsDb();
    try {
      for (const [name, content] of files) {
        writeFile(dir, name, content);
        await importCodeFiles(fresh, [path.join(dir, name)]);
      }
      expect(check(fresh, { setting: 'professional', diagnoses: [{ code: 'I10' }], procedures: codes.map((code) => ({ code })) })).toEqual(warm[i]);
    } finally {
      dropEditsDb(fresh);
    }
  }
}

describe('GenerationalCache', () => {
  it('holds at most twice its limit and keeps what was used recently', () => {
    const cache = new GenerationalCache<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c'].entries()) cache.set(key, i + 1); // full: a, b, c age
    cache.set('d', 4);
    expect(cache.get('a')).toBe(1); // used: back with d in the young generation
    cache.set('e', 5); // full again: d, a, e age, and b, c (unused) are dropped
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
    expect([cache.get('a'), cache.get('d'), cache.get('e')]).toEqual([1, 4, 5]);
    expect(cache.size).toBe(3);
    expect(() => new GenerationalCache(0)).toThrow(RangeError);
  });
});

describe('PairCache', () => {
  it('holds at most twice its limit in pairs and keeps the pairs used recently', () => {
    const cache = new PairCache<number>(3);
    cache.set('A', 'B', 1);
    cache.set('A', 'C', 2);
    cache.set('B', 'A', 3); // full: the three pairs age
    cache.set('C', 'A', 4);
    expect(cache.get('A', 'B')).toBe(1); // used: back with C-A
    cache.set('C', 'B', 5); // full again: A-C and B-A (unused) are dropped
    expect([cache.get('A', 'C'), cache.get('B', 'A')]).toEqual([undefined, undefined]);
    expect([cache.get('A', 'B'), cache.get('C', 'A'), cache.get('C', 'B'), cache.get('B', 'C')]).toEqual([1, 4, 5, undefined]);
  });
});

describe('rowsByCode', () => {
  it('fetches only codes it has not seen, and remembers codes without rows', () => {
    const cache = new GenerationalCache<string, readonly { code: string; n: number }[]>(100);
    const asked: string[][] = [];
    const fetch = (missing: readonly string[]) => {
      asked.push([...missing]);
      return missing.filter((c) => c !== 'NONE').map((code) => ({ code, n: code.length }));
    };
    const first = rowsByCode(cache, ['AB', 'NONE', 'AB'], (r) => r.code, fetch);
    expect([...first.entries()]).toEqual([['AB', [{ code: 'AB', n: 2 }]], ['NONE', []]]);
    const second = rowsByCode(cache, ['NONE', 'ABC', 'AB'], (r) => r.code, fetch);
    expect(second.get('ABC')).toEqual([{ code: 'ABC', n: 3 }]);
    expect(asked).toEqual([['AB', 'NONE'], ['ABC']]);
  });
});
