/** Temp content databases and small order files in the official fixed-width layout. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { closeContentDb, openContentDb, type ContentDb } from '../../../src/main/services/codesets/content-db';
import { AppFailure } from '../../../src/shared/result';

const dirs: string[] = [];
const dbs: ContentDb[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) closeContentDb(db);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-codesets-'));
  dirs.push(dir);
  return dir;
}

export function tempContentDb(): ContentDb {
  const db = openContentDb(path.join(tempDir(), 'content.db'));
  dbs.push(db);
  return db;
}

/** [code, billable, long title, short title?] */
export type Row = [string, 0 | 1, string, string?];

/** One line in the official layout: order, code, flag, 60-column short title, long title. */
export function orderLine(order: number, [code, flag, long, short]: Row): string {
  const shortTitle = (short ?? long).slice(0, 60).padEnd(60, ' ');
  return `${String(order).padStart(5, '0')} ${code.padEnd(7, ' ')} ${flag} ${shortTitle} ${long}`;
}

export function orderFileText(rows: readonly Row[], eol = '\r\n'): string {
  return rows.map((row, i) => orderLine(i + 1, row) + eol).join('');
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export function writeOrderFile(dir: string, name: string, rows: readonly Row[], eol = '\r\n'): string {
  return writeFile(dir, name, orderFileText(rows, eol));
}

/** Runs `fn`, expects an AppFailure and returns it. */
export function failureOf(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure);
    return e as AppFailure;
  }
  throw new Error('expected an AppFailure, but nothing was thrown');
}

/** The AppFailure an import (or any call that may be asynchronous) fails with. */
export async function failureOfAsync(fn: () => unknown): Promise<AppFailure> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure);
    return e as AppFailure;
  }
  throw new Error('expected an AppFailure, but nothing was thrown');
}

/** Everything the content database holds, for "nothing changed" assertions. */
export function snapshot(db: ContentDb): unknown {
  return {
    versions: db.prepare('SELECT * FROM content_version ORDER BY id').all(),
    codes: db.prepare('SELECT count(*) AS n, sum(id) AS ids FROM codes').get(),
    terms: db.prepare('SELECT count(*) AS n FROM search_terms').get(),
    // Each version's full-text table, by name and number of indexed rows.
    fullText: ftsTables(db).map((name) => [name, db.prepare(`SELECT count(*) AS n FROM ${name}_docsize`).get()]),
  };
}

