/**
 * Calls to the main process through the page's call worker, for both hosts: the worker holds the
 * one call channel (the browser host's WebSocket, Electron's private call port) and, when the
 * page is cross-origin isolated, hands a keystroke's reply over through the shared reply slot
 * (worker-channel.ts). There is no second road: a call the worker cannot deliver ends as
 * unreachable, and the next call tries again.
 */
import type { Result } from '../../shared/result';
import { unreachable } from './errors';
import type { Transport } from './transport';
import { slotBufferIfIsolated, workerChannel, type WorkerChannel, type WorkerLike } from './worker-channel';

/** Starts the call worker; null where workers are unavailable (then every call is unreachable). */
export type StartCallWorker = () => WorkerChannel | null;

export const startCallWorker: StartCallWorker = () => {
  if (typeof Worker !== 'function') return null;
  let worker: WorkerLike;
  try {
    worker = new Worker(new URL('./call-worker.ts', import.meta.url), { type: 'module', name: 'codedesk-calls' }) as unknown as WorkerLike;
  } catch {
    return null;
  }
  return workerChannel(worker, slotBufferIfIsolated());
};

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

/** The main process always answers with a Result; anything else (or a lost call) is unreachable. */
export const checkedReply = (reply: unknown): Result<unknown> => (isResult(reply) ? reply : unreachable());

/** A transport's calls over the worker channel. */
export function callsOverWorker(channel: WorkerChannel | null): Pick<Transport, 'call' | 'begin'> {
  type Call = ReturnType<Transport['call']>;
  type Begun = ReturnType<NonNullable<Transport['begin']>>;
  return {
    call: (method, input) => (channel ? channel.send(method, input).then(checkedReply) : Promise.resolve(unreachable())) as Call,
    begin(method, input) {
      if (!channel) return { result: Promise.resolve(unreachable()), take: () => null } as Begun;
      const begun = channel.begin(method, input);
      return {
        result: begun.reply.then(checkedReply),
        take: (deadline: number) => {
          const taken = begun.take(deadline);
          return taken ? checkedReply(taken.reply) : null;
        },
      } as Begun;
    },
  };
}
