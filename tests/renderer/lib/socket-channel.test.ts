/**
 * The page's side of the call socket, with a fake WebSocket: calls go by socket once it is
 * open and by fetch before, replies are matched by id, a dropped socket ends its calls as
 * unreachable (never sent twice) and is reopened after a pause.
 */
import { describe, expect, it, vi } from 'vitest';
import { browserTransport } from '../../../src/renderer/lib/browser-transport';
import { pageSocketRoad } from '../../../src/renderer/lib/call-roads';
import { socketChannel } from '../../../src/renderer/lib/socket-channel';
import { fakes } from './fake-socket';
import { SOCKET_PROTOCOL } from '../../../src/shared/bridge';

const jsonResponse = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

describe('call socket channel', () => {
  it('offers the protocol and the token, and answers null until the socket is open', () => {
    const { opened, open } = fakes();
    const channel = socketChannel('ws://127.0.0.1:1/api/socket', 'tok', open);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.protocols).toEqual([SOCKET_PROTOCOL, 'tok']);
    expect(channel.send('codes.versions', {})).toBeNull();
    expect(opened).toHaveLength(1); // still connecting: no second socket
  });

  it('matches replies to calls by id, in whatever order they come', async () => {
    const { opened, open } = fakes();
    const channel = socketChannel('ws://x/api/socket', 'tok', open);
    opened[0]?.accept();
    const first = channel.send('codes.search', { query: 'a' });
    const second = channel.send('codes.search', { query: 'ab' });
    const [a, b] = opened[0]?.sent ?? [];
    expect([a?.method, a?.input, b?.input]).toEqual(['codes.search', { query: 'a' }, { query: 'ab' }]);
    opened[0]?.reply(b?.id ?? -1, 'second');
    opened[0]?.reply(a?.id ?? -1, 'first');
    expect(await first).toBe('first');
    expect(await second).toBe('second');
  });

  it('ends calls in flight as undefined when the socket drops, and reopens only after a pause', async () => {
    const { opened, open } = fakes();
    let now = 1000;
    const channel = socketChannel('ws://x/api/socket', 'tok', open, () => now);
    opened[0]?.accept();
    const inFlight = channel.send('charts.submit', { chartId: 'c1' });
    opened[0]?.close();
    expect(await inFlight).toBeUndefined();
    expect(channel.send('codes.versions', {})).toBeNull();
    expect(opened).toHaveLength(1);
    now += 2500;
    expect(channel.send('codes.versions', {})).toBeNull();
    expect(opened).toHaveLength(2);
    expect(opened[0]?.sent).toHaveLength(1); // the dropped call was not sent again
  });
});

describe('browser transport over the socket', () => {
  it('posts while the socket connects, then sends by socket; a non-Result reply is an error', async () => {
    const { opened, open } = fakes();
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: 'by fetch' }));
    const t = browserTransport('tok', fetchMock, pageSocketRoad(open));
    expect(opened[0]?.url).toMatch(/^ws:\/\/[^/]+\/api\/socket$/);
    expect(await t.call('codes.versions', {})).toEqual({ ok: true, value: 'by fetch' });
    opened[0]?.accept();
    const bySocket = t.call('codes.versions', {});
    opened[0]?.reply(opened[0].sent[0]?.id ?? -1, { ok: true, value: 'by socket' });
    expect(await bySocket).toEqual({ ok: true, value: 'by socket' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const odd = t.call('codes.versions', {});
    opened[0]?.reply(opened[0].sent[1]?.id ?? -1, { hello: 'world' });
    expect(await odd).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const dropped = t.call('codes.versions', {});
    opened[0]?.close();
    expect(await dropped).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not reach/) } });
  });
});
