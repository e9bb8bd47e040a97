/** The worker side of an import: its own content-db connection, progress and the outcome posted back. */
import type { MessagePort } from 'node:worker_threads';
import { closeContentDb, openContentDb } from '../content-db';
import { importCodeFiles, type ImportOptions } from '../import';
import { toWire, type ImportMessage } from './messages';

export interface ImportTaskData {
  task?: 'import';
  contentDbPath: string;
  paths: string[];
  options: ImportOptions;
}

export async function runImportTask(data: ImportTaskData, port: MessagePort): Promise<void> {
  const post = (message: ImportMessage) => port.postMessage(message);
  let db: ReturnType<typeof openContentDb> | null = null;
  let imported = false;
  try {
    db = openContentDb(data.contentDbPath);
    // Start from an empty WAL: if the import then fails on a full disk, its frames are all
    // uncommitted and the -wal goes with the close, instead of waiting for room to checkpoint.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const summary = await importCodeFiles(db, data.paths, (progress) => post({ type: 'progress', progress }), data.options);
    imported = true;
    post({ type: 'done', summary });
  } catch (error) {
    post({ type: 'failed', failure: toWire(error) });
  } finally {
    // After a failure nothing more is written (not even optimize's statistics): on a full
    // disk a new commit could not be checkpointed, and the -wal would stay behind.
    if (db && imported) closeContentDb(db);
    else db?.close();
  }
}
