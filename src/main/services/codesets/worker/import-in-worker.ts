/**
 * Imports code-set files off the calling thread: a worker opens its own connection to the
 * content database, runs importCodeFiles and posts progress; failures come back as the same
 * AppFailure (code, message, detail). Each file is committed whole by its importer, so a
 * worker stopped midway leaves earlier files committed and the current one not at all.
 */
import { Worker } from 'node:worker_threads';
import type { ImportSummary } from '../../../../shared/contract';
import { AppFailure } from '../../../../shared/result';
import type { ImportOptions, ImportProgress } from '../import';
import { workerEntry } from './entry-path';
import { fromWire, type ImportMessage } from './messages';
import type { ImportTaskData } from './import-task';

export interface ImportWorkerHandle {
  result: Promise<ImportSummary>;
  /** Stops the worker; the file being imported is rolled back by SQLite. */
  terminate(): Promise<number>;
}

export function startImportWorker(
  contentDbPath: string,
  paths: readonly string[],
  onProgress?: (p: ImportProgress) => void,
  options: ImportOptions = {},
): ImportWorkerHandle {
  const entry = workerEntry();
  const data: ImportTaskData = { contentDbPath, paths: [...paths], options };
  const worker = new Worker(entry.file, { eval: entry.eval, execArgv: [], workerData: data });
  const result = new Promise<ImportSummary>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: ImportMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else {
        settled = true;
        if (message.type === 'done') resolve(message.summary);
        else reject(fromWire(message.failure));
      }
    });
    worker.on('error', () => {
      settled = true;
      reject(new AppFailure('INTERNAL', 'The import stopped because of an internal error.'));
    });
    worker.on('exit', () => {
      if (!settled) reject(new AppFailure('INTERNAL', 'The import was stopped before it finished; nothing partial was kept.'));
    });
  });
  return { result, terminate: () => worker.terminate() };
}

export function importInWorker(
  contentDbPath: string,
  paths: readonly string[],
  onProgress?: (p: ImportProgress) => void,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return startImportWorker(contentDbPath, paths, onProgress, options).result;
}
