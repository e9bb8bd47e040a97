/**
 * The desktop's client for the team hub: JSON over HTTPS (plain HTTP only to a loopback hub,
 * for tests and a hub on the same machine). Every failure becomes an AppFailure with a plain
 * sentence: UNAVAILABLE when the hub cannot be reached (the caller keeps its work and tries
 * later), UNAUTHORIZED when the hub no longer accepts this device, else the hub's own answer.
 * A private CA is trusted the Node way: NODE_EXTRA_CA_CERTS names its PEM file.
 */
import http from 'node:http';
import https from 'node:https';
import { AppFailure, ErrorCode } from '../../shared/result';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);
const TIMEOUT_MS = 15_000;
const KNOWN = new Set<string>(Object.values(ErrorCode));
/** Node's codes for a certificate this computer does not trust (self-signed, unknown CA, wrong name, expired). */
const TLS_TRUST = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT_ALTNAME_INVALID/;

const untrusted = (where: string) =>
  new AppFailure(
    'UNAVAILABLE',
    `The hub at ${where} showed a certificate this computer does not trust: nothing was sent. If your team uses its own certificate authority, start CodeDesk with NODE_EXTRA_CA_CERTS naming its file.`,
  );

/** The hub's address, checked: https anywhere, http to this machine only. */
export function hubUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppFailure('BAD_INPUT', 'The hub address is not a web address (for example https://hub.example.org:8443).');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new AppFailure('BAD_INPUT', 'The hub is reached over https:// (plain http:// only to a hub on this computer).');
  }
  if (url.username || url.password) throw new AppFailure('BAD_INPUT', 'Give the hub address without a user name or password in it.');
  return url.origin;
}

export interface HubRequest {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Extra trusted certificate (tests with a self-signed hub). */
  ca?: Buffer;
  timeoutMs?: number;
}

export function callHub<T>(base: string, req: HubRequest): Promise<T> {
  const url = new URL(req.path, base);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  const lib = url.protocol === 'https:' ? https : http;
  const where = url.host;
  const unreachable = () => new AppFailure('UNAVAILABLE', `The hub at ${where} cannot be reached just now: your work is kept here and goes when it can.`);
  return new Promise<T>((resolve, reject) => {
    const request = lib.request(url, { method: req.method, headers, ca: req.ca, agent: false, timeout: req.timeoutMs ?? TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => reject(unreachable()));
      res.on('end', () => {
        let body: unknown = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return reject(new AppFailure('UNAVAILABLE', `The hub at ${where} answered with something that is not a hub reply (status ${res.statusCode ?? 0}).`));
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(body as T);
        reject(hubFailure(status, body));
      });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (e: NodeJS.ErrnoException) => reject(TLS_TRUST.test(e.code ?? '') ? untrusted(where) : unreachable()));
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/** The hub's error, as this app's: its code when it is one of ours, its sentence as it is (the hub keeps PHI out of both). */
function hubFailure(status: number, body: unknown): AppFailure {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const message = typeof e?.message === 'string' ? e.message.slice(0, 400) : `The hub refused the request (status ${status}).`;
  if (status === 401) return new AppFailure('UNAUTHORIZED', `${message} Sign in to the hub again.`);
  const code = typeof e?.code === 'string' && KNOWN.has(e.code) ? (e.code as ErrorCode) : status >= 500 ? 'UNAVAILABLE' : 'BAD_INPUT';
  return new AppFailure(code, message);
}
