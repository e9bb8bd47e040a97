/**
 * The team queue against real PostgreSQL: a supervisor assigns, coders' devices check out under
 * leases with fencing epochs (many at once: never one chart twice), pushes apply once however
 * often they arrive, a stale epoch becomes a visible conflict with both versions, a chart never
 * leased to the device is refused, and roles hold on every route.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { ingestExports } from '../../../src/main/hub/ingest';
import { type RunningHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import type { ChartEntry } from '../../../src/main/services/packages/work-package';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall, signInToken } from './hub-client';
import { hubHarness } from './hub-harness';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';


const harness = hubHarness();

interface Team {
  hub: RunningHub;
  url: string;
  supervisor: string;
  coders: { id: string; token: string }[];
  chartIds: string[];
}

async function team(coders: number): Promise<Team> {
  const hub = await harness.hub({ poolSize: 30 });
  await addUser(hub.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
  const signIn = (user: string) => signInToken(hub.url, user, PASSWORD);
  const made = [];
  for (let i = 0; i < coders; i++) {
    const { id } = await addUser(hub.db, { name: `Coder ${i}`, role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    made.push({ id, token: await signIn(`Coder ${i}`) });
  }
  await ingestExports(hub.db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now: new Date() });
  const chartIds = (await hub.db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY id')).rows.map((r) => r.id);
  return { hub, url: hub.url, supervisor: await signIn('Sue Supervisor'), coders: made, chartIds };
}

const checkout = (t: Team, token: string, count: number, held?: string[]) => hubCall(t.url, 'POST', '/api/queue/checkout', { token, body: { count, held } });
type Leased = { entry: ChartEntry; epoch: number; leaseExpiresAt: string };
const briefly = (charts: Leased[]) => charts.map((c) => ({ id: c.entry.id, epoch: c.epoch, leaseExpiresAt: c.leaseExpiresAt }));
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

  it('sends again the charts of a check-out whose reply was lost, under the same lease, and only those the device does not hold', async () => {
    const t = await team(2);
    const [a, b] = t.coders as [Team['coders'][number], Team['coders'][number]];
    await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor, body: { chartIds: t.chartIds.slice(0, 20), pool: 'inpatient' } });
    const leaseRows = async () => (await t.hub.db.query('SELECT count(*)::int AS n FROM hub_leases')).rows[0].n as number;

    // A checks out 3; the reply never reaches the desktop. Meanwhile B checks out and gets other charts.
    const lost = briefly((await checkout(t, a.token, 3)).body.charts);
    expect(lost).toHaveLength(3);
    const ofB = briefly((await checkout(t, b.token, 3)).body.charts);
    expect(ofB.filter((c) => lost.some((l) => l.id === c.id))).toEqual([]);
    expect(await leaseRows()).toBe(6);

    // A asks again holding nothing: the same 3 charts, same epochs, same lease expiry, and no new lease.
    const again = await checkout(t, a.token, 3, []);
    expect(again.status).toBe(200);
    expect(briefly(again.body.charts)).toEqual(lost);
    expect(again.body.charts[0].entry.tables.documents.length).toBeGreaterThan(0);
    expect(await leaseRows()).toBe(6);
    const ids = lost.map((c) => c.id);
    const stored = await t.hub.db.query<{ id: string; epoch: string; lease_expires_at: Date }>('SELECT id, epoch, lease_expires_at FROM hub_charts WHERE id = ANY($1) ORDER BY id', [ids]);
    expect(stored.rows.map((r) => ({ id: r.id, epoch: Number(r.epoch), leaseExpiresAt: r.lease_expires_at.toISOString() }))).toEqual(lost);

    // A push under the re-delivered epoch applies.
    const pushed = await hubCall(t.url, 'POST', '/api/sync/push', { token: a.token, body: { items: [pushOf(lost[0]!.id, lost[0]!.epoch, 'in_progress')] } });
    expect(pushed.body.results[0].outcome).toBe('applied');

    // Holding one of them: the other two come first and count toward the 5 asked for; 3 new charts fill the rest.
    const mixed = briefly((await checkout(t, a.token, 5, [lost[0]!.id])).body.charts);
    expect(mixed.slice(0, 2)).toEqual(lost.slice(1));
    const fresh = mixed.slice(2);
    expect(fresh).toHaveLength(3);
    expect(fresh.every((c) => ![...lost, ...ofB].some((l) => l.id === c.id))).toBe(true);
    expect(await leaseRows()).toBe(9);

    // Holding everything it was given: new charts only. Without `held` (as before): new charts only.
    const held = [...lost, ...fresh].map((c) => c.id);
    const next = briefly((await checkout(t, a.token, 2, held)).body.charts);
    expect(next).toHaveLength(2);
    expect(next.every((c) => !held.includes(c.id) && !ofB.some((l) => l.id === c.id))).toBe(true);
    const plain = briefly((await checkout(t, a.token, 2)).body.charts);
    expect(plain.every((c) => ![...held, ...next.map((n) => n.id)].includes(c.id))).toBe(true);
    expect(await leaseRows()).toBe(13);

    // Another device never gets A's charts re-delivered; too long a held list is refused whole.
    expect(briefly((await checkout(t, b.token, 3, [])).body.charts)).toEqual(ofB);
    expect((await checkout(t, a.token, 1, Array.from({ length: 2001 }, (_, i) => `c${i}`))).status).toBe(400);

    const audit = await hubCall(t.url, 'GET', '/api/audit/verify', { token: t.supervisor });
    expect(audit.body).toMatchObject({ ok: true, brokenAt: null });
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
