/**
 * Runs an asynchronous-only library call (yauzl) synchronously, so that
 * importers keep their synchronous run(): the call runs in a short-lived worker while this
 * thread sleeps on a shared flag, and the result is taken off the port without an event loop.
 * Used inside the import worker (and by the synchronous CLI path), never on the UI thread.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { AppFailure } from '../../../../shared/result';
import { workerEntry } from './entry-path';
import { fromWire, type WireFailure } from './messages';
import type { ZipLimits } from './read-zip';

/** Far above the seconds the largest official file takes. */
const TIMEOUT_MS = 300_000;

export type SyncTask = 'read-xlsx' | 'zip-list' | 'zip-extract';

/** What the zip tasks need: the zip on disk, and for extraction the member and where to write it. */
export interface ZipTaskOptions {
  zipPath: string;
  headBytes?: number;
  member?: string;
  outPath?: string;
  limits?: ZipLimits;
}

export type SyncReply<T> = { ok: true; value: T } | { ok: false; failure: WireFailure };

export function runSync<T>(task: SyncTask, input: Uint8Array, options: unknown = null): T {
  const entry = workerEntry();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(entry.file, {
    eval: entry.eval,
    // Not the parent's flags (a CLI's --input-type, a test runner's loaders): the entry sets up what it needs.
    execArgv: [],
    workerData: { task, input, options, flag, port: port2 },
    transferList: [port2],
  });
  try {
    // Returns once the worker has stored 1 and notified; a worker that never answers times out.
    Atomics.wait(flag, 0, 0, TIMEOUT_MS);
    const reply = receiveMessageOnPort(port1)?.message as SyncReply<T> | undefined;
    if (!reply) throw new AppFailure('INTERNAL', 'A file could not be read because a helper stopped unexpectedly.');
    if (!reply.ok) throw fromWire(reply.failure);
    return reply.value;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
