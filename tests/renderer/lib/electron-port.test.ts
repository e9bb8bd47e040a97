/**
 * Electron's call road, with Node's MessageChannel for the window's call port: the call worker's
 * real core on the port, and the Electron transport taking the port the preload posts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { callWorkerCore } from '../../../src/renderer/lib/call-worker-core';
import type { FromWorker, ToWorker } from '../../../src/renderer/lib/call-worker-messages';
import { electronTransport } from '../../../src/renderer/lib/electron-transport';
import { workerChannel, type WorkerChannel, type WorkerLike } from '../../../src/renderer/lib/worker-channel';
import type { CodeDeskBridge } from '../../../src/shared/bridge';
import { CALL_PORT_MESSAGE } from '../../../src/shared/ipc-channels';
import { createSlotBuffer } from '../../../src/shared/reply-slot';

const nextTask = () => new Promise((r) => setTimeout(r, 0));
const soon = () => performance.now() + 2;
const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** The worker's core on this thread; its messages reach the page a task later. */
function inThreadWorker(): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message: ToWorker) => handle(message),
    terminate: () => undefined,
  };
  const handle = callWorkerCore(
    (message: FromWorker) => setTimeout(() => worker.onmessage?.(new MessageEvent('message', { data: message })), 0),
    () => {
      throw new Error('no socket in Electron');
    },
  );
  return worker;
}

/** The main process's end of the port: answers every call with `{ ok: true, value: <method> }`. */
function mainEnd(port: MessagePort, seen: string[]): void {
  port.onmessage = ({ data }) => {
    const { id, method } = JSON.parse(String(data)) as { id: number; method: string };
    seen.push(method);
    port.postMessage(JSON.stringify({ id, result: { ok: true, value: method } }));
  };
}

function channelPair(): { main: MessagePort; page: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return { main: port1, page: port2 };
}

async function untilTaken<T>(take: () => T | null): Promise<T | null> {
  for (let i = 0; i < 50; i++) {
    await nextTask();
    const taken = take();
    if (taken !== null) return taken;
  }
  return null;
}

const noEvents: CodeDeskBridge = { onEvent: () => () => undefined };

describe('Electron transport', () => {
  it('holds calls until the preload posts the port, then carries every call on it, keystroke replies through the slot', async () => {
    const { main, page } = channelPair();
    const seen: string[] = [];
    mainEnd(main, seen);
    let channel: WorkerChannel | null = null;
    const t = electronTransport(noEvents, window, () => (channel = workerChannel(inThreadWorker(), createSlotBuffer(1024))));
    const early = t.call('profiles.list', {});

    // A message from elsewhere, or without the expected data, is not the port (its decoy port
    // answers nothing: taking it would leave the calls below unanswered).
    const decoy = channelPair();
    window.dispatchEvent(new MessageEvent('message', { data: 'something else', source: window, ports: [decoy.page] }));
    window.dispatchEvent(new MessageEvent('message', { data: CALL_PORT_MESSAGE, source: null, ports: [decoy.page] }));
    window.dispatchEvent(new MessageEvent('message', { data: CALL_PORT_MESSAGE, source: window, ports: [page] }));
    // A second port after the first is refused.
    window.dispatchEvent(new MessageEvent('message', { data: CALL_PORT_MESSAGE, source: window, ports: [decoy.page] }));
    expect(await early).toEqual({ ok: true, value: 'profiles.list' });

    const begun = t.begin?.('codes.search', { query: 'ab', limit: 25 });
    const taken = await untilTaken(() => (seen.length > 1 ? (begun?.take(soon()) ?? null) : null));
    expect(taken).toEqual({ ok: true, value: 'codes.search' });
    expect(await begun?.result).toEqual({ ok: true, value: 'codes.search' });
    expect(await t.call('codes.versions', {})).toEqual({ ok: true, value: 'codes.versions' });
    expect(seen).toEqual(['profiles.list', 'codes.search', 'codes.versions']);
    expect(channel).not.toBeNull();
  });
});
