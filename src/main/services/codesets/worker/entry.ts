/**
 * The worker entry: either a whole import (import-task.ts) or one asynchronous library call
 * made on behalf of a synchronous caller (sync-call.ts). Which one comes in workerData.task.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ImportTaskData } from './import-task';
import { toWire } from './messages';
import { readXlsxText } from './read-xlsx';
import { extractZipMember, listZipMembers } from './read-zip';
import type { SyncReply, SyncTask, ZipTaskOptions } from './sync-call';

interface SyncTaskData {
  task: SyncTask;
  input: Uint8Array;
  options: unknown;
  flag: Int32Array;
  port: MessagePort;
}

async function runTask(data: SyncTaskData): Promise<unknown> {
  if (data.task === 'read-xlsx') return readXlsxText(data.input);
  const options = data.options as ZipTaskOptions;
  if (data.task === 'zip-list') return listZipMembers(options.zipPath, options.headBytes ?? 0, options.limits);
  await extractZipMember(options.zipPath, options.member ?? '', options.outPath ?? '', options.limits);
  return null;
}

async function runSyncTask(data: SyncTaskData): Promise<void> {
  let reply: SyncReply<unknown>;
  try {
    const value = await runTask(data);
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
