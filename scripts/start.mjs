#!/usr/bin/env node
// `npm start`: build, then run CodeDesk in Electron when its binary is available, otherwise
// say so in one line and start the browser host (same services, loopback HTTP bridge).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function electronBinary() {
  if (process.env.CODEDESK_BROWSER_HOST === '1') return null;
  // Requiring electron fetches its binary on first use; here that fails fast (no network).
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const found = probe.status === 0 ? probe.stdout.trim() : '';
  return found && fs.existsSync(found) ? found : null;
}

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  process.stderr.write('CodeDesk: the build failed (see above).\n');
  process.exit(build.status ?? 1);
}

const electron = electronBinary();
const child = electron
  ? spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  : (process.stdout.write('CodeDesk: Electron is not available on this machine, starting the browser host instead.\n'),
    spawn(process.execPath, [path.join(root, 'out', 'main', 'host.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
