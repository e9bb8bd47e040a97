/** Starts the built browser host (out/main/host.js) on a temp home and returns its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface RunningHost {
  url: string;
  home: string;
  stop(): Promise<void>;
}

export async function startHost(env: Record<string, string> = {}): Promise<RunningHost> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'out', 'main', 'host.js'), '--home', home], {
    cwd: REPO_ROOT,
    env: { ...process.env, CODEDESK_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
  return {
    url,
    home,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
