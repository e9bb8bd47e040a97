/**
 * The roads a browser-host call can take besides a POST each: the host's WebSocket held by a
 * call worker (and, when the page is cross-origin isolated, the shared reply slot that lets a
 * keystroke wait for its results), or the same socket on the page's own thread where workers
 * are unavailable. In Electron, the call worker holds the window's private call port instead.
 */
import type { Result } from '../../shared/result';
import { unreachable } from './errors';
import { defaultOpenSocket, socketChannel, type OpenSocket } from './socket-channel';
import type { BegunCall as BegunResult } from './transport';
import { NOT_SENT, slotBufferIfIsolated, workerChannel, type BegunCall, type WorkerLike } from './worker-channel';

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

/** Electron: the call worker on the window's private call port; null where workers are unavailable (calls stay on IPC). */
export function defaultPortRoad(port: MessagePort): CallRoad | null {
  const worker = startCallWorker();
  return worker ? workerChannel(worker, { port, slot: slotBufferIfIsolated() }) : null;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

/** The main process always answers with a Result; anything else is treated as unreachable. */
export const checkedReply = (reply: unknown): Result<unknown> => (isResult(reply) ? reply : unreachable());

/** A road's reply as a Result: a call the road did not send goes by `fallback` (POST, IPC). */
export async function replyResult(reply: Promise<unknown>, fallback: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
  const outcome = await reply;
  return outcome === NOT_SENT ? fallback() : checkedReply(outcome);
}

/** A call begun on a road that can hand its reply over; null when it cannot (use a plain call). */
export function begunOnRoad(
  road: CallRoad | null,
  method: string,
  input: unknown,
  fallback: () => Promise<Result<unknown>>,
): BegunResult<Result<unknown>> | null {
  const begun = road?.begin?.(method, input);
  if (!begun) return null;
  return {
    result: replyResult(begun.reply, fallback),
    take: (deadline) => {
      const taken = begun.take(deadline);
      return taken ? checkedReply(taken.reply) : null;
    },
  };
}
