/**
 * `codedesk hub …` as a team runs it: add the first supervisor, start the hub (it migrates),
 * /health answers, a desktop signs in, SIGTERM stops it cleanly; the refusals are one line each.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { codedesk } from '../helpers/cli';
import { HUB_SCHEMA_VERSION } from '../../../src/main/hub/db/migrations';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall } from './hub-client';
import { freePort, startCluster, type PgCluster } from './pg-cluster';
import { PASSWORD, TEST_KEY_BASE64 } from './hub-fixtures';

const BIN = path.join(REPO_ROOT, 'bin', 'codedesk.mjs');

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop());

describe('codedesk hub', () => {
  it('adds a user, starts, answers /health and a sign-in, and stops on SIGTERM', { timeout: 60_000 }, async () => {
    const databaseUrl = await cluster.createDatabase();
    const home = tempDir('codedesk-hub-cli-');
    process.env.CODEDESK_HUB_PASSWORD = PASSWORD;
    try {
      const added = codedesk(home, ['hub', 'user', 'add', '--database-url', databaseUrl, '--name', 'Sue Supervisor', '--role', 'supervisor']);
      expect(added.stderr).toBe('');
      expect(added.stdout).toMatch(/^Added hub user U-[0-9a-f]{16} \(supervisor\)\.\n$/);
      expect(codedesk(home, ['hub', 'user', 'add', '--database-url', databaseUrl, '--name', 'Sue Supervisor', '--role', 'supervisor'])).toMatchObject({ status: 2, stderr: 'codedesk: A hub user with that name already exists.\n' });
    } finally {
      delete process.env.CODEDESK_HUB_PASSWORD;
    }
    expect(codedesk(home, ['hub', 'start', '--database-url', databaseUrl])).toMatchObject({ status: 2, stderr: expect.stringMatching(/CODEDESK_HUB_DATA_KEY.*32 bytes/) });
    process.env.CODEDESK_HUB_DATA_KEY = TEST_KEY_BASE64;
    try {
      expect(codedesk(home, ['hub', 'start', '--database-url', databaseUrl])).toMatchObject({ status: 2, stderr: expect.stringMatching(/HTTPS only/) });
      // The hospital's export into the team queue; again, it adds nothing.
      const first = codedesk(home, ['hub', 'ingest', '--database-url', databaseUrl, SYNTHEA, '--json']);
      expect(first.stderr).toBe('');
      const created = JSON.parse(first.stdout).created as number;
      expect(created).toBeGreaterThan(1000);
      expect(codedesk(home, ['hub', 'ingest', '--database-url', databaseUrl, SYNTHEA]).stdout).toMatch(new RegExp(`^0 new, 0 updated, ${created} unchanged, 0 held`));
      expect(codedesk(home, ['hub', 'ingest', '--database-url', databaseUrl])).toMatchObject({ status: 2, stderr: 'codedesk: Give the export files or folders to ingest.\n' });
    } finally {
      delete process.env.CODEDESK_HUB_DATA_KEY;
    }
    expect(codedesk(home, ['hub', 'key', 'new']).stdout).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);

    const port = await freePort();
    const proc = spawn(process.execPath, [BIN, 'hub', 'start', '--database-url', databaseUrl, '--port', String(port), '--insecure-loopback'], {
      cwd: REPO_ROOT,
      env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_HUB_DATA_KEY: TEST_KEY_BASE64 },
    });
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const listening = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      proc.on('exit', () => reject(new Error('the hub exited before listening')));
    });
    expect(listening).toBe(`CodeDesk hub listening on http://127.0.0.1:${port}`);
    const url = `http://127.0.0.1:${port}`;
    expect(await hubCall(url, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok', schemaVersion: HUB_SCHEMA_VERSION } });
    expect(await hubCall(url, 'POST', '/auth/sign-in', { body: { user: 'Sue Supervisor', password: PASSWORD, deviceName: 'Laptop' } })).toMatchObject({ status: 200, body: { role: 'supervisor' } });
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
