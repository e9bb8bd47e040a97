/** Imports off the calling thread: the worker's result, its failures, and a worker stopped midway. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { FIXTURE_IMPORT, importCodeFiles } from '../helpers/import-fixtures';
import { importInWorker, startImportWorker } from '../../../src/main/services/codesets/worker/import-in-worker';
import { AppFailure } from '../../../src/shared/result';
import { CM_2025, manyCmRows, snapshot, tempDir, writeFile, writeOrderFile } from '../codesets/helpers';

describe('importInWorker', () => {
  it('imports in a worker with its own connection; progress arrives; the caller sees the rows', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'content.db');
    const db = openContentDb(dbPath);
    const progress: number[] = [];
    const summary = await importInWorker(dbPath, [writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025)], (p) => progress.push(p.line), FIXTURE_IMPORT);
    expect(summary.files[0]).toMatchObject({ label: 'FY2025', codes: CM_2025.length });
    expect(progress.length).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: CM_2025.length });
    closeContentDb(db);
  });

  it('returns the same AppFailure code, message and detail', async () => {
    const dir = tempDir();
    const error = await importInWorker(path.join(dir, 'content.db'), [writeFile(dir, 'notes.txt', 'hello\n')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('IMPORT_FAILED');
    expect((error as AppFailure).detail).toMatchObject({ file: 'notes.txt', line: 1 });
  });

  it('a worker terminated during progress leaves no partial version and the previous content intact', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'content.db');
    const db = openContentDb(dbPath);
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025)]);
    const before = snapshot(db);
    closeContentDb(db);
    const big = writeOrderFile(dir, 'icd10cm_order_2026.txt', manyCmRows(2000));
    let stopped = false;
    const handle = startImportWorker(dbPath, [big], (p) => {
      // Stop once rows are being written (the transaction is open).
      if (!stopped && p.line >= 5000) {
        stopped = true;
        void handle.terminate();
      }
    }, FIXTURE_IMPORT);
    const outcome = await handle.result.catch((e: unknown) => e);
    expect(stopped).toBe(true);
    expect(outcome).toBeInstanceOf(AppFailure);
    const reopened = openContentDb(dbPath);
    expect(snapshot(reopened)).toEqual(before);
    closeContentDb(reopened);
  });
});
