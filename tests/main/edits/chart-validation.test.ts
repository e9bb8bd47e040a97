/** Chart validation runs the claim checker: setting mapped, patient age used, sources kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimForChart, validateCoding } from '../../../src/main/services/charts/validate';
import type { Coding } from '../../../src/shared/domain';
import { dropEditsDb, editsDb, type Db } from './setup';

let db: Db;
beforeAll(async () => {
  db = await editsDb();
});
afterAll(() => dropEditsDb(db));

const patient = { age: 30, sex: 'F' as const };

describe('validateCoding with the edits', () => {
  it('maps chart settings to claim settings', () => {
    const coding: Coding = { diagnoses: [], procedures: [] };
    const setting = (s: 'inpatient' | 'emergency' | 'outpatient_surgery' | 'professional') =>
      claimForChart({ setting: s, codingDate: '2026-05-01', patient }, coding).setting;
    expect([setting('inpatient'), setting('emergency'), setting('outpatient_surgery'), setting('professional')]).toEqual(['inpatient', 'outpatient', 'outpatient', 'professional']);
  });

  it('an inpatient chart gets MCE and POA findings with their sources; the first diagnosis is principal', () => {
    const problems = validateCoding(db, { setting: 'inpatient', codingDate: '2026-05-01', patient }, {
      diagnoses: [{ code: 'I10', poa: 'Y' }, { code: 'A33', poa: null }],
      procedures: [],
    });
    expect(problems.map((p) => p.rule)).toEqual(['mce.age.newborn', 'poa.missing']);
    expect(problems[0]!.source).toBe('Definitions of Medicare Code Edits_v_43_1.txt (MCE v43.1) line 29');
  });

  it('an emergency chart uses the outpatient hospital NCCI tables; structural problems carry no source', () => {
    const problems = validateCoding(db, { setting: 'emergency', codingDate: '2026-05-01', patient }, {
      diagnoses: [],
      procedures: [
        { system: 'cpt', code: '93306', modifiers: [], units: 1, date: null },
        { system: 'cpt', code: '93000', modifiers: ['XS'], units: 1, date: null },
      ],
    });
    expect(problems.map((p) => p.rule)).toEqual(['dx.principal-missing', 'ncci.ptp']);
    expect(problems[0]).not.toHaveProperty('source');
    expect(problems[1]!.source).toContain('ccioph');
  });
});
