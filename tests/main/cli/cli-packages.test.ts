/** The package commands through the real bin: make, open, return, apply, cards; refusals exit 2 with one line. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../helpers/app';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { cliBundle } from '../helpers/cli-bundle';

const BIN = cliBundle();

function codedesk(home: string, args: string[]) {
  const res = spawnSync(process.execPath, [BIN, '--home', home, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: PASSPHRASE },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

function ok(home: string, args: string[]): string {
  const res = codedesk(home, args);
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  return res.stdout;
}

describe('codedesk package and profile card commands', () => {
  it('package create → open → result → apply, and apply twice says so', { timeout: 120_000 }, () => {
    const home = tempDir();
    const files = tempDir();
    ok(home, ['workspace', 'create', '--user', 'Lee Lead', '--role', 'supervisor']);
    ok(home, ['demo', 'load', '--user', 'Lee Lead']);
    ok(home, ['workspace', 'create', '--user', 'Dana Coder', '--role', 'coder']);
    const work = path.join(files, 'work.cdpkg');
    const made = JSON.parse(ok(home, ['package', 'create', '--user', 'Lee Lead', '--charts', 'IP-260102,ED-260301', '--to', 'Dana Coder', '--expires', '7', '--out', work, '--json']));
    expect(made).toMatchObject({ charts: 2, seq: 1, recipient: { displayName: 'Dana Coder' } });

    const flipped = path.join(files, 'flipped.cdpkg');
    const bytes = fs.readFileSync(work);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(flipped, bytes);
    const bad = codedesk(home, ['package', 'open', '--user', 'Dana Coder', flipped]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/damaged or was altered after it was made: nothing was changed/);

    expect(ok(home, ['package', 'open', '--user', 'Dana Coder', work])).toMatch(/^Opened 2 charts from Lee Lead\./);
    const result = path.join(files, 'result.cdpkg');
    expect(ok(home, ['package', 'result', '--user', 'Dana Coder', '--to', 'Lee Lead', '--out', result])).toMatch(/Result package number 1 for Lee Lead: 2 charts/);
    expect(ok(home, ['package', 'apply', '--user', 'Lee Lead', result])).toMatch(/Applied result number 1: 0 charts updated, 2 unchanged, 0 conflicts/);
    expect(ok(home, ['package', 'apply', '--user', 'Lee Lead', result])).toMatch(/applied before: nothing changed/);
    expect(codedesk(home, ['package', 'create', '--user', 'Lee Lead', '--charts', 'IP-260102', '--to', 'Nobody', '--out', work]).status).toBe(2);
    expect(codedesk(home, ['package', 'create', '--user', 'Lee Lead', '--charts', 'IP-260102', '--to', 'Dana Coder', '--expires', '0', '--out', work]).stderr).toMatch(/--expires must be/);
  });

  it('profile card --out on one computer, package create --card on another, then open with the lead’s card imported', { timeout: 120_000 }, () => {
    const lead = tempDir();
    const away = tempDir();
    const files = tempDir();
    ok(lead, ['workspace', 'create', '--user', 'Lee Lead', '--role', 'supervisor']);
    ok(lead, ['demo', 'load']);
    ok(away, ['workspace', 'create', '--user', 'Dana Coder', '--role', 'coder']);
    const danaCard = path.join(files, 'dana.json');
    const exported = ok(away, ['profile', 'card', '--out', danaCard]);
    const fingerprint = /Fingerprint: ([0-9a-f ]+)/.exec(exported)?.[1];
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const work = path.join(files, 'work.cdpkg');
    expect(ok(lead, ['package', 'create', '--status', 'new', '--card', danaCard, '--out', work])).toContain(`fingerprint ${fingerprint}`);
    expect(codedesk(away, ['package', 'open', work]).stderr).toMatch(/does not know: import its profile card/);
    const leeCard = path.join(files, 'lee.json');
    ok(lead, ['profile', 'card', '--out', leeCard]);
    expect(ok(away, ['profile', 'import-card', leeCard])).toMatch(/Pinned: Lee Lead \(supervisor\)/);
    expect(ok(away, ['package', 'open', work])).toMatch(/^Opened 44 charts from Lee Lead\./);
  });
});
