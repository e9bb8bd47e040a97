/**
 * Entry point of the browser host: `node out/main/host.js [--home DIR] [--port N]`, or via
 * tsx from src. Prints the URL (with its session token) on one line; Ctrl+C stops it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CodeDeskApp } from '../app';
import { log } from '../log';
import { appRoot, resolveHome, resourcesDir } from '../paths';
import { startHostServer } from './server';
import { HUB_SYNC_INTERVAL_MS } from '../sync/hub-sync';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { home: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } },
    strict: true,
  });
  const resources = resourcesDir();
  const app = new CodeDeskApp({ home: resolveHome(values.home), resourcesDir: resources });
  const rendererDir = path.resolve(values.renderer ?? path.join(appRoot(), 'out', 'renderer'));
  const port = values.port ? Number(values.port) : undefined;
  const host = await startHostServer({ app, rendererDir, ...(port !== undefined ? { port } : {}) });
  process.stdout.write(`CodeDesk browser host: open ${host.url}\n`);
  app.warmSearchSoon();
  app.hub.start(HUB_SYNC_INTERVAL_MS);
  const stop = (): void => {
    app.close();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  log.error('host.start_failed', { name: e instanceof Error ? e.name : 'unknown' });
  process.stderr.write(`CodeDesk browser host could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
