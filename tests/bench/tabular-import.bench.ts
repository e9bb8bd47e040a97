/**
 * The FY2021 Tabular List XML: import time and rows/s (nodes, notes, 7th characters, entry
 * points), a re-import that replaces it, and notesForCodes for a 25-code claim (first call and warm).
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeContentDb, openContentDb, type ContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import { notesForCodes } from '../../src/main/services/codesets/tabular/notes';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const CLAIM_CODES = [
  'E11.65', 'E11.9', 'E11.21', 'E11.42', 'I10', 'I50.9', 'N18.30', 'J44.1', 'J18.9', 'G63',
  'S72.001A', 'S72.002D', 'T36.0X1A', 'Z79.4', 'Z79.84', 'E78.5', 'K21.9', 'F32.9', 'M81.0', 'I48.91',
  'E66.9', 'Z68.41', 'N39.0', 'R50.9', 'D64.9',
];
const REPEATS = 200;

const count = (db: ContentDb, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export const tabularImportBench: BenchModule = {
  name: 'tabular-import',
  async run({ repoRoot, tempDir }) {
    const file = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets', 'icd10cm', 'fy2021', 'icd10cm_tabular_2021.xml');
    const db = openContentDb(path.join(tempDir, 'content.db'));
    try {
      const first = await importCodeFiles(db, [file]);
      const rows = ['tabular_node', 'tabular_note', 'tabular_seventh', 'entry_point'].reduce((sum, t) => sum + count(db, t), 0);
      const again = await importCodeFiles(db, [file]);
      const cold: number[] = [];
      const started = performance.now();
      notesForCodes(db, CLAIM_CODES, '2021-06-01');
      cold.push(performance.now() - started);
      const warm: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const t = performance.now();
        notesForCodes(db, CLAIM_CODES, '2021-06-01');
        warm.push(performance.now() - t);
      }
      return {
        tabularImport: {
          dataset: `ICD-10-CM FY2021 Tabular List XML (${(fs.statSync(file).size / 1e6).toFixed(1)} MB, ${first.totalCodes} <diag>)`,
          seconds: Math.round(first.seconds * 100) / 100,
          rows,
          rowsPerSecond: Math.round(rows / first.seconds),
          diagPerSecond: Math.round(first.totalCodes / first.seconds),
          reimportSeconds: Math.round(again.seconds * 100) / 100,
          notesFor25CodesFirstCallMs: Math.round((cold[0] ?? 0) * 1000) / 1000,
          notesFor25CodesWarm: summarise(warm),
        },
      };
    } finally {
      closeContentDb(db);
    }
  },
};
