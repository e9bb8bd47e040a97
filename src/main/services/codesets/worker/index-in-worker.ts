/**
 * Builds search indexes off the main thread (index-task.ts in the code-set worker); the parts
 * come back by transfer. The worker never keeps the process alive (a CLI import exits at once).
 */
import { Worker } from 'node:worker_threads';
import { AppFailure } from '../../../../shared/result';
import { workerEntry } from './entry-path';
import { fromWire } from './messages';
import type { BuiltParts } from '../search';
import type { IndexMessage, IndexTaskData } from './index-task';

export function buildIndexesInWorker(contentDbPath: string, versionIds: readonly number[]): Promise<BuiltParts[]> {
  const entry = workerEntry();
  const data: IndexTaskData = { task: 'index', contentDbPath, versionIds: [...versionIds] };
  const worker = new Worker(entry.file, { eval: entry.eval, execArgv: [], workerData: data });
  worker.unref();
  return new Promise<BuiltParts[]>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: IndexMessage) => {
      settled = true;
      if (message.type === 'built') resolve(message.parts);
      else reject(fromWire(message.failure));
      void worker.terminate();
    });
    worker.on('error', () => {
      settled = true;
      reject(new AppFailure('INTERNAL', 'The search index could not be built.'));
    });
    worker.on('exit', () => {
      if (!settled) reject(new AppFailure('INTERNAL', 'The search index build stopped before it finished.'));
    });
  });
}
