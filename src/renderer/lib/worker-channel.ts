/**
 * The page's side of the call worker: every call goes to the worker, which holds the one call
 * channel (the browser host's WebSocket, or the Electron window's call port). `begin` sends a
 * call whose reply the worker puts in the shared reply slot; the page takes it from there later,
 * waiting at most until a deadline (the keystroke's frame, so its results paint in the same
 * frame as the typed character). The wait is bounded, and after a missed deadline no call uses
 * the slot until the late reply has come (a busy host is not waited on keystroke after keystroke).
 */
import { awaitReply, createSlotBuffer, expectReply, replySlot, type ReplySlot } from '../../shared/reply-slot';
import type { FromWorker, ToWorker } from './call-worker-messages';

/** The part of a Worker this channel uses (tests pass a fake). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: Event) => void) | null;
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

/** A call begun with `begin`. */
export interface BegunCall {
  /** The host's Result (unchecked), or undefined if lost in flight — however it came. */
  readonly reply: Promise<unknown>;
  /**
   * Takes the reply from the slot, waiting for it until `deadline` (performance.now() clock)
   * inside the caller's task: `{ reply }` when it is there, else null (it comes by `reply`).
   * Only the first take waits; later ones return null.
   */
  take(deadline: number): { reply: unknown } | null;
}

/** Where the worker sends the calls: the host's socket (browser host) or the window's call port (Electron). */
export type Road = { url: string; token: string } | { port: MessagePort };

export interface WorkerChannel {
  /** Gives the worker its road; calls made before wait in the worker. */
  connect(road: Road): void;
  /** The host's Result (unchecked), or undefined if lost in flight. */
  send(method: string, input: unknown): Promise<unknown>;
  /** Sends a call whose reply can be taken from the slot. A call begun earlier and not yet taken is given up. */
  begin(method: string, input: unknown): BegunCall;
  close(): void;
}

/** Shared memory for the slot, when the page is cross-origin isolated (else calls never wait). */
export function slotBufferIfIsolated(scope: { crossOriginIsolated?: boolean } = globalThis): SharedArrayBuffer | null {
  return scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? createSlotBuffer() : null;
}

export function workerChannel(worker: WorkerLike, slotBuffer: SharedArrayBuffer | null, now: () => number = () => performance.now()): WorkerChannel {
  const slot: ReplySlot | null = slotBuffer ? replySlot(slotBuffer) : null;
  const pending = new Map<number, (outcome: unknown) => void>();
  let nextId = 1;
  /** The call whose deadline passed and whose reply has not come yet. */
  let late: number | null = null;
  let dead = false;
  /** The begun call whose reply has not been taken yet (the slot holds one at a time). */
  let untaken: ((deadline: number) => { reply: unknown } | null) | null = null;

  const settleAll = (outcome: unknown): void => {
    for (const settle of pending.values()) settle(outcome);
    pending.clear();
  };

  worker.onmessage = ({ data }) => {
    if (data.id === late) late = null;
    const settle = pending.get(data.id);
    pending.delete(data.id);
    settle?.(data.result);
  };
  // A worker that fails (its script did not load, or it crashed): every call, now and later, is lost.
  worker.onerror = () => {
    dead = true;
    late = null;
    settleAll(undefined);
  };
  worker.postMessage({ type: 'start', slot: slotBuffer });

  const register = (): { id: number; reply: Promise<unknown> } => {
    const id = nextId++;
    const reply = new Promise<unknown>((resolve) => pending.set(id, resolve));
    return { id, reply };
  };

  return {
    connect(road) {
      if ('port' in road) worker.postMessage({ type: 'port', port: road.port }, [road.port]);
      else worker.postMessage({ type: 'socket', ...road });
    },
    send(method, input) {
      if (dead) return Promise.resolve(undefined);
      const { id, reply } = register();
      worker.postMessage({ type: 'call', id, method, input });
      return reply;
    },
    begin(method, input) {
      if (dead || !slot || late !== null) return { reply: this.send(method, input), take: () => null };
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
