/**
 * The call worker's channel, with a fake WebSocket: calls made while it connects wait for it,
 * replies are matched by id, a dropped socket ends its calls as lost (never sent twice) and the
 * next call opens a new one; the Electron call port is the same channel on an always-open socket.
 */
import { describe, expect, it } from 'vitest';
import { portSocket, socketChannel, socketUrl } from '../../../src/renderer/lib/socket-channel';
import { fakes } from './fake-socket';

const channelOnFakes = () => {
  const { opened, open } = fakes();
  return { opened, channel: socketChannel(() => open('ws://x/api/socket', [])) };
};

describe('call socket channel', () => {
  it('opens no socket until the first call, and sends calls made while it connects once it opens, in order', async () => {
    const { opened, channel } = channelOnFakes();
    expect(opened).toHaveLength(0);
    const first = channel.send('profiles.list', {});
    const second = channel.send('codes.versions', {});
    expect(opened).toHaveLength(1); // still connecting: no second socket
    expect(opened[0]?.sent).toEqual([]);
    opened[0]?.accept();
    expect(opened[0]?.sent.map((m) => m.method)).toEqual(['profiles.list', 'codes.versions']);
    opened[0]?.reply(opened[0].sent[0]?.id ?? -1, 'profiles');
    opened[0]?.reply(opened[0].sent[1]?.id ?? -1, 'versions');
    expect([await first, await second]).toEqual(['profiles', 'versions']);
  });

  it('matches replies to calls by id, in whatever order they come', async () => {
    const { opened, channel } = channelOnFakes();
    const first = channel.send('codes.search', { query: 'a' });
    opened[0]?.accept();
    const second = channel.send('codes.search', { query: 'ab' });
    const [a, b] = opened[0]?.sent ?? [];
    expect([a?.method, a?.input, b?.input]).toEqual(['codes.search', { query: 'a' }, { query: 'ab' }]);
    opened[0]?.reply(b?.id ?? -1, 'second');
    opened[0]?.reply(a?.id ?? -1, 'first');
    expect(await first).toBe('first');
    expect(await second).toBe('second');
  });

  it('ends calls in flight as lost when the socket drops, never sends them again, and reopens on the next call', async () => {
    const { opened, channel } = channelOnFakes();
    const inFlight = channel.send('charts.submit', { chartId: 'c1' });
    opened[0]?.accept();
    opened[0]?.close();
    expect(await inFlight).toBeUndefined();
    const next = channel.send('codes.versions', {});
    expect(opened).toHaveLength(2);
    opened[1]?.accept();
    expect(opened[0]?.sent).toHaveLength(1); // the dropped call was not sent again
    expect(opened[1]?.sent.map((m) => m.method)).toEqual(['codes.versions']);
    opened[1]?.reply(opened[1].sent[0]?.id ?? -1, 'ok');
    expect(await next).toBe('ok');
  });

  it('ends the calls waiting for a socket that fails to open as lost, and one that cannot be made at once', async () => {
    const { opened, channel } = channelOnFakes();
    const waiting = channel.send('codes.versions', {});
    opened[0]?.onerror?.(new Event('error'));
    expect(await waiting).toBeUndefined();
    const refused = socketChannel(() => {
      throw new Error('blocked by CSP');
    });
    expect(await refused.send('codes.versions', {})).toBeUndefined();
  });

  it('carries calls on a message port as on an open socket (the Electron call port)', async () => {
    const { port1, port2 } = new MessageChannel();
    port2.onmessage = ({ data }) => {
      const { id, method } = JSON.parse(String(data)) as { id: number; method: string };
      port2.postMessage(JSON.stringify({ id, result: { ok: true, value: method } }));
    };
    const channel = socketChannel(() => portSocket(port1));
    expect(await channel.send('codes.versions', {})).toEqual({ ok: true, value: 'codes.versions' });
    port1.close();
    port2.close();
  });

  it('addresses the host that served the page', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:5000' })).toBe('ws://127.0.0.1:5000/api/socket');
  });
});
