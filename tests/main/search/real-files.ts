/** The official FY2026 order files next to the repository (never copied): a content database of them. */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { tempContentDb } from '../codesets/helpers';
import { CODESETS } from '../helpers/temp';

export const CM_ORDER = path.join(CODESETS, 'icd10cm', 'icd10cm_order_2026.txt');
export const PCS_ORDER = path.join(CODESETS, 'icd10pcs', 'icd10pcs_order_2026.txt');
/** The newest PCS Index here (FY2025). */
export const PCS_INDEX = path.join(CODESETS, 'icd10pcs', 'fy2025', 'icd10pcs_index_2025.xml');
export const HCPCS = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');

/** Fails loudly (never skips) when ../shared is missing. */
export function requireRealFiles(): void {
  for (const file of [CM_ORDER, PCS_ORDER]) {
    if (!fs.existsSync(file)) throw new Error(`The official code-set files are missing: expected ${file}`);
  }
}

/** Display codes of an order file (CM dotted after the 3rd character). */
export function orderFileCodes(file: string, dotted: boolean): string[] {
  return fs
    .readFileSync(file, 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.length > 13)
    .map((line) => line.slice(6, 13).trim())
    .map((code) => (dotted && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code));
}

export async function realContentDb(): Promise<ContentDb> {
  requireRealFiles();
  const db = tempContentDb();
  await importCodeFiles(db, [CM_ORDER, PCS_ORDER]);
  return db;
}
