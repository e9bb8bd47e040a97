/** Every edit family on real rows of the official files in ../shared, with clean cases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../../../src/main/services/edits/check';
import { claimSchema, type ClaimInput, type Finding } from '../../../src/shared/claim';
import { DATA_PRESENT, importRealEdits, MISSING, type RealDb } from './real-db';

let real: RealDb | undefined;
beforeAll(async () => {
  if (DATA_PRESENT) real = await importRealEdits();
}, 180_000);
afterAll(() => real?.close());

function db() {
  if (!real) throw new Error(MISSING);
  return real.db;
}

const base: ClaimInput = { setting: 'inpatient', dateOfService: '2026-05-01', patient: { age: 50, sex: 'F' }, diagnoses: [], procedures: [] };
/** Professional lines point at diagnosis A (the pointer edits are tested in tests/main/edits/pointers.test.ts). */
const check = (claim: Partial<ClaimInput>): Finding[] => {
  const procedures = claim.setting === 'professional' ? claim.procedures?.map((p) => ({ pointers: ['A'], ...p })) : claim.procedures;
  return checkClaim(db(), claimSchema.parse({ ...base, ...claim, ...(procedures ? { procedures } : {}) }));
};
const ids = (f: Finding[]) => f.map((x) => `${x.edit} ${x.codes.join(',')}`);
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).pluck().get(...args) as number);

