/** The import worker's entry: runs the import it is given (import-task.ts) and posts the outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { runImportTask, type ImportTaskData } from './import-task';

if (parentPort) void runImportTask(workerData as ImportTaskData, parentPort);
