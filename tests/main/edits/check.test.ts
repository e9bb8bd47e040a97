/** Every edit family on small tables in the official layouts, with the clean cases that stay quiet. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { checkClaim } from '../../../src/main/services/edits/check';
import { claimSchema } from '../../../src/shared/claim';
import { tempContentDb, tempDir, writeOrderFile } from '../codesets/helpers';
import { check, dropEditsDb, editsDb, ids, type Db } from './setup';

let db: Db;
beforeAll(async () => {
  db = await editsDb();
});
afterAll(() => dropEditsDb(db));

const Y = (code: string, principal = false) => ({ code, poa: 'Y' as const, principal });

describe('checkClaim: validity', () => {
  it('a clean inpatient claim has no findings', () => {
    expect(check(db, { diagnoses: [Y('E11.9'), Y('I10')] })).toEqual([]);
  });

  it('unknown codes, headers, a missing placeholder X and a wrong 7th character, each named', () => {
    const f = check(db, { diagnoses: [Y('E11'), Y('E11.99'), Y('T07.A'), Y('S02.30XZ'), Y('S02.30X')] });
    expect(ids(f)).toEqual([
      'code.not-billable E11',
      'code.unknown E11.99',
      'code.placeholder T07.A',
      'code.seventh-character S02.30XZ',
      'code.seventh-character S02.30X',
    ]);
    expect(f[3]!.message).toContain('use one of A, B');
    expect(f[0]!.source).toBe('ICD-10-CM order file icd10cm_order_2026.txt (FY2026)');
  });

  it('duplicates, no diagnosis, PCS on an outpatient claim, unknown modifiers', () => {
    expect(ids(check(db, { setting: 'professional', diagnoses: [{ code: 'I10' }, { code: 'i10' }] }))).toEqual(['dx.duplicate I10']);
    expect(ids(check(db, { diagnoses: [] }))).toEqual(['dx.principal-missing ']);
    expect(ids(check(db, { setting: 'outpatient', diagnoses: [{ code: 'I10' }], procedures: [{ code: '0WFGXZZ' }] }))).toEqual(['px.pcs-not-inpatient 0WFGXZZ']);
    const mods = check(db, { setting: 'professional', diagnoses: [{ code: 'I10' }], procedures: [{ code: '99213', modifiers: ['25', 'LT', 'ZZ'] }] });
    expect(ids(mods)).toEqual(['code.modifier 99213']);
    expect(mods[0]!.message).toContain('Modifier ZZ');
  });

  it('a code set not in force on the date: ICD blocks, CPT only warns', () => {
    const f = check(db, { setting: 'professional', dateOfService: '2027-01-10', diagnoses: [{ code: 'I10' }], procedures: [{ code: '99213' }] });
    expect(ids(f)).toEqual(['codeset.missing I10', 'codeset.unverified 99213']);
  });
});

describe('checkClaim: MCE (inpatient only)', () => {
  it('external cause as principal and a duplicate of the principal', () => {
    expect(ids(check(db, { diagnoses: [Y('W19.XXXA'), Y('W19.XXXA')] }))).toEqual(['mce.external-cause-pdx W19.XXXA', 'mce.duplicate-pdx W19.XXXA']);
  });

  it('age conflicts: newborn, pediatric, maternity, adult — and none inside each range', () => {
    const at = (age: number) => ids(check(db, { patient: { age, sex: 'F' }, diagnoses: [Y('I10'), Y('A33'), Y('Z00.121'), Y('O99.891'), Y('F03.90')] }));
    expect(at(0)).toEqual(['mce.age.maternity O99.891', 'mce.age.adult F03.90']);
    expect(at(40)).toEqual(['mce.age.newborn A33', 'mce.age.pediatric Z00.121']);
    expect(at(70)).toEqual(['mce.age.newborn A33', 'mce.age.pediatric Z00.121', 'mce.age.maternity O99.891']);
    expect(at(16)).toEqual(['mce.age.newborn A33']);
  });

  it('names the age group with the right article: "an adult", "a newborn"', () => {
    const messages = check(db, { patient: { age: 0, sex: 'F' }, diagnoses: [Y('I10'), Y('F03.90')] }).map((f) => f.message);
    expect(messages).toContain('F03.90 is an adult (age 15 to 124) diagnosis; the patient is 0.');
    const newborn = check(db, { patient: { age: 40, sex: 'F' }, diagnoses: [Y('I10'), Y('A33')] }).map((f) => f.message);
    expect(newborn).toContain('A33 is a newborn (age 0) diagnosis; the patient is 40.');
  });

  it('cites the MCE file, release and line', () => {
    const [f] = check(db, { diagnoses: [Y('I10'), Y('A33')] });
    expect(f!.source).toBe('Definitions of Medicare Code Edits_v_43_1.txt (MCE v43.1) line 29');
  });

  it('manifestation, unacceptable (and the needs-a-secondary exception) and questionable admission as principal', () => {
    expect(ids(check(db, { diagnoses: [Y('G63'), Y('E11.40')] }))).toEqual(['mce.manifestation-pdx G63']);
    expect(ids(check(db, { diagnoses: [Y('Z51.11')] }))).toEqual(['mce.unacceptable-pdx Z51.11']);
    expect(ids(check(db, { diagnoses: [Y('Z51.89')] }))).toEqual(['mce.unacceptable-pdx Z51.89']);
    expect(check(db, { diagnoses: [Y('Z51.89'), Y('I10')] })).toEqual([]);
    expect(ids(check(db, { diagnoses: [Y('R03.0')] }))).toEqual(['mce.questionable-admission R03.0']);
    // Not principal: no finding.
    expect(check(db, { diagnoses: [Y('I10'), Y('R03.0'), Y('Z51.11')] })).toEqual([]);
  });

  it('procedures: non-covered (always, over 60), limited coverage, delivery without outcome, wrong procedure, unspecified', () => {
    expect(ids(check(db, { diagnoses: [Y('I10')], procedures: [{ code: '0WFGXZZ' }] }))).toEqual(['mce.noncovered 0WFGXZZ']);
    expect(check(db, { patient: { age: 60, sex: 'M' }, diagnoses: [Y('I10')], procedures: [{ code: '0SR20JZ' }] })).toEqual([]);
    expect(ids(check(db, { patient: { age: 61, sex: 'M' }, diagnoses: [Y('I10')], procedures: [{ code: '0SR20JZ' }] }))).toEqual(['mce.noncovered 0SR20JZ']);
    expect(ids(check(db, { diagnoses: [Y('I10')], procedures: [{ code: '02YA0Z0' }] }))).toEqual(['mce.limited-coverage 02YA0Z0']);
    expect(ids(check(db, { diagnoses: [Y('O99.891')], procedures: [{ code: '10D00Z0' }] }))).toEqual(['mce.questionable-admission 10D00Z0']);
    expect(check(db, { diagnoses: [Y('O99.891'), { code: 'Z37.0' }], procedures: [{ code: '10D00Z0' }] })).toEqual([]);
    expect(ids(check(db, { diagnoses: [Y('I10'), Y('Y65.51')] }))).toEqual(['mce.wrong-procedure Y65.51']);
    expect(ids(check(db, { diagnoses: [Y('I10'), Y('G81.00')] }))).toEqual(['mce.unspecified G81.00']);
  });

  it('MCE edits stay off outside inpatient claims', () => {
    expect(ids(check(db, { setting: 'outpatient', diagnoses: [{ code: 'W19.XXXA' }, { code: 'A33' }] }))).toEqual([]);
  });

  it('a date with no MCE release in force uses the newest imported and says so', () => {
    const f = check(db, { dateOfService: '2025-11-01', diagnoses: [Y('I10'), Y('A33')] });
    expect(f.find((x) => x.edit === 'mce.age.newborn')?.source).toContain('none in force on 2025-11-01, the newest imported applies');
  });
});

describe('checkClaim: POA', () => {
  it('required unless exempt; only Y, N, U, W; 1 only for exempt codes', () => {
    const f = check(db, {
      diagnoses: [{ code: 'I10' }, { code: 'B90.0' }, { code: 'E11.9', poa: 'E' }, { code: 'F03.90', poa: '1' }, { code: 'Z37.0', poa: 'Y' }],
      patient: { age: 70, sex: 'F' },
    });
    expect(ids(f)).toEqual(['poa.missing I10', 'poa.invalid E11.9', 'poa.invalid F03.90', 'poa.exempt Z37.0']);
    expect(f[0]!.source).toBe('POAexemptCodesFY26.txt (POA exempt FY2026)');
    expect(f[3]!.source).toBe('POAexemptCodesFY26.txt (POA exempt FY2026) line 3');
  });

  it('outpatient claims carry no POA', () => {
    expect(check(db, { setting: 'outpatient', diagnoses: [{ code: 'I10' }] })).toEqual([]);
  });
});

const pro = (procedures: { code: string; modifiers?: string[]; units?: number }[], setting: 'professional' | 'outpatient' = 'professional') =>
  check(db, { setting, diagnoses: [{ code: 'I10' }], procedures });

describe('checkClaim: NCCI', () => {
  it('PTP: indicator 0 is never bypassed; indicator 1 is bypassed by 59 / X{EPSU} / anatomic; 9 and deleted pairs never fire', () => {
    expect(ids(pro([{ code: '20610' }, { code: '36415', modifiers: ['59'] }]))).toEqual(['ncci.ptp 20610,36415']);
    expect(ids(pro([{ code: '93306' }, { code: '93000' }]))).toEqual(['ncci.ptp 93306,93000']);
    expect(pro([{ code: '93306' }, { code: '93000', modifiers: ['XS'] }])).toEqual([]);
    expect(pro([{ code: '93306', modifiers: ['LT'] }, { code: '93000' }])).toEqual([]);
    expect(pro([{ code: '11042' }, { code: '11055' }])).toEqual([]);
    expect(pro([{ code: '99213' }, { code: '11055' }])).toEqual([]);
  });

  it('PTP: the hospital table for outpatient claims, none for inpatient', () => {
    const f = pro([{ code: '93306' }, { code: '93000', modifiers: ['XS'] }], 'outpatient');
    expect(ids(f)).toEqual(['ncci.ptp 93306,93000']);
    expect(f[0]!.source).toBe('ccioph-v321r0-f1.txt (NCCI PTP hospital v32.1r0 f1) line 4');
  });

  it('MUE: units above the value per day (MAI 2/3 add lines), per line for MAI 1, and 0 = not payable', () => {
    expect(pro([{ code: '11042' }, { code: '11045', units: 12 }])).toEqual([]);
    const over = pro([{ code: '11042' }, { code: '11045', units: 8 }, { code: '11045', units: 5 }]);
    expect(ids(over)).toEqual(['ncci.mue 11045']);
    expect(over[0]!.message).toBe('13 units of 11045 exceed the 12 allowed per day (MAI 3 Date of Service Edit: Clinical).');
    expect(pro([{ code: 'J1100', units: 4 }, { code: 'J1100', units: 4 }])).toEqual([]);
    expect(ids(pro([{ code: 'J1100', units: 5 }]))).toEqual(['ncci.mue J1100']);
    expect(pro([{ code: 'G0439' }])[0]!.message).toContain('not payable in this setting (MUE 0');
    expect(ids(pro([{ code: '11042' }, { code: '11045', units: 2 }], 'outpatient'))).toEqual(['ncci.mue 11045']);
  });

  it('add-on codes: type 1 needs its primary; contractor-defined and deleted edits stay quiet', () => {
    expect(ids(pro([{ code: '11045' }]))).toEqual(['ncci.aoc 11045']);
    expect(pro([{ code: '11042' }, { code: '11045' }])).toEqual([]);
    expect(ids(pro([{ code: '0071U' }]))).toEqual(['ncci.aoc 0071U']);
    expect(pro([{ code: '0054T' }])).toEqual([]);
    expect(pro([{ code: '0092T' }])).toEqual([]);
    expect(pro([{ code: '0071U' }])[0]!.source).toBe('AOC_V2026Q2-MCR.xlsx (AOC 2026Q2) line 4');
  });
});

describe('checkClaim: without the MCE file', () => {
  it('a duplicate of the principal is still reported, as dx.duplicate', async () => {
    const bare = tempContentDb();
    await importCodeFiles(bare, [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', [['I10', 1, 'Essential (primary) hypertension']])]);
    const claim = claimSchema.parse({ setting: 'inpatient', dateOfService: '2026-05-01', patient: { age: 40, sex: 'M' }, diagnoses: [{ code: 'I10', poa: 'Y' }, { code: 'I10', poa: 'Y' }] });
    // The MCE and POA edits that could not run are named, not passed in silence.
    expect(ids(checkClaim(bare, claim))).toEqual(['dx.duplicate I10', 'edits.not-run ']);
    // Without the POA-exempt list, 1 cannot be refused (the code may be exempt): a warning, like a missing POA.
    const one = claimSchema.parse({ ...claim, diagnoses: [{ code: 'I10', poa: '1' }] });
    expect(checkClaim(bare, one).filter((f) => f.edit === 'poa.invalid').map((f) => f.severity)).toEqual(['warning']);
    expect(checkClaim(bare, claim)[1]!.message).toBe('Not run: MCE, POA-exempt list edits (no table imported). Import the official files to run them.');
  });
});
