/**
 * The worker from a bundle: the services bundled into index.js and the worker entry built as
 * import-worker.js beside it (as electron-vite emits out/main), run by plain Node without tsx.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { workerEntry } from '../../../src/main/services/codesets/worker/entry-path';
import { AppFailure } from '../../../src/shared/result';
import { describe, expect, it } from 'vitest';
import { CM_2025, tempDir, writeOrderFile } from '../codesets/helpers';
import { REPO_ROOT } from '../helpers/temp';

const WORKER = path.join(REPO_ROOT, 'src', 'main', 'services', 'codesets', 'worker');

describe('import worker in a bundled build', () => {
  it('finds import-worker.js next to the bundle and imports through it', () => {
    const out = tempDir();
    buildSync({
      entryPoints: { index: path.join(WORKER, 'import-in-worker.ts'), 'import-worker': path.join(WORKER, 'entry.ts') },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outdir: out,
      packages: 'external',
      logLevel: 'silent',
    });
    // The bundle's packages resolve from the repository, as they do from an installed app.
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
    const file = writeOrderFile(out, 'icd10cm_order_2025.txt', CM_2025);
    const script = `
      const { importInWorker } = await import(${JSON.stringify(new URL(`file://${path.join(out, 'index.js')}`).href)});
      const summary = await importInWorker(${JSON.stringify(path.join(out, 'content.db'))}, [${JSON.stringify(file)}], undefined, { allowUnverified: true, releases: [] });
      process.stdout.write(JSON.stringify(summary.files));`;
    fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}');
    fs.writeFileSync(path.join(out, 'driver.js'), script);
    const stdout = execFileSync(process.execPath, [path.join(out, 'driver.js')], { cwd: out, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toMatchObject([{ kind: 'icd10cm-order', label: 'FY2025', codes: CM_2025.length }]);
  }, 60_000);

  it('finds the entry from a chunk folder below out/main (electron-vite puts shared code in chunks/)', () => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, 'chunks'));
    fs.writeFileSync(path.join(out, 'import-worker.js'), '');
    const entry = workerEntry(pathToFileURL(path.join(out, 'chunks', 'api-1234.js')).href);
    expect(entry).toEqual({ file: pathToFileURL(path.join(out, 'import-worker.js')), eval: false });
    fs.rmSync(path.join(out, 'import-worker.js'));
    expect(() => workerEntry(pathToFileURL(path.join(out, 'chunks', 'api-1234.js')).href)).toThrow(AppFailure);
  });
});
