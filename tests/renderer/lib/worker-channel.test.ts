/**
 * The page's side of the call worker against the worker's real core (call-worker-core.ts) and a
 * real shared reply slot, on one thread: the "worker" handles each message at once, as a fake
 * socket answers, and its messages reach the page a task later, as a real worker's would.
 */
import { describe, expect, it, vi } from 'vitest';
import { browserTransport } from '../../../src/renderer/lib/browser-transport';
import type { CallRoad } from '../../../src/renderer/lib/call-roads';
import type { FromWorker, ToWorker } from '../../../src/renderer/lib/call-worker-messages';
import { callWorkerCore } from '../../../src/renderer/lib/call-worker-core';
import { NOT_SENT, workerChannel, type WorkerLike } from '../../../src/renderer/lib/worker-channel';
import { createSlotBuffer } from '../../../src/shared/reply-slot';
import { fakes } from './fake-socket';

const nextTask = () => new Promise((r) => setTimeout(r, 0));

class InThreadWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly posted: FromWorker[] = [];
  terminated = false;
  private readonly handle: (message: ToWorker) => void;
  constructor(open: ReturnType<typeof fakes>['open']) {
    this.handle = callWorkerCore((message) => {
      this.posted.push(message);
      setTimeout(() => this.onmessage?.(new MessageEvent('message', { data: message })), 0);
    }, open);
  }
  postMessage(message: ToWorker): void {
    this.handle(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function setup(opts: { slot?: boolean; accept?: boolean } = {}) {
  const { opened, open } = fakes();
  const worker = new InThreadWorker(open);
  const channel = workerChannel(worker, { url: 'ws://x/api/socket', token: 'tok', slot: opts.slot === false ? null : createSlotBuffer(4096) });
  const socket = opened[0];
  if (!socket) throw new Error('the worker opened no socket');
  if (opts.accept !== false) socket.accept();
  await nextTask(); // the worker's "ready"
  /** Answers the newest call sent over the socket. */
  const answer = async (result: unknown) => {
    const sent = socket.sent.at(-1);
    socket.reply(sent?.id ?? -1, result);
    await Promise.resolve(); // the socket channel's promise settles, the core offers the reply
    await Promise.resolve();
  };
  return { worker, channel, socket, answer };
}

const soon = () => performance.now() + 2;

describe('call worker channel', () => {
  it('posts calls until the worker says it runs (a worker that never loads costs nothing)', async () => {
    const { open, opened } = fakes();
    const worker = new InThreadWorker(open);
    const channel = workerChannel(worker, { url: 'ws://x/api/socket', token: 'tok', slot: createSlotBuffer(64) });
    opened[0]?.accept();
    expect(await channel.send('codes.versions', {})).toBe(NOT_SENT);
    expect(channel.begin('codes.versions', {}).take(soon())).toBeNull();
    expect(opened[0]?.sent).toEqual([]);
    await nextTask();
    const sent = channel.send('codes.versions', {});
    expect(opened[0]?.sent).toHaveLength(1);
    opened[0]?.reply(opened[0].sent[0]?.id ?? -1, { ok: true, value: [] });
    expect(await sent).toEqual({ ok: true, value: [] });
  });

  it('hands over a reply that is in when the caller takes it, and settles the call with the same value', async () => {
    const { worker, channel, socket, answer } = await setup();
    const begun = channel.begin('codes.search', { query: 'femur' });
    expect(socket.sent.at(-1)).toMatchObject({ method: 'codes.search', input: { query: 'femur' } });
    await answer({ ok: true, value: { results: ['S72'] } });
    expect(begun.take(soon())).toEqual({ reply: { ok: true, value: { results: ['S72'] } } });
    expect(await begun.reply).toEqual({ ok: true, value: { results: ['S72'] } });
    // Taken from the slot: no message carries it as well.
    await nextTask();
    expect(worker.posted.filter((m) => m.type !== 'ready')).toEqual([]);
    expect(begun.take(soon())).toBeNull(); // one take per call
  });

  it('gives up at the deadline; the late reply comes as a message and no call waits until it has', async () => {
    const { channel, socket, answer } = await setup();
    const late = channel.begin('codes.search', { query: 'a' });
    expect(late.take(soon())).toBeNull();
    const lateId = socket.sent.at(-1)?.id ?? -1;

    const next = channel.begin('codes.search', { query: 'ab' });
    await answer({ ok: true, value: 'ab' });
    expect(next.take(soon())).toBeNull(); // not offered to the slot while a reply is late
    expect(await next.reply).toEqual({ ok: true, value: 'ab' });

    socket.reply(lateId, { ok: true, value: 'a' });
    expect(await late.reply).toEqual({ ok: true, value: 'a' });
    // The late reply is in: the slot is used again.
    const again = channel.begin('codes.search', { query: 'abc' });
    await answer({ ok: true, value: 'abc' });
    expect(again.take(soon())).toEqual({ reply: { ok: true, value: 'abc' } });
  });

  it('gives up a call not yet taken when the next one begins; its reply still settles it', async () => {
    const { channel, answer } = await setup();
    const first = channel.begin('codes.search', { query: 'f' });
    await answer({ ok: true, value: 'f' });
    const second = channel.begin('codes.search', { query: 'fe' });
    expect(await first.reply).toEqual({ ok: true, value: 'f' });
    await answer({ ok: true, value: 'fe' });
    expect(second.take(soon())).toEqual({ reply: { ok: true, value: 'fe' } });
  });

  it('answers NOT_SENT for a call made while the socket is not open, without waiting for it', async () => {
    const { channel, socket } = await setup({ accept: false });
    const begun = channel.begin('codes.search', { query: 'x' });
    const started = performance.now();
    expect(begun.take(started + 1000)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500); // the worker said "not sent" through the slot
    expect(await begun.reply).toBe(NOT_SENT);
    expect(socket.sent).toEqual([]);
  });

  it('never waits without shared memory, and a reply too large for the slot still arrives', async () => {
    const plain = await setup({ slot: false });
    const begun = plain.channel.begin('codes.search', { query: 'x' });
    await plain.answer({ ok: true, value: 'x' });
    expect(begun.take(soon())).toBeNull();
    expect(await begun.reply).toEqual({ ok: true, value: 'x' });

    const small = await setup();
    const big = small.channel.begin('codes.search', { query: 'y' });
    await small.answer({ ok: true, value: 'y'.repeat(10_000) });
    expect(big.take(soon())).toBeNull();
    expect(await big.reply).toEqual({ ok: true, value: 'y'.repeat(10_000) });
  });

  it('ends calls in flight as lost when the worker fails, and sends later ones by POST', async () => {
    const { worker, channel } = await setup();
    const inFlight = channel.send('charts.submit', { chartId: 'c1' });
    worker.onerror?.(new Event('error'));
    expect(await inFlight).toBeUndefined();
    expect(await channel.send('codes.versions', {})).toBe(NOT_SENT);
    expect(channel.begin('codes.versions', {}).take(soon())).toBeNull();
    channel.close();
    expect(worker.terminated).toBe(true);
  });
});

describe('browser transport over the call worker', () => {
  const jsonResponse = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

  it('gives a taken reply as a checked Result, posts what the worker could not send, and treats a non-Result as unreachable', async () => {
    const r = await setup({ accept: false });
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: 'by POST' }));
    const road: CallRoad = r.channel;
    const t = browserTransport('tok', fetchMock, () => road);
    // Socket not open yet: the call goes by POST.
    expect(await t.call('codes.versions', {})).toEqual({ ok: true, value: 'by POST' });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    r.socket.accept();
    const begun = t.begin?.('codes.search', { query: 'femur', limit: 25 });
    await r.answer({ ok: true, value: { query: 'femur', results: [] } });
    expect(begun?.take(soon())).toEqual({ ok: true, value: { query: 'femur', results: [] } });
    expect(await begun?.result).toEqual({ ok: true, value: { query: 'femur', results: [] } });

    const odd = t.begin?.('codes.search', { query: 'x', limit: 25 });
    await r.answer({ hello: 'world' });
    const taken = odd?.take(soon());
    expect(taken?.ok).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
