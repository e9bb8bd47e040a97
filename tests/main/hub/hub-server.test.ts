/**
 * The hub against a real PostgreSQL cluster started for this file: migrations at start, /health,
 * device sign-in, 401 on every /api route without valid credentials (none, unknown, revoked,
 * expired), roles enforced on the hub, two hub processes on one database, TLS, the audit chain.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyHubAudit } from '../../../src/main/hub/audit';
import { HUB_SCHEMA_VERSION } from '../../../src/main/hub/db/migrations';
import { startHub, type RunningHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import { tempDir } from '../helpers/temp';
import { hubCall, signInToken } from './hub-client';
import { hubHarness } from './hub-harness';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';


const harness = hubHarness();

async function hubWithTeam(now?: () => Date): Promise<{ hub: RunningHub; url: string; supervisor: string; coder: string }> {
  const databaseUrl = await harness.cluster().createDatabase();
  const hub = await harness.hub({ databaseUrl, now });
  await addUser(hub.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
  await addUser(hub.db, { name: 'Dana Coder', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
  const token = (user: string) => signInToken(hub.url, user, PASSWORD);
  return { hub, url: hub.url, supervisor: await token('Sue Supervisor'), coder: await token('Dana Coder') };
}

describe('the hub server', () => {
  it('migrates at start, says so on /health, and a second hub on the same database serves the same team', async () => {
    const t = await hubWithTeam();
    const health = await hubCall(t.url, 'GET', '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', service: 'codedesk-hub', schemaVersion: HUB_SCHEMA_VERSION } });
    const databaseUrl = (t.hub.db as unknown as { options: { connectionString: string } }).options.connectionString;
    const second = await harness.hub({ databaseUrl });
    const versions = await second.db.query('SELECT version FROM hub_migrations');
    expect(versions.rowCount).toBe(HUB_SCHEMA_VERSION);
    // A token issued by one hub process is honoured by the other: the state is in PostgreSQL.
    expect(await hubCall(second.url, 'GET', '/api/me', { token: t.coder })).toMatchObject({ status: 200, body: { userName: 'Dana Coder', role: 'coder' } });
  });

  it('answers 401 on every /api route without valid credentials, and refuses a wrong password the same way as an unknown user', async () => {
    const t = await hubWithTeam();
    for (const [method, route] of [['GET', '/api/me'], ['GET', '/api/devices'], ['POST', '/api/users'], ['POST', '/api/devices/revoke'], ['GET', '/api/audit/verify'], ['GET', '/api/no-such-route']] as const) {
      expect((await hubCall(t.url, method, route)).status, `${method} ${route}`).toBe(401);
      expect((await hubCall(t.url, method, route, { token: 'cdh_forged' })).status, `${method} ${route} forged`).toBe(401);
    }
    const wrong = await hubCall(t.url, 'POST', '/auth/sign-in', { body: { user: 'Dana Coder', password: 'not the password', deviceName: 'x' } });
    const unknown = await hubCall(t.url, 'POST', '/auth/sign-in', { body: { user: 'Nobody', password: PASSWORD, deviceName: 'x' } });
    expect(wrong).toEqual({ status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'Wrong user name or password.' } } });
    expect(unknown).toEqual(wrong);
    expect((await hubCall(t.url, 'GET', '/api/no-such-route', { token: t.coder })).status).toBe(404);
  });

  it('refuses a revoked device and an expired one', async () => {
    let clock = new Date('2026-12-06T10:00:00Z');
    const t = await hubWithTeam(() => clock);
    const me = (await hubCall(t.url, 'GET', '/api/me', { token: t.coder })).body;
    expect((await hubCall(t.url, 'POST', '/api/devices/revoke', { token: t.supervisor, body: { deviceId: me.deviceId } })).status).toBe(200);
    const refused = await hubCall(t.url, 'GET', '/api/me', { token: t.coder });
    expect(refused).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/revoked/) } } });
    clock = new Date('2027-03-07T10:00:01Z'); // 91 days on
    expect(await hubCall(t.url, 'GET', '/api/me', { token: t.supervisor })).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/expired/) } } });
  });

  it('enforces roles on the hub: a coder may not add users, list devices or revoke another’s device', async () => {
    const t = await hubWithTeam();
    const add = { name: 'Mei Coder', role: 'coder', password: PASSWORD };
    expect(await hubCall(t.url, 'POST', '/api/users', { token: t.coder, body: add })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await hubCall(t.url, 'GET', '/api/devices', { token: t.coder })).status).toBe(403);
    const supervisorDevice = (await hubCall(t.url, 'GET', '/api/me', { token: t.supervisor })).body.deviceId as string;
    expect((await hubCall(t.url, 'POST', '/api/devices/revoke', { token: t.coder, body: { deviceId: supervisorDevice } })).status).toBe(403);
    expect((await hubCall(t.url, 'GET', '/api/me', { token: t.supervisor })).status).toBe(200);
    expect(await hubCall(t.url, 'POST', '/api/users', { token: t.supervisor, body: add })).toMatchObject({ status: 200, body: { id: expect.stringMatching(/^U-/) } });
    expect(await hubCall(t.url, 'POST', '/api/users', { token: t.supervisor, body: { ...add, password: 'short' } })).toMatchObject({ status: 400 });
  });

  it('gives bad requests a clear 400 or 413 and changes nothing', async () => {
    const t = await hubWithTeam();
    expect(await hubCall(t.url, 'POST', '/api/users', { token: t.supervisor, raw: '{not json' })).toMatchObject({ status: 400, body: { error: { message: 'The request body is not JSON.' } } });
    expect(await hubCall(t.url, 'POST', '/api/users', { token: t.supervisor, body: { name: 'X', role: 'admin', password: PASSWORD } })).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/^The request is not in the expected form \(role/) } } });
    expect((await hubCall(t.url, 'POST', '/api/users', { token: t.supervisor, raw: JSON.stringify({ name: 'x'.repeat(2_000_000) }) })).status).toBe(413);
    expect((await t.hub.db.query('SELECT count(*)::int AS n FROM hub_users')).rows[0].n).toBe(2);
  });

  it('keeps a hash-chained audit trail that PostgreSQL itself refuses to rewrite', async () => {
    const t = await hubWithTeam();
    const verified = await hubCall(t.url, 'GET', '/api/audit/verify', { token: t.supervisor });
    expect(verified.body).toMatchObject({ ok: true, brokenAt: null });
    expect(verified.body.entries).toBeGreaterThanOrEqual(4); // two users added, two sign-ins
    await expect(t.hub.db.query("UPDATE hub_audit SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.hub.db.query('DELETE FROM hub_audit')).rejects.toThrow(/append-only/);
    await expect(t.hub.db.query('TRUNCATE hub_audit')).rejects.toThrow(/append-only/);
    // Forged from outside the triggers (a superuser with them off): the chain shows where.
    await t.hub.db.query("ALTER TABLE hub_audit DISABLE TRIGGER USER; UPDATE hub_audit SET detail_json = '{}' WHERE seq = 1; ALTER TABLE hub_audit ENABLE TRIGGER USER");
    expect(await verifyHubAudit(t.hub.db)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('serves HTTPS, and refuses plain HTTP unless told it is loopback-only', async () => {
    const databaseUrl = await harness.cluster().createDatabase();
    await expect(startHub({ dataKey: TEST_KEY, databaseUrl })).rejects.toThrow(/HTTPS only/);
    await expect(startHub({ dataKey: TEST_KEY, databaseUrl, insecureLoopback: true, host: '0.0.0.0' })).rejects.toThrow(/loopback address only/);
    const dir = tempDir('codedesk-hub-tls-');
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    const hub = await harness.hub({ databaseUrl, tls: { certFile, keyFile }, insecureLoopback: false });
    expect(hub.url).toMatch(/^https:/);
    expect(await hubCall(hub.url, 'GET', '/health', { ca: fs.readFileSync(certFile) })).toMatchObject({ status: 200, body: { status: 'ok' } });
    await expect(hubCall(hub.url, 'GET', '/health')).rejects.toThrow(/self-signed|certificate/); // an unknown certificate is not trusted
  });
});
