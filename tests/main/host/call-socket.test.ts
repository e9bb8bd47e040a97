/**
 * The browser host's call socket, driven by a real WebSocket client (the `ws` package) against a
 * real host: the same checks as the POST route (token, loopback Host, and the Origin a browser
 * sends), replies matched by id, and a closed socket for messages that break the envelope.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHostServer, type HostServer } from '../../../src/main/host/server';
import { HOST_ROUTES, SOCKET_PROTOCOL } from '../../../src/shared/bridge';
import { testApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const servers: HostServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(): Promise<HostServer> {
  const rendererDir = tempDir('codedesk-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CodeDesk</title>');
  const server = await startHostServer({ app: testApp(), rendererDir });
  servers.push(server);
  return server;
}

interface Dial {
  token?: string;
  protocols?: string[];
  origin?: string;
  host?: string;
  path?: string;
}

/** Opens a socket as the page would; resolves with it, or with the HTTP status that refused it. */
function dial(server: HostServer, d: Dial = {}): Promise<WebSocket | number> {
  const host = d.host ?? `127.0.0.1:${server.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${d.path ?? HOST_ROUTES.socket}`, d.protocols ?? [SOCKET_PROTOCOL, d.token ?? server.token], {
    origin: d.origin ?? `http://${host}`,
    headers: { Host: host },
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

async function open(server: HostServer): Promise<WebSocket> {
  const ws = await dial(server);
  if (typeof ws === 'number') throw new Error(`socket refused with ${ws}`);
  return ws;
}

/** Sends raw text and collects the next `count` replies. */
function exchange(ws: WebSocket, messages: string[], count = messages.length): Promise<unknown[]> {
  return new Promise((resolve) => {
    const replies: unknown[] = [];
    ws.on('message', (data) => {
      replies.push(JSON.parse(String(data)));
      if (replies.length === count) resolve(replies);
    });
    for (const m of messages) ws.send(m);
  });
}

const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));

describe('browser host call socket', () => {
  it('answers calls with the API results, matched by id', async () => {
    const server = await start();
    const ws = await open(server);
    expect(ws.protocol).toBe(SOCKET_PROTOCOL);
    const replies = await exchange(ws, [
      JSON.stringify({ id: 7, method: 'profiles.list', input: {} }),
      JSON.stringify({ id: 8, method: 'charts.get', input: { chartId: 42 } }),
      JSON.stringify({ id: 9, method: 'no.such', input: {} }),
    ]);
    const byId = new Map(replies.map((r) => [(r as { id: number }).id, (r as { result: unknown }).result]));
    expect(byId.get(7)).toEqual({ ok: true, value: [] });
    expect(byId.get(8)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(byId.get(9)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/Unknown API method/) } });
    ws.close();
  });

  it('refuses a socket without the token, with a wrong token, a foreign Origin or Host, or on another path', async () => {
    const server = await start();
    expect(await dial(server, { token: 'x'.repeat(server.token.length) })).toBe(401);
    expect(await dial(server, { protocols: [SOCKET_PROTOCOL] })).toBe(401);
    expect(await dial(server, { protocols: ['other', server.token] })).toBe(401);
    expect(await dial(server, { origin: 'http://evil.example' })).toBe(403);
    expect(await dial(server, { host: `evil.example:${server.port}` })).toBe(404);
    expect(await dial(server, { path: '/api/events' })).toBe(404);
  });

  it('closes the socket on a message that is not an {id, method, input} object, and on an oversized one', async () => {
    const server = await start();
    for (const bad of ['{not json', '[1,2]', JSON.stringify({ id: -1, method: 'profiles.list' }), JSON.stringify({ id: 1, method: 5 })]) {
      const ws = await open(server);
      const end = closed(ws);
      ws.send(bad);
      expect(await end).toEqual({ code: 1008, reason: 'Messages are {id, method, input} JSON objects.' });
    }
    const ws = await open(server);
    const end = closed(ws);
    ws.send(JSON.stringify({ id: 1, method: 'profiles.list', input: { pad: 'x'.repeat(1024 * 1024) } }));
    expect((await end).code).toBe(1009);
    // The host still answers a fresh socket after refusing those.
    expect(await exchange(await open(server), [JSON.stringify({ id: 1, method: 'profiles.list', input: {} })])).toEqual([
      { id: 1, result: { ok: true, value: [] } },
    ]);
  });

  it('ends open sockets when the host closes', async () => {
    const server = await start();
    const ws = await open(server);
    const end = closed(ws);
    await server.close();
    servers.splice(0);
    expect((await end).code).toBeGreaterThan(0);
  });
});
