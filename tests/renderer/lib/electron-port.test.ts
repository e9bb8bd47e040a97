/**
 * Electron's call road, with Node's MessageChannel for the window's call port: the call worker's
 * real core on the port, and the Electron transport taking the port the preload posts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CallRoad } from '../../../src/renderer/lib/call-roads';
import { callWorkerCore } from '../../../src/renderer/lib/call-worker-core';
import type { FromWorker, ToWorker } from '../../../src/renderer/lib/call-worker-messages';
import { electronTransport } from '../../../src/renderer/lib/electron-transport';
import { workerChannel, type WorkerLike } from '../../../src/renderer/lib/worker-channel';
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
function mainEnd(port: MessagePort, seen: string[] = []): void {
  port.onmessage = ({ data }) => {
    const { id, method } = JSON.parse(String(data)) as { id: number; method: string };
    seen.push(method);
    port.postMessage(JSON.stringify({ id, result: { ok: true, value: method } }));
  };
}

function portRoad(): { road: (port: MessagePort) => CallRoad; main: MessagePort; page: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return { road: (port) => workerChannel(inThreadWorker(), { port, slot: createSlotBuffer(1024) }), main: port1, page: port2 };
}

async function untilTaken<T>(take: () => T | null): Promise<T | null> {
  for (let i = 0; i < 50; i++) {
    await nextTask();
    const taken = take();
    if (taken !== null) return taken;
  }
  return null;
}

const fakeBridge = (calls: string[]): CodeDeskBridge =>
  ({
    api: new Proxy({}, { get: (_t, method: string) => async () => (calls.push(method), { ok: true, value: `ipc ${method}` }) }),
    onEvent: () => () => undefined,
  }) as unknown as CodeDeskBridge;

describe('Electron call port road', () => {
  it('carries a begun call over the port and hands the reply over through the slot', async () => {
    const { road, main, page } = portRoad();
    const seen: string[] = [];
    mainEnd(main, seen);
    const channel = road(page);
    await nextTask(); // the worker's "ready"
    const begun = channel.begin?.('codes.search', { query: 'femur' });
    // The reply crosses the port a task later; a frame that starts then finds it in the slot.
    let taken: { reply: unknown } | null = null;
    for (let i = 0; i < 50 && taken === null; i++) {
      await nextTask();
      if (seen.length > 0) taken = begun?.take(soon()) ?? null;
    }
    expect(seen).toEqual(['codes.search']);
    expect(taken).toEqual({ reply: { ok: true, value: 'codes.search' } });
  });
});

describe('Electron transport', () => {
  it('keeps calls on IPC until the preload posts the port, then begins keystroke calls on it', async () => {
    const ipc: string[] = [];
    const { road, main, page } = portRoad();
    const seen: string[] = [];
    mainEnd(main, seen);
    const t = electronTransport(fakeBridge(ipc), window, road);
    const before = t.begin?.('codes.search', { query: 'a', limit: 25 });
    expect(before?.take(soon())).toBeNull();
    expect(await before?.result).toEqual({ ok: true, value: 'ipc codes.search' });

    // A message from elsewhere, or without the expected data, is not the port (its decoy port
    // answers nothing: taking it would leave the call below unanswered).
    const decoy = new MessageChannel();
    ports.push(decoy.port1, decoy.port2);
    window.dispatchEvent(new MessageEvent('message', { data: 'something else', source: window, ports: [decoy.port2] }));
    window.dispatchEvent(new MessageEvent('message', { data: CALL_PORT_MESSAGE, source: null, ports: [decoy.port2] }));
    window.dispatchEvent(new MessageEvent('message', { data: CALL_PORT_MESSAGE, source: window, ports: [page] }));
    // A second port after the first is refused.
    window.dispatchEvent(new MessageEvent('message', { data: CALL_PORT_MESSAGE, source: window, ports: [decoy.port2] }));
    await nextTask();
    const begun = t.begin?.('codes.search', { query: 'ab', limit: 25 });
    const taken = await untilTaken(() => (seen.length > 0 ? (begun?.take(soon()) ?? null) : null));
    expect(taken).toEqual({ ok: true, value: 'codes.search' });
    expect(await begun?.result).toEqual({ ok: true, value: 'codes.search' });
    // Ordinary calls stay on IPC.
    expect(await t.call('codes.versions', {})).toEqual({ ok: true, value: 'ipc codes.versions' });
    expect(ipc).toEqual(['codes.search', 'codes.versions']);
  });
});
