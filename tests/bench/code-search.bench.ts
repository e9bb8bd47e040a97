/**
 * Code search over the full FY2026 ICD-10-CM order file, in-process and warm, as the code
 * picker calls it (system and coding date given); plus the import that builds the database.
 */
import path from 'node:path';
import { closeContentDb, openContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import { searchCodes } from '../../src/main/services/codesets/search';
import type { BenchModule } from './bench-module';
import { CODE_SEARCH_QUERIES } from './code-search-queries';
import { summarise } from './stats';

const REPEATS = 5;
const CODING_DATE = '2026-01-15';

export const codeSearchBench: BenchModule = {
  name: 'code-search',
  async run({ repoRoot, tempDir }) {
    const file = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets', 'icd10cm', 'icd10cm_order_2026.txt');
    const db = openContentDb(path.join(tempDir, 'content.db'));
    try {
      const imported = await importCodeFiles(db, [file]);
      const rows = imported.totalCodes;
      const search = (query: string) => searchCodes(db, { query, system: 'icd10cm', date: CODING_DATE, limit: 25 });
      // Cold: the first search reads the version and builds its in-memory word index.
      const coldStarted = performance.now();
      search('diabetes');
      const coldFirstSearchMs = Math.round(performance.now() - coldStarted);
      // Warm-up: statements prepared, pages cached, JIT settled.
      for (const query of CODE_SEARCH_QUERIES) search(query);
      const timings: number[] = [];
      for (let round = 0; round < REPEATS; round++) {
        for (const query of CODE_SEARCH_QUERIES) {
          const started = performance.now();
          search(query);
          timings.push(performance.now() - started);
        }
      }
      return {
        codeSearch: {
          dataset: `ICD-10-CM FY2026 order file (${rows} rows), limit 25, date ${CODING_DATE}`,
          queries: CODE_SEARCH_QUERIES.length,
          runs: timings.length,
          ...summarise(timings),
          coldFirstSearchMs,
        },
        importCm: {
          seconds: Math.round(imported.seconds * 1000) / 1000,
          rowsPerSecond: Math.round(rows / imported.seconds),
        },
      };
    } finally {
      closeContentDb(db);
    }
  },
};
