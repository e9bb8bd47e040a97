/**
 * How to start the worker. From the sources (tsx, Vitest, the CLI) this module is a .ts file:
 * the worker is a small bootstrap that registers tsx and imports entry.ts (a worker does not
 * inherit the parent's loader). From the electron-vite build this code is bundled into
 * out/main, and the entry is the separately built `import-worker.js` next to it (an input of
 * the main build in electron.vite.config.ts). A bootstrap that cannot start the entry posts a
 * failure, so the caller is answered rather than left with a silent exit.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppFailure } from '../../../../shared/result';

export const BUILT_ENTRY_NAME = 'import-worker.js';

export interface WorkerEntry {
  /** A file URL, or bootstrap source code when `eval` is true. */
  file: URL | string;
  eval: boolean;
}

/** Runs in the worker before entry.ts exists for it: register tsx, import the entry, report a failure to start. */
const bootstrap = (tsxApi: string, entry: string) => `
import(${JSON.stringify(tsxApi)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })
  .catch(() => {
    const failure = { code: 'INTERNAL', message: 'The import could not start.' };
    require('node:worker_threads').parentPort.postMessage({ type: 'failed', failure });
  });
`;

export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (moduleUrl.endsWith('.ts')) {
    // The ESM build of tsx's API (require.resolve would pick its CommonJS build).
    const tsxRoot = dirname(createRequire(moduleUrl).resolve('tsx/package.json'));
    const tsxApi = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
    return { file: bootstrap(tsxApi, new URL('./entry.ts', moduleUrl).href), eval: true };
  }
  // Bundled code may sit in out/main or in a chunk folder below it.
  for (const candidate of [`./${BUILT_ENTRY_NAME}`, `../${BUILT_ENTRY_NAME}`]) {
    const file = new URL(candidate, moduleUrl);
    if (existsSync(fileURLToPath(file))) return { file, eval: false };
  }
  throw new AppFailure('INTERNAL', 'The import worker is missing from this installation of CodeDesk.');
}
