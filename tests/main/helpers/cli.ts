/** The real `codedesk` bin on a home, with the test passphrase and a silent log. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PASSPHRASE } from './app';
import { REPO_ROOT } from './temp';

const BIN = path.join(REPO_ROOT, 'bin', 'codedesk.mjs');

export function codedesk(home: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: PASSPHRASE },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}
