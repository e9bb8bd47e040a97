/**
 * The regression corpus (tests/fixtures/claims/corpus-*.json, 300+ claims with the findings
 * each was built to produce) against the real official files, imported once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../../../src/main/services/edits/check';
import { claimSchema, type ClaimInput } from '../../../src/shared/claim';
import { DATA_PRESENT, importRealEdits, MISSING, type RealDb } from './real-db';

interface Case {
  name: string;
  claim: ClaimInput;
  expected: { edit: string; codes: string[] }[];
}

const DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'claims');
const FILES = fs.readdirSync(DIR).filter((f) => /^corpus-.*\.json$/.test(f));
const CASES = FILES.flatMap((f) => (JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Case[]).map((c) => ({ ...c, file: f })));

let real: RealDb | undefined;
beforeAll(async () => {
  if (DATA_PRESENT) real = await importRealEdits();
}, 180_000);
afterAll(() => real?.close());

const key = (f: { edit: string; codes: string[] }): string => `${f.edit} ${[...f.codes].sort().join(',')}`;

describe('claim regression corpus (real files)', () => {
  it('the official files are there', () => {
    expect(DATA_PRESENT, MISSING).toBe(true);
  });

  it('holds at least 200 claims across every family, with clean ones', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    const edits = new Set(CASES.flatMap((c) => c.expected.map((e) => e.edit)));
    for (const id of ['code.not-billable', 'code.placeholder', 'code.seventh-character', 'mce.age.newborn', 'mce.age.adult', 'mce.unacceptable-pdx', 'mce.noncovered', 'poa.missing', 'ncci.mue', 'ncci.aoc']) {
      expect(edits).toContain(id);
    }
    expect(CASES.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it('every claim gets exactly its expected findings, each with a source', () => {
    if (!real) throw new Error(MISSING);
    const wrong: string[] = [];
    for (const c of CASES) {
      const findings = checkClaim(real.db, claimSchema.parse(c.claim));
      const got = findings.map(key).sort();
      const want = c.expected.map(key).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${c.file} "${c.name}": got [${got.join('; ')}] want [${want.join('; ')}]`);
      for (const f of findings) expect(f.source.length).toBeGreaterThan(0);
    }
    expect(wrong).toEqual([]);
  });
});
