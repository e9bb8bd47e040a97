/**
 * The worker entry: either a whole import (import-task.ts) or one asynchronous library call
 * made on behalf of a synchronous caller (sync-call.ts). Which one comes in workerData.task.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ImportTaskData } from './import-task';
import { toWire } from './messages';
import { readXlsxText } from './read-xlsx';
import { readZipMembers, type ZipLimits } from './read-zip';
import type { SyncReply, SyncTask } from './sync-call';

interface SyncTaskData {
  task: SyncTask;
  input: Uint8Array;
  options: unknown;
  flag: Int32Array;
  port: MessagePort;
}

async function runSyncTask(data: SyncTaskData): Promise<void> {
  let reply: SyncReply<unknown>;
  try {
    const value =
      data.task === 'read-xlsx'
        ? await readXlsxText(data.input)
        : await readZipMembers(data.input, (data.options ?? undefined) as ZipLimits | undefined);
    reply = { ok: true, value };
  } catch (error) {
    reply = { ok: false, failure: toWire(error) };
  }
  data.port.postMessage(reply);
  Atomics.store(data.flag, 0, 1);
  Atomics.notify(data.flag, 0);
}

const data = workerData as { task: string };
if (data.task === 'import') {
  // Loaded only here: a one-call helper worker need not load every importer.
  const port = parentPort;
  if (port) void import('./import-task').then(({ runImportTask }) => runImportTask(workerData as ImportTaskData, port));
} else {
  void runSyncTask(workerData as SyncTaskData);
}