describe('edit tables from the official files', () => {
  it('imports every file with the row counts the data README gives', () => {
    expect(DATA_PRESENT, MISSING).toBe(true);
    const labels = real!.summary.files.map((f) => `${f.kind} ${f.label} ${f.codes}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        'poa-exempt POA exempt FY2026 38349',
        'poa-exempt POA exempt FY2025 38154',
        'ncci-mue MUE practitioner 2026-04-01 15095',
        'ncci-mue MUE outpatient hospital 2026-04-01 15045',
        'ncci-mue MUE DME supplier 2026-04-01 3083',
        'ncci-aoc AOC 2026Q2 9000',
        'mce-definitions MCE v43.1 10500',
      ]),
    );
    expect(count("SELECT count(*) FROM mce_code WHERE edit = 4 AND part = 'A'")).toBe(42);
    expect(count('SELECT count(*) FROM mce_edit WHERE active = 0')).toBeGreaterThanOrEqual(8);
    expect(count("SELECT active FROM mce_edit WHERE edit = 5 AND part = ''")).toBe(0);
    expect(count("SELECT count(*) FROM mue m JOIN edit_file f ON f.id = m.file_id WHERE f.variant = 'practitioner' AND mai = 1")).toBe(41);
    expect(count("SELECT count(*) FROM aoc WHERE primary_code = '*'")).toBeGreaterThan(0);
  });
});

describe('edits on real rows', () => {
  it('a clean inpatient claim and a clean professional claim (only CPT unverified) have no edit findings', () => {
    expect(check({ diagnoses: [{ code: 'J18.9', poa: 'Y' }, { code: 'I50.9', poa: 'N' }, { code: 'B90.0' }], procedures: [{ code: '0BJ08ZZ' }] })).toEqual([]);
    expect(ids(check({ setting: 'professional', diagnoses: [{ code: 'J18.9' }], procedures: [{ code: '99213' }] }))).toEqual(['codeset.unverified 99213']);
  });

  it('MCE: A33 newborn at 30 (4A), O80 maternity at 70 (4C), D63.0 manifestation, B95.0 unacceptable, R03.0 questionable, W19.XXXA external cause', () => {
    expect(ids(check({ patient: { age: 30, sex: 'F' }, diagnoses: [{ code: 'J18.9', poa: 'Y' }, { code: 'A33', poa: 'Y' }] }))).toEqual(['mce.age.newborn A33']);
    expect(ids(check({ patient: { age: 70, sex: 'F' }, diagnoses: [{ code: 'O80' }] }))).toEqual(['mce.age.maternity O80']);
    expect(ids(check({ diagnoses: [{ code: 'D63.0', poa: 'Y' }, { code: 'C50.911', poa: 'Y' }] }))).toEqual(['mce.manifestation-pdx D63.0']);
    expect(ids(check({ diagnoses: [{ code: 'B95.0', poa: 'Y' }, { code: 'J18.9', poa: 'Y' }] }))).toEqual(['mce.unacceptable-pdx B95.0']);
    expect(ids(check({ diagnoses: [{ code: 'R03.0', poa: 'Y' }] }))).toEqual(['mce.questionable-admission R03.0']);
    expect(ids(check({ diagnoses: [{ code: 'W19.XXXA', poa: 'Y' }, { code: 'S72.001A', poa: 'Y' }] }))).toEqual(['mce.external-cause-pdx W19.XXXA']);
  });

  it('MCE procedures: 0SR20JZ over 60 (11F), 02YA0Z0 limited coverage (17A), Y65.51 wrong procedure (18)', () => {
    expect(ids(check({ patient: { age: 61, sex: 'M' }, diagnoses: [{ code: 'M48.061', poa: 'Y' }], procedures: [{ code: '0SR20JZ' }] }))).toEqual(['mce.noncovered 0SR20JZ']);
    expect(check({ patient: { age: 59, sex: 'M' }, diagnoses: [{ code: 'M48.061', poa: 'Y' }], procedures: [{ code: '0SR20JZ' }] })).toEqual([]);
    expect(ids(check({ diagnoses: [{ code: 'I50.9', poa: 'Y' }], procedures: [{ code: '02YA0Z0' }] }))).toEqual(['mce.limited-coverage 02YA0Z0']);
    expect(ids(check({ diagnoses: [{ code: 'J18.9', poa: 'Y' }, { code: 'Y65.51', poa: 'Y' }] }))).toEqual(['mce.wrong-procedure Y65.51']);
  });

  it('the source names the file, the release and the line', () => {
    const [f] = check({ patient: { age: 30, sex: 'F' }, diagnoses: [{ code: 'J18.9', poa: 'Y' }, { code: 'A33', poa: 'Y' }] });
    expect(f!.source).toBe('Definitions of Medicare Code Edits_v_43_1.txt (MCE v43.1) line 113');
  });

  it('a date before MCE v43.1 uses it as the newest imported and says so; POA follows the fiscal year', () => {
    const f = check({ dateOfService: '2025-11-15', patient: { age: 30, sex: 'F' }, diagnoses: [{ code: 'J18.9', poa: 'Y' }, { code: 'A33', poa: 'Y' }] });
    expect(f[0]!.source).toContain('none in force on 2025-11-15, the newest imported applies');
    const fy25 = check({ dateOfService: '2025-05-01', diagnoses: [{ code: 'J18.9' }] });
    expect(fy25.find((x) => x.edit === 'poa.missing')!.source).toBe('POAexemptCodesFY25.txt (POA exempt FY2025)');
  });

  it('POA: the exempt list of the date decides; values other than Y/N/U/W are refused', () => {
    expect(ids(check({ diagnoses: [{ code: 'J18.9' }, { code: 'Z37.0', poa: 'Y' }, { code: 'I50.9', poa: 'E' }] }))).toEqual([
      'poa.missing J18.9',
      'poa.invalid I50.9',
      'poa.exempt Z37.0',
    ]);
  });

  it('MUE (practitioner vs outpatient hospital) with the MAI, and add-on codes without a primary', () => {
    const mue = check({ setting: 'professional', diagnoses: [{ code: 'J18.9' }], procedures: [{ code: '0009U', units: 3 }] });
    expect(mue[0]!.message).toBe('3 units of 0009U exceed the 2 allowed per day (MAI 3 Date of Service Edit: Clinical).');
    expect(mue[0]!.source).toMatch(/^MCR_MUE_PractitionerServices_Eff_04-01-2026\.csv \(MUE practitioner 2026-04-01\) line \d+$/);
    expect(check({ setting: 'outpatient', diagnoses: [{ code: 'J18.9' }], procedures: [{ code: '0009U', units: 3 }] })[0]!.source).toContain('OutpatientHospital');
    expect(ids(check({ setting: 'professional', diagnoses: [{ code: 'J18.9' }], procedures: [{ code: '0071U' }] }))).toContain('ncci.aoc 0071U');
    expect(ids(check({ setting: 'professional', diagnoses: [{ code: 'J18.9' }], procedures: [{ code: '0070U' }, { code: '0071U' }] }))).not.toContain('ncci.aoc 0071U');
    // Contractor-defined primaries only: not checked.
    expect(ids(check({ setting: 'professional', diagnoses: [{ code: 'J18.9' }], procedures: [{ code: '0054T' }] }))).not.toContain('ncci.aoc 0054T');
  });
});
