/**
 * The page's side of the call worker against the worker's real core (call-worker-core.ts) and a
 * real shared reply slot, on one thread: the "worker" handles each message at once, as a fake
 * socket answers, and its messages reach the page a task later, as a real worker's would.
 */
import { describe, expect, it } from 'vitest';
import { browserTransport } from '../../../src/renderer/lib/browser-transport';
import type { FromWorker, ToWorker } from '../../../src/renderer/lib/call-worker-messages';
import { callWorkerCore } from '../../../src/renderer/lib/call-worker-core';
import { workerChannel, type WorkerLike } from '../../../src/renderer/lib/worker-channel';
import { SOCKET_PROTOCOL } from '../../../src/shared/bridge';
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
  const channel = workerChannel(worker, opts.slot === false ? null : createSlotBuffer(4096));
  channel.connect({ url: 'ws://x/api/socket', token: 'tok' });
  void channel.send('codes.versions', {}); // the first call opens the socket
  const socket = opened[0];
  if (!socket) throw new Error('the worker opened no socket');
  if (opts.accept !== false) socket.accept();
  await nextTask();
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
  it('holds calls made before it knows its road, then opens the socket with the protocol and the token', async () => {
    const { open, opened } = fakes();
    const worker = new InThreadWorker(open);
    const channel = workerChannel(worker, createSlotBuffer(64));
    const early = channel.send('profiles.list', {});
    expect(opened).toEqual([]);
    channel.connect({ url: 'ws://x/api/socket', token: 'tok' });
    expect(opened[0]?.protocols).toEqual([SOCKET_PROTOCOL, 'tok']);
    opened[0]?.accept();
    expect(opened[0]?.sent.map((m) => m.method)).toEqual(['profiles.list']);
    opened[0]?.reply(opened[0].sent[0]?.id ?? -1, { ok: true, value: [] });
    expect(await early).toEqual({ ok: true, value: [] });
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
    expect(worker.posted.filter((m) => m.id > 1)).toEqual([]); // (call 1 opened the socket)
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

  it('lets a call wait for a connecting socket, and ends it as lost if the socket never opens', async () => {
    const { channel, socket } = await setup({ accept: false });
    const begun = channel.begin('codes.search', { query: 'x' });
    expect(begun.take(soon())).toBeNull();
    socket.onerror?.(new Event('error'));
    expect(await begun.reply).toBeUndefined();
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

  it('ends calls in flight and later ones as lost when the worker fails', async () => {
    const { worker, channel } = await setup();
    const inFlight = channel.send('charts.submit', { chartId: 'c1' });
    worker.onerror?.(new Event('error'));
    expect(await inFlight).toBeUndefined();
    expect(await channel.send('codes.versions', {})).toBeUndefined();
    expect(channel.begin('codes.versions', {}).take(soon())).toBeNull();
    channel.close();
    expect(worker.terminated).toBe(true);
  });
});

describe('browser transport over the call worker', () => {
  it('gives a taken reply as a checked Result, and a non-Result or a lost call as unreachable', async () => {
    const r = await setup();
    const t = browserTransport('tok', () => r.channel);
    const begun = t.begin?.('codes.search', { query: 'femur', limit: 25 });
    await r.answer({ ok: true, value: { query: 'femur', results: [] } });
    expect(begun?.take(soon())).toEqual({ ok: true, value: { query: 'femur', results: [] } });
    expect(await begun?.result).toEqual({ ok: true, value: { query: 'femur', results: [] } });

    const odd = t.begin?.('codes.search', { query: 'x', limit: 25 });
    await r.answer({ hello: 'world' });
    expect(odd?.take(soon())?.ok).toBe(false);

    const lost = t.call('charts.submit', { chartId: 'c1' } as never);
    r.socket.close();
    expect(await lost).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/could not reach/) } });
  });

  it('answers every call as unreachable where no call worker can start', async () => {
    const t = browserTransport('tok', () => null);
    expect(await t.call('codes.versions', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const begun = t.begin?.('codes.versions', {});
    expect(begun?.take(soon())).toBeNull();
    expect((await begun?.result)?.ok).toBe(false);
  });
});
