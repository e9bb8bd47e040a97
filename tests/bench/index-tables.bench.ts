/**
 * The ICD-10-CM index tables: import of the real April 2026 Drug, Neoplasm and External
 * Cause XML (seconds, terms/s), then table search (codes.tableSearch) p50/p95 over 60
 * queries (whole words, 1-4 letter prefixes, several words in any order), warm.
 */
import path from 'node:path';
import { closeContentDb, openContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import { searchIndexTable } from '../../src/main/services/codesets/alphabetic-index/table-search';
import type { IndexTable } from '../../src/shared/encoder';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const REPEATS = 5;
const LIMIT = 50;

const QUERIES: readonly [IndexTable, string][] = [
  ...(
    [
      'aspirin', 'asp', 'a', 'ac', 'acet', 'acetaminophen', 'alcohol', 'alc eth', 'insulin', 'ins',
      'morphine', 'opium', 'heroin', 'fentanyl', 'cocaine', 'warfarin', 'digoxin', 'lithium', 'carbon monoxide', 'mono carb',
      'lead', 'benzodiazepine', 'diazepam', 'ibuprofen', 'penicillin', 'vaccine', 'antidepressant tricyclic', 'gas', 'venom snake', 'bee',
    ] as const
  ).map((q): [IndexTable, string] => ['drug', q]),
  ...(
    [
      'lung', 'lu', 'l', 'breast', 'breast upper outer', 'colon', 'colon sigmoid', 'prostate', 'skin', 'skin face',
      'bone', 'bone femur', 'liver', 'brain', 'kidney', 'pancreas head', 'stomach', 'lymph node', 'lymph axill', 'bladder',
      'ovary', 'uterus', 'cervix', 'thyroid', 'bronchus lower lobe', 'lobe low bronch', 'esophagus', 'rectum', 'head', 'connective tissue',
    ] as const
  ).map((q): [IndexTable, string] => ['neoplasm', q]),
];

export const indexTablesBench: BenchModule = {
  name: 'index-tables',
  async run({ repoRoot, tempDir }) {
    const dir = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets', 'icd10cm');
    const files = ['drug', 'neoplasm', 'eindex'].map((k) => path.join(dir, `icd10cm-${k}-April-1-2026-XML.xml`));
    const db = openContentDb(path.join(tempDir, 'content.db'));
    try {
      const imported = await importCodeFiles(db, files);
      const terms = (db.prepare('SELECT sum(term_count) AS n FROM index_release').get() as { n: number }).n;
      const search = ([table, query]: readonly [IndexTable, string]) => searchIndexTable(db, { table, query, limit: LIMIT });
      for (const q of QUERIES) search(q);
      const timings: number[] = [];
      for (let round = 0; round < REPEATS; round++) {
        for (const q of QUERIES) {
          const started = performance.now();
          search(q);
          timings.push(performance.now() - started);
        }
      }
      return {
        indexTableSearch: {
          dataset: 'ICD-10-CM April 2026 Drug + Neoplasm tables, limit 50',
          queries: QUERIES.length,
          runs: timings.length,
          ...summarise(timings),
        },
        indexTablesImport: {
          files: imported.files.length,
          terms,
          entryPoints: imported.totalCodes,
          seconds: Math.round(imported.seconds * 1000) / 1000,
          termsPerSecond: Math.round(terms / imported.seconds),
        },
      };
    } finally {
      closeContentDb(db);
    }
  },
};
