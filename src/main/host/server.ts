/**
 * The browser host: the same api.ts behind a loopback-only HTTP bridge, for machines without
 * Electron and for end-to-end tests. Binds 127.0.0.1 only, requires a random session token
 * on every API call, checks the Host header (DNS rebinding), and serves the same CSP. Calls
 * come over one WebSocket per page (call-socket.ts); events go out as server-sent events.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST_ROUTES, TOKEN_PARAM } from '../../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { err, ErrorCode } from '../../shared/result';
import { callApi } from '../api';
import { MAX_CALL_BYTES } from '../call-envelope';
import type { CodeDeskApp } from '../app';
import { callSocket } from './call-socket';
import { readStatic } from './static-files';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // With COOP, makes the page cross-origin isolated: the call worker's shared reply slot needs it.
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

export interface HostServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function tokensMatch(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, status: number, value: unknown): void =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

export async function startHostServer(opts: { app: CodeDeskApp; rendererDir: string; port?: number; token?: string }): Promise<HostServer> {
  const token = opts.token ?? crypto.randomBytes(32).toString('base64url');
  const clients = new Set<http.ServerResponse>();
  let port = 0;

  const unsubscribe = opts.app.events.on((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of clients) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    void handle(req, res);
  });
  const hostAllowed = (host: string): boolean => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const calls = callSocket({
    maxMessageBytes: MAX_CALL_BYTES,
    hostAllowed,
    tokenMatches: (given) => tokensMatch(given, token),
    call: (method, input) => callApi(opts.app, method, input),
  });
  server.on('upgrade', (req, socket, head) => calls.upgrade(req, socket, head));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!hostAllowed(host)) {
      sendJson(res, 421, err(ErrorCode.Forbidden, 'This server answers on its loopback address only.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === HOST_ROUTES.events) {
      if (!tokensMatch(url.searchParams.get(TOKEN_PARAM), token)) {
        return sendJson(res, 401, err(ErrorCode.Forbidden, 'Missing or wrong session token.'));
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, err(ErrorCode.BadInput, 'Not allowed.'));
    const file = readStatic(opts.rendererDir, url.pathname) ?? readStatic(opts.rendererDir, '/');
    if (!file) return send(res, 503, 'The renderer is not built: run npm run build.', 'text/plain; charset=utf-8');
    send(res, 200, file.body, file.type);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        calls.close();
        for (const res of clients) res.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
