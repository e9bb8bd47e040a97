/**
 * The team queue against real PostgreSQL: a supervisor assigns, coders' devices check out under
 * leases with fencing epochs (many at once: never one chart twice), pushes apply once however
 * often they arrive, a stale epoch becomes a visible conflict with both versions, a chart never
 * leased to the device is refused, and roles hold on every route.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestExports } from '../../../src/main/hub/ingest';
import { startHub, type RunningHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import type { ChartEntry } from '../../../src/main/services/packages/work-package';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall } from './hub-client';
import { startCluster, type PgCluster } from './pg-cluster';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';


let cluster: PgCluster;
const hubs: RunningHub[] = [];
beforeAll(async () => {
  cluster = await startCluster();
}, 60_000);
afterAll(async () => {
  for (const h of hubs) await h.close();
  cluster?.stop();
});

interface Team {
  hub: RunningHub;
  url: string;
  supervisor: string;
  coders: { id: string; token: string }[];
  chartIds: string[];
}

async function team(coders: number): Promise<Team> {
  const hub = await startHub({ dataKey: TEST_KEY, databaseUrl: await cluster.createDatabase(), insecureLoopback: true, poolSize: 30 });
  hubs.push(hub);
  await addUser(hub.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
  const signIn = async (user: string) => (await hubCall(hub.url, 'POST', '/auth/sign-in', { body: { user, password: PASSWORD, deviceName: 'Laptop' } })).body.token as string;
  const made = [];
  for (let i = 0; i < coders; i++) {
    const { id } = await addUser(hub.db, { name: `Coder ${i}`, role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    made.push({ id, token: await signIn(`Coder ${i}`) });
  }
  await ingestExports(hub.db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now: new Date() });
  const chartIds = (await hub.db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY id')).rows.map((r) => r.id);
  return { hub, url: hub.url, supervisor: await signIn('Sue Supervisor'), coders: made, chartIds };
}

const checkout = (t: Team, token: string, count: number) => hubCall(t.url, 'POST', '/api/queue/checkout', { token, body: { count } });
const pushOf = (chartId: string, epoch: number, status: 'in_progress' | 'submitted' = 'submitted', clientId: string = crypto.randomUUID()) => ({
  clientId,
  chartId,
  epoch,
  state: { status, hold_reason: null, hold_note: null, version: 1, coding_json: JSON.stringify({ diagnoses: [{ code: 'I10', poa: 'Y' }], procedures: [] }), submissions: [], reopens: [] },
  activity: [],
});

describe('the team queue', () => {
  it('never leases one chart twice, however many devices check out at once', { timeout: 180_000 }, async () => {
    const t = await team(12);
    const pool = await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor, body: { chartIds: t.chartIds.slice(0, 300), pool: 'inpatient' } });
    expect(pool).toMatchObject({ status: 200, body: { assigned: 300 } });
    // 12 devices × 3 rounds of 10, all at once, over 300 pooled charts.
    const rounds = await Promise.all(t.coders.flatMap((c) => [0, 1, 2].map(() => checkout(t, c.token, 10))));
    const leased = rounds.flatMap((r) => (r.body.charts as { entry: ChartEntry; epoch: number }[]).map((c) => c.entry.id));
    expect(rounds.every((r) => r.status === 200)).toBe(true);
    expect(leased).toHaveLength(300); // 360 asked for, 300 in the pool
    expect(new Set(leased).size).toBe(leased.length); // no double lease
    const rows = await t.hub.db.query("SELECT count(*)::int AS n FROM hub_charts WHERE status = 'leased'");
    expect(rows.rows[0].n).toBe(leased.length);
    // Nothing is left to take.
    expect((await checkout(t, t.coders[0]!.token, 10)).body.charts).toEqual([]);
  });

  it('applies a push once however often it arrives, even when the reply was lost', async () => {
    const t = await team(1);
    const coder = t.coders[0]!;
    await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor, body: { chartIds: t.chartIds.slice(0, 2), userId: coder.id } });
    const got = (await checkout(t, coder.token, 5)).body.charts as { entry: ChartEntry; epoch: number }[];
    expect(got.map((c) => c.entry.id)).toEqual(t.chartIds.slice(0, 2));
    expect(got[0]!.entry.tables.documents.length).toBeGreaterThan(0);
    const item = pushOf(got[0]!.entry.id, got[0]!.epoch);

    // The connection drops before the reply is read; the hub still finishes the push.
    await new Promise<void>((resolve) => {
      const body = JSON.stringify({ items: [item] });
      const req = http.request(new URL('/api/sync/push', t.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${coder.token}`, 'content-length': Buffer.byteLength(body) } });
      req.on('error', () => resolve());
      req.on('response', () => {
        req.destroy();
        resolve();
      });
      req.end(body);
    });
    const retried = await hubCall(t.url, 'POST', '/api/sync/push', { token: coder.token, body: { items: [item, item] } });
    expect(retried.body.results).toEqual([
      { clientId: item.clientId, outcome: 'applied', already: true },
      { clientId: item.clientId, outcome: 'applied', already: true },
    ]);
    const pushes = await t.hub.db.query('SELECT count(*)::int AS n FROM hub_pushes');
    expect(pushes.rows[0].n).toBe(1);
    expect((await t.hub.db.query('SELECT status FROM hub_charts WHERE id = $1', [item.chartId])).rows[0].status).toBe('submitted');
  });

  it('sends a stale epoch to the conflict list with both versions, and refuses a chart this device never held', async () => {
    const t = await team(2);
    const [a, b] = t.coders as [Team['coders'][number], Team['coders'][number]];
    const chartId = t.chartIds[0]!;
    await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor, body: { chartIds: [chartId], pool: 'inpatient' } });
    const first = (await checkout(t, a.token, 1)).body.charts[0] as { epoch: number };
    // The supervisor takes the chart back; B checks it out and submits; A (offline meanwhile) pushes its work.
    expect(await hubCall(t.url, 'POST', '/api/queue/revoke', { token: t.supervisor, body: { chartId } })).toMatchObject({ status: 200 });
    const second = (await checkout(t, b.token, 1)).body.charts[0] as { epoch: number };
    expect(second.epoch).toBeGreaterThan(first.epoch);
    expect((await hubCall(t.url, 'POST', '/api/sync/push', { token: b.token, body: { items: [pushOf(chartId, second.epoch)] } })).body.results[0].outcome).toBe('applied');
    const stale = await hubCall(t.url, 'POST', '/api/sync/push', { token: a.token, body: { items: [pushOf(chartId, first.epoch, 'in_progress')] } });
    expect(stale.body.results[0]).toMatchObject({ outcome: 'conflict', already: false });
    const conflicts = await hubCall(t.url, 'GET', '/api/conflicts', { token: t.supervisor });
    expect(conflicts.body).toHaveLength(1);
    expect(conflicts.body[0]).toMatchObject({ chartId, userId: a.id, epoch: first.epoch, currentEpoch: second.epoch, incoming: { status: 'in_progress' }, current: { status: 'submitted' } });

    // B pushing for an epoch it never held, and A for a chart never leased to it: refused, nothing applied.
    const refused = await hubCall(t.url, 'POST', '/api/sync/push', { token: b.token, body: { items: [pushOf(chartId, first.epoch), pushOf(t.chartIds[1]!, 1)] } });
    expect(refused.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['refused', 'refused']);
    expect(refused.body.results[1].reason).toMatch(/not checked out to this device/);
  });

  it('keeps roles: a coder may not assign, revoke or read conflicts; a supervisor does not check out; a malformed push is refused whole', async () => {
    const t = await team(1);
    const coder = t.coders[0]!;
    expect((await hubCall(t.url, 'POST', '/api/queue/assign', { token: coder.token, body: { chartIds: [t.chartIds[0]], userId: coder.id } })).status).toBe(403);
    expect((await hubCall(t.url, 'POST', '/api/queue/revoke', { token: coder.token, body: { chartId: t.chartIds[0] } })).status).toBe(403);
    expect((await hubCall(t.url, 'GET', '/api/conflicts', { token: coder.token })).status).toBe(403);
    expect((await checkout(t, t.supervisor, 1)).status).toBe(403);
    const bad = await hubCall(t.url, 'POST', '/api/sync/push', { token: coder.token, body: { items: [{ ...pushOf(t.chartIds[0]!, 1), clientId: 'not-a-uuid' }] } });
    expect(bad).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/items\.0\.clientId/) } } });
    expect((await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor, body: { chartIds: ['nope'], userId: coder.id } })).status).toBe(404);
    expect((await t.hub.db.query('SELECT count(*)::int AS n FROM hub_pushes')).rows[0].n).toBe(0);
  });
});
