/** The code-set worker's entry: runs the task it is given (an import, or a search-index build) and posts the outcome. */
import { parentPort, workerData } from 'node:worker_threads';
import { runImportTask, type ImportTaskData } from './import-task';
import { runIndexTask, type IndexTaskData } from './index-task';

const data = workerData as ImportTaskData | IndexTaskData;
if (parentPort) {
  if (data.task === 'index') runIndexTask(data, parentPort);
  else void runImportTask(data, parentPort);
}
