/** A content database with small FY2026 code sets and every edit table, for the edit tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importCodeFiles } from '../helpers/import-fixtures';
import { writeVersion } from '../../../src/main/services/codesets/version-store';
import { checkClaim } from '../../../src/main/services/edits/check';
import { claimSchema, type ClaimInput, type Finding } from '../../../src/shared/claim';
import { writeFile, writeOrderFile, type Row } from '../codesets/helpers';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { AOC_HEADER, AOC_NOTICE, mceText, mueCsv, POA_LIST, ptpText, xlsxBytes } from './fixtures';

const CM: Row[] = [
  ['A33', 1, 'Tetanus neonatorum'],
  ['B900', 1, 'Sequelae of central nervous system tuberculosis'],
  ['E10', 0, 'Type 1 diabetes mellitus'],
  ['E109', 1, 'Type 1 diabetes mellitus without complications'],
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E1140', 1, 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['F0390', 1, 'Unspecified dementia, unspecified severity, without behavioral disturbance'],
  ['G63', 1, 'Polyneuropathy in diseases classified elsewhere'],
  ['G8100', 1, 'Flaccid hemiplegia affecting unspecified side'],
  ['I10', 1, 'Essential (primary) hypertension'],
  ['O99891', 1, 'Other specified diseases and conditions complicating pregnancy'],
  ['R030', 1, 'Elevated blood-pressure reading, without diagnosis of hypertension'],
  ['S0230XA', 1, 'Fracture of orbital floor, unspecified side, initial encounter for closed fracture'],
  ['S0230XB', 1, 'Fracture of orbital floor, unspecified side, initial encounter for open fracture'],
  ['T07XXXA', 1, 'Unspecified multiple injuries, initial encounter'],
  ['W19XXXA', 1, 'Unspecified fall, initial encounter'],
  ['Y6551', 1, 'Performance of wrong procedure (operation) on correct patient'],
  ['Z00121', 1, 'Encounter for routine child health examination with abnormal findings'],
  ['Z370', 1, 'Single live birth'],
  ['Z5111', 1, 'Encounter for antineoplastic chemotherapy'],
  ['Z5189', 1, 'Encounter for other specified aftercare'],
];

const PCS: Row[] = [
  ['0WFGXZZ', 1, 'Fragmentation in Peritoneal Cavity, External Approach'],
  ['0SR20JZ', 1, 'Replacement of Lumbar Vertebral Disc with Synthetic Substitute, Open Approach'],
  ['02YA0Z0', 1, 'Transplantation of Heart, Allogeneic, Open Approach'],
  ['10D00Z0', 1, 'Extraction of Products of Conception, High, Open Approach'],
];

const HCPCS = ['G0439', 'J1100', 'LT', 'RT', 'XS', 'XE', 'GA'];

/** Made-up descriptors: CPT text is never shipped or used in tests. */
const CPT = ['11042', '11045', '11055', '20610', '36415', '93000', '93306', '99213', '0070U', '0071U', '0054T', '22856', '0092T'];

/** Adds the 3-character category headers the order-file importer expects above each code. */
function withCategories(rows: readonly Row[], width = 3): Row[] {
  const out: Row[] = [];
  const have = new Set(rows.map((r) => r[0]));
  for (const row of [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const category = row[0].slice(0, width);
    if (row[0].length > width && !have.has(category)) {
      out.push([category, 0, `Category ${category}`]);
      have.add(category);
    }
    out.push(row);
  }
  return out;
}

/** Lives for a whole test file (the shared helpers close theirs after each test): close with dropEditsDb. */
export async function editsDb() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-edits-'));
  const db = openContentDb(path.join(home, 'content.db'));
  const dir = path.join(home, 'files');
  writeOrderFile(dir, 'icd10cm_order_2026.txt', withCategories(CM));
  writeOrderFile(dir, 'icd10pcs_order_2026.txt', withCategories(PCS));
  writeFile(dir, 'POAexemptCodesFY26.txt', POA_LIST);
  writeFile(dir, 'Definitions of Medicare Code Edits_v_43_1.txt', mceText());
  fs.writeFileSync(
    path.join(dir, 'MCR_MUE_PractitionerServices_Eff_04-01-2026.csv'),
    mueCsv(['11045,12,3 Date of Service Edit: Clinical,Anatomic', 'J1100,4,1 Line Edit,Drug', 'G0439,0,2 Date of Service Edit: Policy,Policy']),
  );
  fs.writeFileSync(
    path.join(dir, 'MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv'),
    mueCsv(['11045,1,2 Date of Service Edit: Policy,Policy'], 'Outpatient Hospital'),
  );
  fs.writeFileSync(
    path.join(dir, 'AOC_V2026Q2-MCR.xlsx'),
    xlsxBytes([
      AOC_NOTICE,
      AOC_HEADER,
      ['1', '11045', null, '11042', null, '2013091'],
      ['1', '0071U', null, '0070U', null, '2018274'],
      ['2', '0054T', null, 'CCCCC', null, '2013091', null, 'Contractor Defined Primary Codes'],
      ['1', '0092T', '2014365', '22856', null, '2013091', '2014365'],
    ]),
  );
  writeFile(
    dir,
    'ccipra-v321r0-f1.txt',
    ptpText([
      '20610\t36415\t\t20090101\t*\t0\tStandards of medical / surgical practice',
      '93306\t93000\t\t20150101\t*\t1\tMutually exclusive procedures',
      '99213\t11055\t\t20150101\t20201231\t1\tDeleted long ago',
      '11042\t11055\t\t20150101\t*\t9\tNot applicable',
    ]),
  );
  writeFile(dir, 'ccioph-v321r0-f1.txt', ptpText(['93306\t93000\t\t20150101\t*\t0\tHospital only pair']));
  await importCodeFiles(db, [dir]);
  writeVersion(
    db,
    { system: 'hcpcs', label: '2026 Q2', effectiveFrom: '2026-04-01', effectiveTo: '2026-06-30', source: 'HCPC2026_APR_ANWEB.xlsx', sha256: 'x', isDemo: false },
    HCPCS.map((code, seq) => ({ code, billable: true, shortTitle: `Made-up ${code}`, longTitle: `Made-up ${code}`, seq })),
  );
  writeVersion(
    db,
    { system: 'cpt', label: '2026', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', source: 'cpt-licensed.txt', sha256: 'x', isDemo: false },
    CPT.map((code, seq) => ({ code, billable: true, shortTitle: `Made-up ${code}`, longTitle: `Made-up ${code}`, seq })),
  );
  return db;
}

export type Db = Awaited<ReturnType<typeof editsDb>>;

export function dropEditsDb(db: Db | undefined): void {
  if (!db) return;
  const file = db.name;
  closeContentDb(db);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

const base: ClaimInput = { setting: 'inpatient', dateOfService: '2026-05-01', patient: { age: 40, sex: 'F' }, diagnoses: [], procedures: [] };

/**
 * Professional lines point at diagnosis A unless the test gives pointers: the pointer edits
 * have tests of their own (pointers.test.ts); the other families' tests stay about themselves.
 */
export function check(db: Db, claim: Partial<ClaimInput>): Finding[] {
  const procedures = claim.setting === 'professional' ? claim.procedures?.map((p) => ({ pointers: ['A'], ...p })) : claim.procedures;
  return checkClaim(db, claimSchema.parse({ ...base, ...claim, ...(procedures ? { procedures } : {}) }));
}

/** "edit codes" strings, for compact expectations. */
export const ids = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.edit} ${f.codes.join(',')}`);
