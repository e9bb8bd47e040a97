/**
 * The CLI as the tests run it: bin/codedesk.mjs's main() bundled once per test file (with its
 * import worker beside it, as electron-vite builds them), so each of the many short runs starts in
 * ~0.3 s instead of ~1.5 s through tsx. Built under node_modules/.cache inside the repo, so the
 * app finds its resources and packages as it does from bin/. bin/codedesk.mjs itself is still run
 * by the fault suite, the hub CLI test and every end-to-end walk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { REPO_ROOT } from './temp';

let built: string | null = null;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export function cliBundle(): string {
  if (built) return built;
  const parent = path.join(REPO_ROOT, 'node_modules', '.cache', 'codedesk-cli');
  // A test worker killed at the end of a run never gets to remove its own: the next run does.
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (!alive(Number(name))) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const dir = path.join(parent, String(process.pid));
  fs.mkdirSync(dir, { recursive: true });
  buildSync({
    entryPoints: { codedesk: path.join(import.meta.dirname, 'cli-entry.ts'), 'import-worker': path.join(REPO_ROOT, 'src', 'main', 'services', 'codesets', 'worker', 'entry.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outdir: dir,
    packages: 'external',
    logLevel: 'silent',
  });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  built = path.join(dir, 'codedesk.js');
  return built;
}
