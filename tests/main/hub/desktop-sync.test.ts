/**
 * A real desktop workspace against a real hub on real PostgreSQL: sign-in (the role must match
 * the profile), check-out into the encrypted workspace, coding with the hub stopped, the outbox
 * kept and sent when the hub is back (once, however often it is sent), a stale lease turning
 * into a conflict the supervisor sees with both versions, a revoked device, and the supervisor
 * reading the team's figures from the hub.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeDeskApp } from '../../../src/main/app';
import { ingestExports } from '../../../src/main/hub/ingest';
import { type RunningHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import { problemKey, type Coding } from '../../../src/shared/domain';
import { call, must, PASSPHRASE, testApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall, signInToken } from './hub-client';
import { hubHarness } from './hub-harness';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';

const harness = hubHarness();

const CODING: Coding = { diagnoses: [{ code: 'I10', poa: null }], procedures: [] };

async function hubOn(databaseUrl: string, port?: number): Promise<RunningHub> {
  return harness.hub({ databaseUrl, ...(port ? { port } : {}) });
}

async function team() {
  const databaseUrl = await harness.cluster().createDatabase();
  const hub = await hubOn(databaseUrl);
  await addUser(hub.db, { name: 'Sue', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
  const coder = await addUser(hub.db, { name: 'Dana', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
  await ingestExports(hub.db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now: new Date() });
  const chartIds = (await hub.db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY service_date DESC, id LIMIT 4')).rows.map((r) => r.id);
  const sue = await signInToken(hub.url, 'Sue', PASSWORD);
  await hubCall(hub.url, 'POST', '/api/queue/assign', { token: sue, body: { chartIds, userId: coder.id } });
  return { hub, databaseUrl, coderId: coder.id, chartIds, sue };
}

async function desktop(role: 'coder' | 'supervisor', name: string): Promise<CodeDeskApp> {
  const app = testApp();
  await must(app, 'profiles.create', { displayName: name, role, passphrase: PASSPHRASE });
  // The demo's code sets (in force from 2000) check the codes; its own charts sit beside the hub's.
  if (role === 'coder') await must(app, 'demo.load', {});
  return app;
}

async function code(app: CodeDeskApp, chartId: string, submit = true): Promise<void> {
  const { revision } = await must(app, 'coding.get', { chartId });
  await must(app, 'coding.save', { chartId, revision, coding: CODING });
  if (!submit) return;
  const validate = await must(app, 'coding.validate', { chartId });
  const out = await must(app, 'charts.submit', { chartId, acknowledgedWarnings: validate.filter((p) => p.severity === 'warning').map(problemKey) });
  if (!out.submitted) throw new Error(`not submitted: ${out.problems.map((p) => p.message).join('; ')}`);
}

const count = async (hub: RunningHub, sql: string, params: unknown[] = []) => Number((await hub.db.query<{ n: string }>(sql, params)).rows[0]!.n);

describe('a desktop linked to the team hub', () => {
  it('checks out, codes with the hub stopped, and sends everything once when the hub is back', { timeout: 120_000 }, async () => {
    const t = await team();
    const coder = await desktop('coder', 'Dana Coder');

    const wrongRole = await call(coder, 'hub.signIn', { url: t.hub.url, user: 'Sue', password: PASSWORD });
    expect(wrongRole).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await must(coder, 'hub.status', {})).linked).toBe(false);
    const wrongPassword = await call(coder, 'hub.signIn', { url: t.hub.url, user: 'Dana', password: 'not it' });
    expect(wrongPassword).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await call(coder, 'hub.signIn', { url: 'http://hub.example.org', user: 'Dana', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    const linked = await must(coder, 'hub.signIn', { url: t.hub.url, user: 'Dana', password: PASSWORD });
    expect(linked).toMatchObject({ linked: true, userName: 'Dana', role: 'coder', waiting: 0, lastError: null });
    // The token is in the encrypted workspace, never in what the renderer sees.
    expect(JSON.stringify(linked)).not.toContain('cdh_');

    const out = await must(coder, 'hub.checkout', { count: 10 });
    expect(out).toMatchObject({ imported: 4, renewed: 0, clashing: 0 });
    expect(out.chartIds.sort()).toEqual([...t.chartIds].sort());
    const listed = (await must(coder, 'charts.list', {})).rows.map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining(t.chartIds));
    const afterCheckout = await must(coder, 'hub.status', {});
    expect(afterCheckout.open).toBe(4);
    // The default lease is 72 hours: the desktop shows when the first one ends.
    expect(Date.parse(afterCheckout.firstLeaseEnds!) - Date.now()).toBeGreaterThan(71 * 3_600_000);

    // Offline: the hub goes away; the coder codes and submits, and nothing waits on the network.
    const port = t.hub.port;
    await t.hub.close();
    const [first, second] = t.chartIds as [string, string];
    await must(coder, 'charts.get', { chartId: first });
    await code(coder, first);
    await code(coder, second, false);
    const offline = await must(coder, 'hub.sync', {});
    expect(offline.lastError).toMatch(/cannot be reached/);
    expect(offline.waiting).toBeGreaterThan(2);
    const waiting = offline.waiting;

    // The hub is back on the same database and address: one sync sends it all.
    const back = await hubOn(t.databaseUrl, port);
    const synced = await must(coder, 'hub.sync', {});
    expect(synced).toMatchObject({ waiting: 0, conflicts: 0, refused: 0, lastError: null });
    expect(synced.lastSyncAt).not.toBeNull();
    const status = await back.db.query<{ id: string; status: string }>('SELECT id, status FROM hub_charts WHERE id = ANY($1)', [[first, second]]);
    expect(Object.fromEntries(status.rows.map((r) => [r.id, r.status]))).toEqual({ [first]: 'submitted', [second]: 'leased' });
    const events = await count(back, 'SELECT count(*) AS n FROM hub_events');
    const pushes = await count(back, 'SELECT count(*) AS n FROM hub_pushes');
    expect(pushes).toBe(2); // one item per chart: its waiting entries folded into one
    expect(events).toBeGreaterThanOrEqual(waiting);

    // Sending again sends nothing; the outbox keeps every entry, each answered once.
    await must(coder, 'hub.sync', {});
    expect(await count(back, 'SELECT count(*) AS n FROM hub_events')).toBe(events);
    expect(await count(back, 'SELECT count(*) AS n FROM hub_pushes')).toBe(pushes);
    const db = coder.requireSession().db;
    expect(() => db.prepare('DELETE FROM hub_outbox').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE hub_outbox SET outcome = 'refused'").run()).toThrow(/answered once/);
    const outcomes = db.prepare('SELECT outcome, count(*) AS n FROM hub_outbox GROUP BY outcome ORDER BY outcome').all();
    expect(outcomes).toEqual([{ outcome: 'applied', n: 2 }, { outcome: 'carried', n: waiting - 2 }]);

    // The supervisor's desktop reads the team's day from the hub and exports it.
    const lead = await desktop('supervisor', 'Sue Supervisor');
    await must(lead, 'hub.signIn', { url: back.url, user: 'Sue', password: PASSWORD });
    const today = new Date().toISOString().slice(0, 10);
    const report = await must(lead, 'reports.productivity', { from: today, to: today, source: 'hub' });
    expect(report.team.submitted).toBe(1);
    expect(report.coders.map((c) => c.userId)).toEqual([t.coderId]);
    // One set of unit weights for the team, on the hub: its reports use them; a coder may not set them.
    const weights = { inpatient: 3, outpatient_surgery: 3, emergency: 3, professional: 3 };
    expect(await must(lead, 'hub.setUnitWeights', { weights })).toEqual(weights);
    const weighted = await must(lead, 'reports.productivity', { from: today, to: today, source: 'hub' });
    expect(weighted).toMatchObject({ weights, team: { submitted: 1, weightedUnits: 3 } });
    expect(await call(coder, 'hub.setUnitWeights', { weights })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = await must(lead, 'reports.productivity', { from: today, to: today });
    expect(own.team.submitted).toBe(0); // the supervisor's own workspace holds none of it
  });

  it('keeps work a dropped reply or a lock left unanswered, and sends it once', { timeout: 120_000 }, async () => {
    const t = await team();
    const coder = await desktop('coder', 'Dana Coder');
    await must(coder, 'hub.signIn', { url: t.hub.url, user: 'Dana', password: PASSWORD });
    const { chartIds } = await must(coder, 'hub.checkout', { count: 2 });
    await code(coder, chartIds[0]!);
    // The workspace locks while the push is on the wire: the hub applies it, the answer is dropped here.
    const sending = coder.hub.syncNow();
    await must(coder, 'session.lock', {});
    await sending;
    const profileId = (await must(coder, 'profiles.list', {}))[0]!.id;
    await must(coder, 'session.unlock', { profileId, passphrase: PASSPHRASE });
    expect((await must(coder, 'hub.status', {})).waiting).toBeGreaterThan(0);
    const before = await count(t.hub, 'SELECT count(*) AS n FROM hub_events');
    const state = await must(coder, 'hub.sync', {});
    expect(state).toMatchObject({ waiting: 0, conflicts: 0, refused: 0 });
    expect(await count(t.hub, 'SELECT count(*) AS n FROM hub_pushes')).toBe(1);
    // Entries the hub had already are not added again (the unlock's and lock's are not chart entries).
    expect(await count(t.hub, 'SELECT count(*) AS n FROM hub_events')).toBe(before);
  });

  it('gets the charts of a check-out whose reply never arrived by checking out again', { timeout: 120_000 }, async () => {
    const t = await team();
    const coder = await desktop('coder', 'Dana Coder');
    await must(coder, 'hub.signIn', { url: t.hub.url, user: 'Dana', password: PASSWORD });
    // The workspace locks while the check-out is on the wire: the hub leased two charts, none reached the workspace.
    const checking = call(coder, 'hub.checkout', { count: 2 });
    await must(coder, 'session.lock', {});
    expect(await checking).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const profileId = (await must(coder, 'profiles.list', {}))[0]!.id;
    await must(coder, 'session.unlock', { profileId, passphrase: PASSPHRASE });
    const leased = (await t.hub.db.query<{ id: string; epoch: string }>("SELECT id, epoch FROM hub_charts WHERE status = 'leased' ORDER BY id")).rows;
    expect(leased).toHaveLength(2);
    // Asking again brings the same two under the same leases, then the rest.
    const again = await must(coder, 'hub.checkout', { count: 4 });
    expect(again).toMatchObject({ imported: 4 });
    expect(again.chartIds).toEqual(expect.arrayContaining(leased.map((l) => l.id)));
    const epochs = (await t.hub.db.query<{ id: string; epoch: string }>('SELECT id, epoch FROM hub_charts WHERE id = ANY($1) ORDER BY id', [leased.map((l) => l.id)])).rows;
    expect(epochs).toEqual(leased);
    // A third check-out finds nothing more: the charts held here are not sent again.
    expect(await must(coder, 'hub.checkout', { count: 4 })).toMatchObject({ imported: 0, renewed: 0, chartIds: [] });
  });

  it('turns a push under a revoked lease into a conflict the supervisor sees, and refuses a revoked device', { timeout: 120_000 }, async () => {
    const t = await team();
    const coder = await desktop('coder', 'Dana Coder');
    await must(coder, 'hub.signIn', { url: t.hub.url, user: 'Dana', password: PASSWORD });
    await must(coder, 'hub.checkout', { count: 4 });
    const lead = await desktop('supervisor', 'Sue Supervisor');
    await must(lead, 'hub.signIn', { url: t.hub.url, user: 'Sue', password: PASSWORD });
    const [taken] = t.chartIds as [string];
    expect(await must(lead, 'hub.revokeLease', { chartId: taken })).toMatchObject({ epoch: expect.any(Number) });
    // A coder may not call the supervisor's routes.
    expect(await call(coder, 'hub.revokeLease', { chartId: taken })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The coder's next sync says the chart was taken back, before any work on it.
    expect(await must(coder, 'hub.sync', {})).toMatchObject({ takenBack: 1, waiting: 0, conflicts: 0 });
    await code(coder, taken);
    const state = await must(coder, 'hub.sync', {});
    expect(state).toMatchObject({ waiting: 0, conflicts: 1 });
    const conflicts = await must(lead, 'hub.conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ chartId: taken, incoming: { status: 'submitted', codes: ['I10'], submitted: true } });
    expect(conflicts[0]!.current).toBeNull(); // the hub had no coded state for it before
    // The supervisor takes the late work: the conflict leaves the list and the hub holds the coder's codes.
    expect(await must(lead, 'hub.resolveConflict', { conflictId: conflicts[0]!.id, keep: 'incoming' })).toEqual({ resolved: conflicts[0]!.id, keep: 'incoming' });
    expect(await must(lead, 'hub.conflicts', {})).toEqual([]);
    expect(await call(lead, 'hub.resolveConflict', { conflictId: conflicts[0]!.id, keep: 'current' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.hub.db.query<{ status: string }>('SELECT status FROM hub_charts WHERE id = $1', [taken])).rows[0]!.status).toBe('submitted');

    // The supervisor signs the coder's device out: the next sync says why, and the work stays here.
    const devices = (await hubCall(t.hub.url, 'GET', '/api/devices', { token: t.sue })).body as { id: string; userId: string; revokedAt: string | null }[];
    const coderDevice = devices.find((d) => d.userId === t.coderId && !d.revokedAt)!;
    await hubCall(t.hub.url, 'POST', '/api/devices/revoke', { token: t.sue, body: { deviceId: coderDevice.id } });
    await code(coder, t.chartIds[1]!);
    const refused = await must(coder, 'hub.sync', {});
    expect(refused.lastError).toMatch(/revoked/);
    expect(refused.waiting).toBeGreaterThan(0);
    expect(await call(coder, 'hub.signOut', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('second-level audits over the hub', () => {
  it('an auditor audits a coder’s submitted hub chart; the supervisor’s hub report shows the coder’s accuracy', { timeout: 120_000 }, async () => {
    const t = await team();
    await addUser(t.hub.db, { name: 'Avery', role: 'auditor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const coder = await desktop('coder', 'Dana Coder');
    await must(coder, 'hub.signIn', { url: t.hub.url, user: 'Dana', password: PASSWORD });
    const { chartIds } = await must(coder, 'hub.checkout', { count: 1 });
    const [audited] = chartIds as [string];
    await code(coder, audited);
    expect(await must(coder, 'hub.sync', {})).toMatchObject({ waiting: 0, lastError: null });

    const auditor = testApp();
    await must(auditor, 'profiles.create', { displayName: 'Avery Auditor', role: 'auditor', passphrase: PASSPHRASE });
    await must(auditor, 'demo.load', {});
    await must(auditor, 'hub.signIn', { url: t.hub.url, user: 'Avery', password: PASSWORD });
    expect(await call(coder, 'hub.auditCheckout', { count: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const leased = await must(auditor, 'hub.auditCheckout', { count: 5 });
    expect(leased).toMatchObject({ imported: 1, chartIds: [audited] });
    // The coder's submission arrived with the chart: the ordinary audit runs on it.
    const audit = await must(auditor, 'audits.start', { chartId: audited, mode: 'blind' });
    await must(auditor, 'audits.save', { auditId: audit.id, coding: { diagnoses: [{ code: 'I10', poa: null }, { code: 'E11.9', poa: null }], procedures: [] } });
    const committed = await must(auditor, 'audits.commit', { auditId: audit.id });
    expect(committed.findings.length).toBeGreaterThan(0);
    expect((await must(auditor, 'hub.status', {})).auditsWaiting).toBe(1);
    expect(await must(auditor, 'hub.sync', {})).toMatchObject({ auditsWaiting: 0, lastError: null });
    // Sent once: the next sync has nothing to send.
    expect(Number((await t.hub.db.query('SELECT count(*) AS n FROM hub_audits')).rows[0].n)).toBe(1);
    await must(auditor, 'hub.sync', {});
    expect(Number((await t.hub.db.query('SELECT count(*) AS n FROM hub_audits')).rows[0].n)).toBe(1);

    const lead = await desktop('supervisor', 'Sue Supervisor');
    await must(lead, 'hub.signIn', { url: t.hub.url, user: 'Sue', password: PASSWORD });
    const today = new Date().toISOString().slice(0, 10);
    const report = await must(lead, 'reports.productivity', { from: today, to: today, source: 'hub' });
    const dana = report.coders.find((c) => c.userId === t.coderId)!;
    // One code right of two the auditor found: 50 % at code level, and the record was not right.
    expect(dana).toMatchObject({ accuracyCodeLevel: 50, accuracyRecordLevel: 0 });
    expect(report.team).toMatchObject({ accuracyCodeLevel: 50, accuracyRecordLevel: 0 });
  });
});

describe('a desktop and a hub on TLS', () => {
  it('signs in over HTTPS to a hub whose certificate it trusts, and refuses one it does not, saying why', { timeout: 60_000 }, async () => {
    const dir = tempDir('codedesk-desktop-tls-');
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    const hub = await harness.hub({ tls: { certFile, keyFile }, insecureLoopback: false });
    await addUser(hub.db, { name: 'Dana', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const coder = await desktop('coder', 'Dana Coder');
    const untrusted = await call(coder, 'hub.signIn', { url: hub.url, user: 'Dana', password: PASSWORD });
    expect(untrusted).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/certificate this computer does not trust.*NODE_EXTRA_CA_CERTS/) } });
    coder.hub.ca = fs.readFileSync(certFile);
    expect(await must(coder, 'hub.signIn', { url: hub.url, user: 'Dana', password: PASSWORD })).toMatchObject({ linked: true, url: hub.url });
    expect(await must(coder, 'hub.sync', {})).toMatchObject({ lastError: null, waiting: 0 });
  });
});
