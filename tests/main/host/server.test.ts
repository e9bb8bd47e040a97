import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../../src/main/host/server';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { must, PASSPHRASE, testApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const servers: HostServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start() {
  const rendererDir = tempDir('codedesk-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>CodeDesk</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  const app = testApp();
  const server = await startHostServer({ app, rendererDir });
  servers.push(server);
  return { app, server };
}

function request(
  server: HostServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}


describe('browser host', () => {
  it('listens on loopback only and prints a URL carrying the session token', async () => {
    const { server } = await start();
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=${server.token}$`));
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with the strict CSP and never a file outside it', async () => {
    const { server } = await start();
    const page = await request(server, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Cross-origin isolated (COOP + COEP): the page may share memory with its call worker.
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');
    const script = await request(server, { path: '/assets/app.js' });
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cross-origin-embedder-policy']).toBe('require-corp');
    const escape = await request(server, { path: '/..%2f..%2f..%2fetc%2fpasswd' });
    expect(escape.body).not.toMatch(/root:/);
  });

  it('refuses a foreign Host header, events without the token, and has no POST call route', async () => {
    const { server } = await start();
    const rebind = await request(server, { path: '/', headers: { Host: `evil.example:${server.port}` } });
    expect(rebind.status).toBe(421);
    expect((await request(server, { path: '/api/events' })).status).toBe(401);
    expect((await request(server, { path: `/api/events?token=${'x'.repeat(server.token.length)}` })).status).toBe(401);
    // Calls travel on the call socket only (call-socket.test.ts): a POST reaches nothing.
    const post = await request(server, {
      method: 'POST',
      path: '/api/call/profiles.list',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(405);
  });

  it('pushes session events to the renderer over server-sent events', async () => {
    const { app, server } = await start();
    await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('event: session.locked')) {
            resolve(text);
            req.destroy();
          }
        });
        // Lock only once the stream is open, so the event cannot be missed.
        void must(app, 'session.lock', {});
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    expect(await received).toMatch(/event: session\.locked\ndata: \{"reason":"manual"\}/);
  });
});
