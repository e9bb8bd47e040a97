/** `codedesk audit verify` exits 1 and says what it found; backup and restore from the command line. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { unlockProfile } from '../../../src/main/services/users/profiles';
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

function profileOf(home: string): { id: string; dir: string } {
  const id = fs.readdirSync(path.join(home, 'profiles')).find((f) => !f.startsWith('.'))!;
  return { id, dir: path.join(home, 'profiles', id) };
}

async function wipeTrail(home: string): Promise<void> {
  const { id, dir } = profileOf(home);
  const { key } = await unlockProfile(home, id, PASSPHRASE);
  const db = new Database(path.join(dir, 'workspace.db'));
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit_log;');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  key.fill(0);
}

describe('codedesk audit verify and workspace backup/restore', () => {
  it('a wiped trail: exit 1, and each finding printed', async () => {
    const home = tempDir();
    expect(codedesk(home, ['workspace', 'create', '--user', 'Dana', '--role', 'coder']).status).toBe(0);
    expect(codedesk(home, ['demo', 'load']).status).toBe(0);
    expect(codedesk(home, ['audit', 'verify']).stdout).toMatch(/^Audit trail intact: \d+ entries\.\n$/);
    await wipeTrail(home);
    const verify = codedesk(home, ['audit', 'verify']);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toMatch(/truncated: The audit trail is empty but was sealed at entry \d+/);
    expect(verify.stdout).toMatch(/origin: The trail does not start with the creation of this profile/);
    expect(verify.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^codedesk: The audit trail has 2 problem\(s\)\.$/)]);
    const json = codedesk(home, ['audit', 'verify', '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout.split('\n')[0]!)).toMatchObject({ ok: false, entries: 0 });
  });

  it('backup, then restore over a rolled-back workspace: verify passes again', async () => {
    const home = tempDir();
    const out = path.join(tempDir(), 'dana.cdbak');
    expect(codedesk(home, ['workspace', 'create', '--user', 'Dana', '--role', 'coder']).status).toBe(0);
    const backup = codedesk(home, ['workspace', 'backup', '--out', out]);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written and verified: .*dana\.cdbak \(\d+ bytes, audit entry \d+\)\.\n$/);
    expect(codedesk(home, ['workspace', 'backup', '--out', out]).status).toBe(2);
    await wipeTrail(home);
    expect(codedesk(home, ['audit', 'verify']).status).toBe(1);
    const restore = codedesk(home, ['workspace', 'restore', out]);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/Restored\. \d+ audit entries after the backup are given up/);
    expect(codedesk(home, ['audit', 'verify']).status).toBe(0);
  });
});