/** FY2025-style ICD-10-CM rows: B88.0 is billable. */
export const CM_2025: readonly Row[] = [
  ['A00', 0, 'Cholera'],
  ['A000', 1, 'Cholera due to Vibrio cholerae 01, biovar cholerae'],
  ['A009', 1, 'Cholera, unspecified'],
  ['B88', 0, 'Other infestations'],
  ['B880', 1, 'Other acariasis'],
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E112', 0, 'Type 2 diabetes mellitus with kidney complications', 'Type 2 diabetes mellitus w kidney complications'],
  ['E1121', 1, 'Type 2 diabetes mellitus with diabetic nephropathy', 'Type 2 diabetes mellitus with diabetic nephropathy'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease', 'Type 2 diabetes mellitus w diabetic chronic kidney disease'],
  ['E1129', 1, 'Type 2 diabetes mellitus with other diabetic kidney complication', 'Type 2 diabetes mellitus w oth diabetic kidney complication'],
  ['E116', 0, 'Type 2 diabetes mellitus with other specified complications', 'Type 2 diabetes mellitus with oth complications'],
  ['E1161', 0, 'Type 2 diabetes mellitus with diabetic arthropathy', 'Type 2 diabetes mellitus w diabetic arthropathy'],
  ['E11610', 1, 'Type 2 diabetes mellitus with diabetic neuropathic arthropathy', 'Type 2 diabetes mellitus w diabetic neuropathic arthrop'],
  ['E11618', 1, 'Type 2 diabetes mellitus with other diabetic arthropathy', 'Type 2 diabetes mellitus w oth diabetic arthropathy'],
  ['E1165', 1, 'Type 2 diabetes mellitus with hyperglycemia', 'Type 2 diabetes mellitus with hyperglycemia'],
  ['E1169', 1, 'Type 2 diabetes mellitus with other specified complication', 'Type 2 diabetes mellitus with oth complication'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications', 'Type 2 diabetes mellitus without complications'],
  ['I10', 1, 'Essential (primary) hypertension'],
  ['M35', 0, 'Other systemic involvement of connective tissue'],
  ['M350', 0, 'Sjögren syndrome'],
  ['M3500', 1, 'Sjögren syndrome, unspecified'],
  ['N18', 0, 'Chronic kidney disease (CKD)'],
  ['N183', 0, 'Chronic kidney disease, stage 3 (moderate)'],
  ['N1830', 1, 'Chronic kidney disease, stage 3 unspecified'],
  ['N189', 1, 'Chronic kidney disease, unspecified'],
  ['S72', 0, 'Fracture of femur'],
  ['S720', 0, 'Fracture of head and neck of femur', 'Fracture of head and neck of femur'],
  ['S7200', 0, 'Fracture of unspecified part of neck of femur', 'Fracture of unsp part of neck of femur'],
  ['S72001', 0, 'Fracture of unspecified part of neck of right femur', 'Fracture of unsp part of neck of right femur'],
  [
    'S72001A',
    1,
    'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
    'Fx unsp part of neck of right femur, init for clos fx',
  ],
];

/** FY2026-style: B88.0 became a header with children B88.01 and B88.09. */
export const CM_2026: readonly Row[] = CM_2025.flatMap((row): Row[] =>
  row[0] === 'B880'
    ? [
        ['B880', 0, 'Other acariasis'],
        ['B8801', 1, 'Infestation by Demodex mites'],
        ['B8809', 1, 'Other acariasis'],
      ]
    : [row],
);

export const PCS_2026: readonly Row[] = [
  ['001', 0, 'Central Nervous System and Cranial Nerves, Bypass'],
  [
    '0016070',
    1,
    'Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue Substitute, Open Approach',
    'Bypass Cereb Vent to Nasophar with Autol Sub, Open Approach',
  ],
  [
    '0016071',
    1,
    'Bypass Cerebral Ventricle to Mastoid Sinus with Autologous Tissue Substitute, Open Approach',
    'Bypass Cereb Vent to Mastoid Sinus w Autol Sub, Open',
  ],
  ['0SR', 0, 'Lower Joints, Replacement'],
  ['0SR9019', 1, 'Replacement of Right Hip Joint with Metal Synthetic Substitute, Cemented, Open Approach', 'Replace of R Hip Jt with Metal Syn Sub, Cement, Open Approach'],
  ['0QS', 0, 'Lower Bones, Reposition'],
  ['0QS604Z', 1, 'Reposition Right Upper Femur with Internal Fixation Device, Open Approach', 'Reposition R Up Femur with Int Fix, Open Approach'],
];

/** A large, valid ICD-10-CM-like file: `categories` headers with 10 billable children each. */
export function manyCmRows(categories: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < categories; i++) {
    const category = `${String.fromCharCode(65 + Math.floor(i / 100))}${String(i % 100).padStart(2, '0')}`;
    rows.push([category, 0, `Category ${category} condition`]);
    for (let d = 0; d < 10; d++) rows.push([`${category}${d}`, 1, `Condition ${category} variant ${d}`]);
  }
  return rows;
}

/** Names of the per-version full-text tables. */
export function ftsTables(db: ContentDb): string[] {
  const rows = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 'codes_fts_*' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** Runs FTS5's own consistency check on every version's full-text table. */
export function checkFullText(db: ContentDb): void {
  for (const name of ftsTables(db)) db.exec(`INSERT INTO ${name} (${name}, rank) VALUES ('integrity-check', 0)`);
}
