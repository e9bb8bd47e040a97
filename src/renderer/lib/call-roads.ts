/**
 * The roads a browser-host call can take besides a POST each: the host's WebSocket held by a
 * call worker (and, when the page is cross-origin isolated, the shared reply slot that lets a
 * keystroke wait for its results), or the same socket on the page's own thread where workers
 * are unavailable.
 */
import { defaultOpenSocket, socketChannel, type OpenSocket } from './socket-channel';
import { slotBufferIfIsolated, workerChannel, type BegunCall, type WorkerLike } from './worker-channel';

export interface CallRoad {
  /** The host's reply (unchecked), undefined if lost in flight, NOT_SENT; null = post it. */
  send(method: string, input: unknown): Promise<unknown> | null;
  /** As send, with a reply the caller can take inside its own task (see worker-channel.ts). */
  begin?(method: string, input: unknown): BegunCall;
}

export type OpenRoad = (url: string, token: string) => CallRoad;

/** The socket on the page's own thread (tests pass a fake socket). */
export const pageSocketRoad =
  (open: OpenSocket): OpenRoad =>
  (url, token) =>
    socketChannel(url, token, open);

function startCallWorker(): WorkerLike | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('./call-worker.ts', import.meta.url), { type: 'module', name: 'codedesk-calls' }) as unknown as WorkerLike;
  } catch {
    return null;
  }
}

export const defaultRoad: OpenRoad = (url, token) => {
  const worker = startCallWorker();
  if (!worker) return pageSocketRoad(defaultOpenSocket)(url, token);
  return workerChannel(worker, { url, token, slot: slotBufferIfIsolated() });
};
