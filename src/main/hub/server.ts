/**
 * The hub's HTTPS server. It refuses to serve plain HTTP unless started with
 * `insecureLoopback` on a loopback address (tests on one machine). Stateless: everything lives
 * in PostgreSQL, so two hub processes on one database serve the same team.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { AppFailure, type ErrorCode } from '../../shared/result';
import { log } from '../log';
import { migrateHub, schemaVersion } from './db/migrations';
import { describeDatabase, isUnavailable, openPool, unavailable, type Db } from './db/pool';
import { findRoute, mayCall } from './routes';
import { checkDataKey, type DataKey } from './seal';
import { principalOf, type HubPrincipal } from './users';

export interface HubOptions {
  databaseUrl: string;
  /** Seals charts and coded states (CODEDESK_HUB_DATA_KEY); the database never sees it. */
  dataKey: DataKey;
  port?: number;
  host?: string;
  tls?: { certFile: string; keyFile: string };
  insecureLoopback?: boolean;
  /** Connections per hub process. */
  poolSize?: number;
  now?: () => Date;
}

export interface RunningHub {
  url: string;
  port: number;
  db: Db;
  close(): Promise<void>;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  LOCKED: 423,
  WRONG_PASSPHRASE: 401,
  TOO_MANY_ATTEMPTS: 429,
  NOT_A_WORKSPACE: 400,
  IMPORT_FAILED: 400,
  NO_CODE_SET: 409,
  DISK_FULL: 507,
  WORKSPACE_DAMAGED: 500,
  AUDIT_BROKEN: 500,
  PACKAGE_REFUSED: 400,
  INTERNAL: 500,
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const sendError = (res: http.ServerResponse, e: AppFailure) => send(res, STATUS[e.code], { error: { code: e.code, message: e.message } });

/** Reads a JSON body up to `maxBytes`; past that the rest is drained unread (so the client gets its 413, not a reset). */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new AppFailure('BAD_INPUT', `The request is larger than the hub accepts (${maxBytes} bytes): nothing was changed.`, { tooLarge: true });
    const chunks: Buffer[] = [];
    let size = Number(req.headers['content-length'] ?? 0) > maxBytes ? maxBytes + 1 : 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
    });
    req.on('end', () => {
      if (size > maxBytes) return reject(tooLarge());
      if (size === 0) return resolve({});
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new AppFailure('BAD_INPUT', 'The request body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

const bearer = (req: http.IncomingMessage): string | null => {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : null;
};

/** Answers one request; `seen.route` names its route (a pattern, never the path as sent) for the log. */
async function answer(db: Db, key: DataKey, req: http.IncomingMessage, res: http.ServerResponse, now: () => Date, seen: { route: string }): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://hub.invalid');
  if (req.method === 'GET' && url.pathname === '/health') {
    try {
      send(res, 200, { status: 'ok', service: 'codedesk-hub', schemaVersion: await schemaVersion(db) });
    } catch {
      send(res, 503, { status: 'unavailable', service: 'codedesk-hub' });
    }
    seen.route = 'GET /health';
    return;
  }
  const route = findRoute(req.method ?? '', url.pathname);
  if (route) seen.route = `${route.method} ${route.path}`;
  let principal: HubPrincipal | null = null;
  // Credentials before anything else: an unknown /api/ route without a token is 401, not 404.
  if (url.pathname.startsWith('/api/')) principal = await principalOf(db, bearer(req), now());
  if (!route) throw new AppFailure('NOT_FOUND', 'No such hub route.');
  if (principal) mayCall(route, principal);
  const parsed = route.input.safeParse(req.method === 'GET' ? Object.fromEntries(url.searchParams) : await readBody(req, route.maxBytes ?? DEFAULT_MAX_BYTES));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppFailure('BAD_INPUT', `The request is not in the expected form${first ? ` (${first.path.join('.') || 'body'}: ${first.message})` : ''}: nothing was changed.`);
  }
  const value = await route.handle({ db, key, input: parsed.data, principal: principal as HubPrincipal, now: now() });
  send(res, 200, value);
}

export async function startHub(opts: HubOptions): Promise<RunningHub> {
  const host = opts.host ?? '127.0.0.1';
  if (!opts.tls && !opts.insecureLoopback) {
    throw new AppFailure('BAD_INPUT', 'The hub serves HTTPS only: give --tls-cert and --tls-key (or --insecure-loopback for tests on this machine).');
  }
  if (!opts.tls && !LOOPBACK.has(host)) throw new AppFailure('BAD_INPUT', 'Plain HTTP is allowed on a loopback address only.');
  const tlsFiles = opts.tls ? readTls(opts.tls) : null;
  const db = openPool(opts.databaseUrl, opts.poolSize);
  try {
    await db.query('SELECT 1');
  } catch (error) {
    await db.end().catch(() => undefined);
    const why = (error as { code?: string }).code ?? 'no answer';
    throw new AppFailure('UNAVAILABLE', `Cannot reach the hub database at ${describeDatabase(opts.databaseUrl)} (${why}).`);
  }
  try {
    await migrateHub(db);
    await checkDataKey(db, opts.dataKey);
  } catch (error) {
    await db.end().catch(() => undefined);
    throw error instanceof AppFailure ? error : unavailable(error);
  }
  const now = opts.now ?? (() => new Date());
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const seen = { route: 'unknown route' };
    const logged = () => log.info('hub.request', { method: seen.route, code: String(res.statusCode), ms: Math.round(performance.now() - started) });
    answer(db, opts.dataKey, req, res, now, seen)
      .catch((error: unknown) => {
        const failure = error instanceof AppFailure ? error : isUnavailable(error) ? unavailable(error) : new AppFailure('INTERNAL', 'The hub failed unexpectedly: nothing was changed.');
        if (failure.code === 'INTERNAL') log.error('hub.failure', { method: req.method ?? '' }, error);
        if (!res.headersSent) {
          if (failure.detail?.tooLarge) send(res, 413, { error: { code: failure.code, message: failure.message } });
          else sendError(res, failure);
        }
      })
      .finally(logged);
  };
  const server = tlsFiles ? https.createServer({ ...tlsFiles, minVersion: 'TLSv1.2' }, handler) : http.createServer(handler);
  server.headersTimeout = 15_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${tlsFiles ? 'https' : 'http'}://${hostPart}:${port}`,
    port,
    db,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.end().catch(() => undefined);
    },
  };
}

function readTls(tls: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  try {
    return { cert: fs.readFileSync(tls.certFile), key: fs.readFileSync(tls.keyFile) };
  } catch {
    throw new AppFailure('BAD_INPUT', 'The TLS certificate or key file cannot be read.');
  }
}
