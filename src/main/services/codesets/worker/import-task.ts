/** The worker side of an import: its own content-db connection, progress and the outcome posted back. */
import type { MessagePort } from 'node:worker_threads';
import { closeContentDb, openContentDb } from '../content-db';
import { importCodeFiles, type ImportOptions } from '../import';
import { toWire, type ImportMessage } from './messages';

export interface ImportTaskData {
  task: 'import';
  contentDbPath: string;
  paths: string[];
  options: ImportOptions;
}

export function runImportTask(data: ImportTaskData, port: MessagePort): void {
  const post = (message: ImportMessage) => port.postMessage(message);
  let db: ReturnType<typeof openContentDb> | null = null;
  try {
    db = openContentDb(data.contentDbPath);
    const summary = importCodeFiles(db, data.paths, (progress) => post({ type: 'progress', progress }), data.options);
    post({ type: 'done', summary });
  } catch (error) {
    post({ type: 'failed', failure: toWire(error) });
  } finally {
    if (db) closeContentDb(db);
  }
}
