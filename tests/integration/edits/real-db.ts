/**
 * The real official files from ../shared/data/codesets (never copied into the repo): FY2025
 * and FY2026 ICD-10-CM order files, the FY2026 PCS order file, POA-exempt lists, the MCE
 * definitions, the three MUE tables and the add-on code workbook, imported once per test file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeContentDb, openContentDb, type ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import type { ImportSummary } from '../../../src/shared/contract';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const CODESETS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets');

export const EDIT_FILES = [
  'icd10cm/icd10cm_order_2026.txt',
  'icd10cm/fy2025/icd10cm_order_2025.txt',
  'icd10pcs/icd10pcs_order_2026.txt',
  'poa',
  'mce',
  'mue',
  'ncci',
];

export const DATA_PRESENT = fs.existsSync(path.join(CODESETS, 'mce')) && fs.existsSync(path.join(CODESETS, 'icd10cm', 'icd10cm_order_2026.txt'));
export const MISSING = `The official code-set files are missing: expected them under ${CODESETS}`;

export interface RealDb {
  db: ContentDb;
  summary: ImportSummary;
  close(): void;
}

/** Throws (never skips) when ../shared is missing, so every test using it fails loudly. */
export async function importRealEdits(): Promise<RealDb> {
  if (!DATA_PRESENT) throw new Error(MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-edits-real-'));
  const db = openContentDb(path.join(dir, 'content.db'));
  const summary = await importCodeFiles(db, EDIT_FILES.map((f) => path.join(CODESETS, f)));
  return {
    db,
    summary,
    close() {
      closeContentDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
