/** A plain HTTP(S) JSON client for the hub tests: status and parsed body, never a throw on 4xx/5xx. */
import http from 'node:http';
import https from 'node:https';

export interface HubReply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read replies freely
}

export function hubCall(base: string, method: 'GET' | 'POST', path: string, opts: { token?: string; body?: unknown; raw?: string; ca?: Buffer } = {}): Promise<HubReply> {
  const url = new URL(path, base);
  const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers, ca: opts.ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A device token for `user` (the test password). */
export async function signInToken(base: string, user: string, password: string): Promise<string> {
  return (await hubCall(base, 'POST', '/auth/sign-in', { body: { user, password, deviceName: 'Laptop' } })).body.token as string;
}
