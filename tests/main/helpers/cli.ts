/** The real `codedesk` bin on a home, with the test passphrase and a silent log. */
import { spawnSync } from 'node:child_process';
import { PASSPHRASE } from './app';
import { REPO_ROOT } from './temp';
import { cliBundle } from './cli-bundle';

const BIN = cliBundle();

export function codedesk(home: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: PASSPHRASE },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}
