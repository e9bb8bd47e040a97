/**
 * The Electron window's call port, with Node's MessageChannel standing in for Electron's
 * MessageChannelMain (the same message/postMessage/start/close shape once adapted).
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openCallPort, serveCallPort, type FrameLike, type MainPortLike } from '../../../src/main/electron/call-port';
import { APP_ORIGIN, IPC_CALL_PORT } from '../../../src/shared/ipc-channels';
import { err, ErrorCode, ok, type Result } from '../../../src/shared/result';

const mainPort = (port: MessagePort): MainPortLike => ({
  on: (_event, listener) => port.on('message', (data: unknown) => listener({ data })),
  postMessage: (message) => port.postMessage(message),
  start: () => port.start(),
  close: () => port.close(),
});

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

function serve(call: (method: string, input: unknown) => Promise<Result<unknown>>, maxBytes = 1024) {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  serveCallPort(mainPort(port1), call, maxBytes);
  const replies: unknown[] = [];
  let closed = false;
  port2.on('message', (data: unknown) => replies.push(JSON.parse(String(data))));
  port2.on('close', () => (closed = true));
  return { page: port2, replies, isClosed: () => closed };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('Electron call port', () => {
  it('answers {id, method, input} with {id, result} from the API', async () => {
    const seen: [string, unknown][] = [];
    const { page, replies } = serve(async (method, input) => {
      seen.push([method, input]);
      return ok({ echo: input });
    });
    page.postMessage(JSON.stringify({ id: 7, method: 'codes.search', input: { query: 'femur' } }));
    await settle();
    expect(seen).toEqual([['codes.search', { query: 'femur' }]]);
    expect(replies).toEqual([{ id: 7, result: { ok: true, value: { echo: { query: 'femur' } } } }]);
  });

  it('answers a call that throws with an internal error, and keeps serving', async () => {
    const { page, replies } = serve(async (method) => {
      if (method === 'boom') throw new Error('patient Jane Doe');
      return err(ErrorCode.BadInput, 'Unknown API method.');
    });
    page.postMessage(JSON.stringify({ id: 1, method: 'boom', input: {} }));
    page.postMessage(JSON.stringify({ id: 2, method: 'nope', input: {} }));
    await settle();
    expect(replies).toEqual([
      { id: 1, result: { ok: false, error: { code: ErrorCode.Internal, message: 'The call failed.' } } },
      { id: 2, result: { ok: false, error: { code: ErrorCode.BadInput, message: 'Unknown API method.' } } },
    ]);
    expect(JSON.stringify(replies)).not.toContain('Jane');
  });

  it('closes the port on a message that breaks the envelope or the size cap, answering nothing', async () => {
    for (const bad of ['not json', JSON.stringify({ id: -1, method: 'x' }), JSON.stringify([1]), { id: 1 }, JSON.stringify({ id: 1, method: 'x', input: 'y'.repeat(2000) })]) {
      let calls = 0;
      const { page, replies, isClosed } = serve(async () => {
        calls += 1;
        return ok(null);
      });
      page.postMessage(bad);
      await settle();
      expect([calls, replies, isClosed()]).toEqual([0, [], true]);
    }
  });
});

describe('Electron call port hand-over', () => {
  const frame = (url: string, parent: unknown = null) => {
    const given: { channel: string; ports: MainPortLike[] }[] = [];
    const f: FrameLike<MainPortLike> = { url, parent, postMessage: (channel, _message, ports) => given.push({ channel, ports }) };
    return { f, given };
  };
  const newChannel = () => {
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    return { port1: mainPort(port1), port2: mainPort(port2), page: port2 };
  };

  it("gives the app's own top frame a port that reaches the API, and keeps the main end to close", async () => {
    const { f, given } = frame(`${APP_ORIGIN}/index.html`);
    let page: MessagePort | null = null;
    const kept = openCallPort(f, () => {
      const c = newChannel();
      page = c.page;
      return c;
    }, async (method) => ok(method), 1024);
    expect(kept).not.toBeNull();
    expect(given.map((g) => g.channel)).toEqual([IPC_CALL_PORT]);
    const replies: unknown[] = [];
    page!.on('message', (data: unknown) => replies.push(JSON.parse(String(data))));
    page!.postMessage(JSON.stringify({ id: 1, method: 'profiles.list', input: {} }));
    await settle();
    expect(replies).toEqual([{ id: 1, result: { ok: true, value: 'profiles.list' } }]);
  });

  it('gives no port (and makes none) to a foreign page, a subframe or no frame', () => {
    let made = 0;
    const counting = () => {
      made += 1;
      return newChannel();
    };
    for (const { f, given } of [frame('https://evil.example/'), frame('file:///tmp/x.html'), frame(`${APP_ORIGIN}/index.html`, {})]) {
      expect(openCallPort(f, counting, async () => ok(null), 1024)).toBeNull();
      expect(given).toEqual([]);
    }
    expect(openCallPort(null, counting, async () => ok(null), 1024)).toBeNull();
    expect(made).toBe(0);
  });
});
