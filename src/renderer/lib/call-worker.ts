/** The call worker's entry: wires callWorkerCore to the worker global and the real WebSocket. */
import type { FromWorker, ToWorker } from './call-worker-messages';
import { callWorkerCore } from './call-worker-core';
import { defaultOpenSocket } from './socket-channel';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const handle = callWorkerCore((message) => scope.postMessage(message), defaultOpenSocket);
scope.onmessage = ({ data }) => handle(data);
