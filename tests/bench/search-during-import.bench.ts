/**
 * Search while a code set is imported through the API (the Code sets screen's path): the FY2025
 * ICD-10-CM order file is in use, then the FY2026 one is imported in the worker. Search latency
 * before, during the import, and right after it (the first search, then the next ones), against
 * what the first search after an import cost when it built the new index itself (coldFirstSearchMs,
 * measured on a connection that has no index yet).
 */
import path from 'node:path';
import { callApi } from '../../src/main/api';
import { CodeDeskApp } from '../../src/main/app';
import { closeContentDb, openContentDb } from '../../src/main/services/codesets/content-db';
import { searchCodes } from '../../src/main/services/codesets/search';
import type { BenchModule } from './bench-module';
import { CODE_SEARCH_QUERIES } from './code-search-queries';
import { summarise } from './stats';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const searchDuringImportBench: BenchModule = {
  name: 'searchDuringImport',
  async run({ repoRoot, tempDir }) {
    const cm = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets', 'icd10cm');
    const app = new CodeDeskApp({ home: path.join(tempDir, 'home'), resourcesDir: path.join(repoRoot, 'resources') });
    const importFile = async (file: string) => {
      const result = await callApi(app, 'codes.import', { paths: [file] });
      if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
      return result.value;
    };
    let next = 0;
    /** The next query of the code-search mix, as the picker sends it (no date: the newest version). */
    const timedSearch = async (query = CODE_SEARCH_QUERIES[next++ % CODE_SEARCH_QUERIES.length]!) => {
      const started = performance.now();
      const result = await callApi(app, 'codes.search', { query, system: 'icd10cm', limit: 25 });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`search failed: ${result.error.message}`);
      return { ms, codes: result.value.results.map((r) => r.code) };
    };

    await importFile(path.join(cm, 'fy2025', 'icd10cm_order_2025.txt'));
    for (let i = 0; i < CODE_SEARCH_QUERIES.length; i++) await timedSearch(); // index built, JIT settled
    const before: number[] = [];
    for (let i = 0; i < 200; i++) before.push((await timedSearch()).ms);

    const during: number[] = [];
    let done = false;
    const importing = importFile(path.join(cm, 'icd10cm_order_2026.txt')).finally(() => (done = true));
    while (!done) {
      during.push((await timedSearch()).ms);
      await pause(5);
    }
    const summary = await importing;
    // B88.01 is new in FY2026: the first search right after the import finds it.
    const first = await timedSearch('B88.01');
    if (first.codes[0] !== 'B88.01') throw new Error('the first search after the import did not search the new code set');
    const firstAfterMs = first.ms;
    const after: number[] = [];
    for (let i = 0; i < 200; i++) after.push((await timedSearch()).ms);

    // What the first search paid when it built the new index itself (a connection with none).
    const fresh = openContentDb(path.join(tempDir, 'home', 'content.db'));
    const coldStarted = performance.now();
    searchCodes(fresh, { query: 'diabetes', system: 'icd10cm', limit: 25 });
    const coldFirstSearchMs = Math.round(performance.now() - coldStarted);
    closeContentDb(fresh);
    app.lock('manual');

    const round = (ms: number) => Math.round(ms * 1000) / 1000;
    return {
      searchDuringImport: {
        dataset: `ICD-10-CM FY2025 order file in use, FY2026 order file imported through codes.import (worker); the ${CODE_SEARCH_QUERIES.length} code-search queries in turn, system icd10cm, limit 25`,
        importSeconds: round(summary.seconds),
        before: { runs: before.length, ...summarise(before) },
        during: { runs: during.length, ...summarise(during) },
        firstAfterMs: round(firstAfterMs),
        after: { runs: after.length, ...summarise(after) },
        coldFirstSearchMs,
      },
    };
  },
};
