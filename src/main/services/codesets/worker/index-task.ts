/**
 * The worker side of a search-index build: its own connection reads each version's codes and
 * builds the word index's arrays (the ~1 s of CPU a large version costs), handed over by transfer.
 */
import type { MessagePort } from 'node:worker_threads';
import { openContentDb } from '../content-db';
import { buildIndexParts, transferablesOf, type BuiltParts } from '../search';
import { toWire, type WireFailure } from './messages';

export interface IndexTaskData {
  task: 'index';
  contentDbPath: string;
  versionIds: number[];
}

export type IndexMessage = { type: 'built'; parts: BuiltParts[] } | { type: 'failed'; failure: WireFailure };

export function runIndexTask(data: IndexTaskData, port: MessagePort): void {
  let db: ReturnType<typeof openContentDb> | null = null;
  try {
    db = openContentDb(data.contentDbPath);
    const parts = buildIndexParts(db, data.versionIds);
    port.postMessage({ type: 'built', parts } satisfies IndexMessage, transferablesOf(parts));
  } catch (error) {
    port.postMessage({ type: 'failed', failure: toWire(error) } satisfies IndexMessage);
  } finally {
    db?.close();
  }
}
