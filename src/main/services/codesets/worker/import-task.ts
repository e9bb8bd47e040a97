/** The worker side of an import: its own content-db connection, progress and the outcome posted back. */
import type { MessagePort } from 'node:worker_threads';
import { closeContentDb, openContentDb } from '../content-db';
import { importCodeFiles } from '../import';
import { toWire, type ImportMessage } from './messages';

export interface ImportTaskData {
  contentDbPath: string;
  paths: string[];
}

export async function runImportTask(data: ImportTaskData, port: MessagePort): Promise<void> {
  const post = (message: ImportMessage) => port.postMessage(message);
  let db: ReturnType<typeof openContentDb> | null = null;
  try {
    db = openContentDb(data.contentDbPath);
    const summary = await importCodeFiles(db, data.paths, (progress) => post({ type: 'progress', progress }));
    post({ type: 'done', summary });
  } catch (error) {
    post({ type: 'failed', failure: toWire(error) });
  } finally {
    if (db) closeContentDb(db);
  }
}
