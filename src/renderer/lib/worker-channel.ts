/**
 * The page's side of the call worker: calls go to the worker, which holds the host's socket.
 * `begin` sends a call whose reply the worker puts in the shared reply slot; the page takes it
 * from there later, waiting at most until a deadline (the keystroke's frame, so its results
 * paint in the same frame as the typed character). The wait is bounded, and after a missed
 * deadline no call uses the slot until the late reply has come (a busy host is not waited on
 * keystroke after keystroke).
 */
import { awaitReply, createSlotBuffer, expectReply, replySlot, type ReplySlot } from '../../shared/reply-slot';
import type { FromWorker, ToWorker } from './call-worker-messages';

/** A call the worker could not send (its socket was not open): the caller posts it instead. */
export const NOT_SENT = Symbol('not sent');

/** The part of a Worker this channel uses (tests pass a fake). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: Event) => void) | null;
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

/** A call begun with `begin`. */
export interface BegunCall {
  /** The host's Result (unchecked), undefined if lost in flight, or NOT_SENT — however it came. */
  readonly reply: Promise<unknown>;
  /**
   * Takes the reply from the slot, waiting for it until `deadline` (performance.now() clock)
   * inside the caller's task: `{ reply }` when it is there, else null (it comes by `reply`).
   * Only the first take waits; later ones return null.
   */
  take(deadline: number): { reply: unknown } | null;
}

export interface WorkerChannel {
  /** The host's Result (unchecked), undefined if lost in flight, or NOT_SENT. */
  send(method: string, input: unknown): Promise<unknown>;
  /** Sends a call whose reply can be taken from the slot. A call begun earlier and not yet taken is given up. */
  begin(method: string, input: unknown): BegunCall;
  close(): void;
}

/** Shared memory for the slot, when the page is cross-origin isolated (else calls never wait). */
export function slotBufferIfIsolated(scope: { crossOriginIsolated?: boolean } = globalThis): SharedArrayBuffer | null {
  return scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? createSlotBuffer() : null;
}

export function workerChannel(
  worker: WorkerLike,
  /** The host's socket (browser host) or the window's call port (Electron). */
  open: { url: string; token: string; slot: SharedArrayBuffer | null } | { port: MessagePort; slot: SharedArrayBuffer | null },
  now: () => number = () => performance.now(),
): WorkerChannel {
  const slot: ReplySlot | null = open.slot ? replySlot(open.slot) : null;
  const pending = new Map<number, (outcome: unknown) => void>();
  let nextId = 1;
  /** The call whose deadline passed and whose reply has not come yet. */
  let late: number | null = null;
  let dead = false;
  /** Until the worker says it runs, calls are posted: one that never loads costs nothing. */
  let ready = false;
  /** The begun call whose reply has not been taken yet (the slot holds one at a time). */
  let untaken: ((deadline: number) => { reply: unknown } | null) | null = null;

  const settleAll = (outcome: unknown): void => {
    for (const settle of pending.values()) settle(outcome);
    pending.clear();
  };

  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') {
      ready = true;
      return;
    }
    if (data.id === late) late = null;
    const settle = pending.get(data.id);
    pending.delete(data.id);
    settle?.(data.type === 'unsent' ? NOT_SENT : data.result);
  };
  // A worker that fails (its script did not load, or it crashed): calls in flight are lost, later ones are posted.
  worker.onerror = () => {
    dead = true;
    late = null;
    settleAll(undefined);
  };
  if ('port' in open) worker.postMessage({ type: 'open-port', ...open }, [open.port]);
  else worker.postMessage({ type: 'open', ...open });

  const register = (): { id: number; reply: Promise<unknown> } => {
    const id = nextId++;
    const reply = new Promise<unknown>((resolve) => pending.set(id, resolve));
    return { id, reply };
  };

  return {
    send(method, input) {
      if (dead || !ready) return Promise.resolve(NOT_SENT);
      const { id, reply } = register();
      worker.postMessage({ type: 'call', id, method, input });
      return reply;
    },
    begin(method, input) {
      if (dead || !ready || !slot || late !== null) return { reply: this.send(method, input), take: () => null };
      untaken?.(Number.NEGATIVE_INFINITY);
      const { id, reply } = register();
      expectReply(slot, id);
      worker.postMessage({ type: 'call', id, method, input });
      let taken = false;
      const take = (deadline: number): { reply: unknown } | null => {
        if (taken) return null;
        taken = true;
        if (untaken === take) untaken = null;
        const text = awaitReply(slot, id, deadline, now);
        if (text === null) {
          if (deadline !== Number.NEGATIVE_INFINITY) late = id;
          return null;
        }
        let value: unknown;
        try {
          value = JSON.parse(text) as unknown;
        } catch {
          value = undefined;
        }
        pending.get(id)?.(value);
        pending.delete(id);
        return { reply: value };
      };
      untaken = take;
      return { reply, take };
    },
    close() {
      dead = true;
      untaken = null;
      worker.terminate();
      settleAll(undefined);
    },
  };
}
