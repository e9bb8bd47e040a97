/**
 * The supervisor's hub routes against real PostgreSQL: the team queue (filtered and paged, with
 * what hub_charts keeps in clear and nothing sealed), the team's users (no password hashes), and
 * settling a real stale-epoch conflict (keeping the incoming version seals it as the chart's
 * state; twice is refused with nothing changed). Coders get 403 on each; the audit chain holds.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ingestExports } from '../../../src/main/hub/ingest';
import { unsealJson } from '../../../src/main/hub/seal';
import { type RunningHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import { stateHash, type WireState } from '../../../src/main/services/packages/chart-state';
import type { ChartEntry } from '../../../src/main/services/packages/work-package';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall, signInToken } from './hub-client';
import { hubHarness } from './hub-harness';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';

const harness = hubHarness();

interface Team {
  hub: RunningHub;
  url: string;
  supervisor: { id: string; token: string };
  coders: { id: string; token: string }[];
  chartIds: string[];
}

async function team(coders: number): Promise<Team> {
  const hub = await harness.hub();
  const signIn = (user: string) => signInToken(hub.url, user, PASSWORD);
  const sue = await addUser(hub.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
  const made = [];
  for (let i = 0; i < coders; i++) {
    const { id } = await addUser(hub.db, { name: `Coder ${i}`, role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    made.push({ id, token: await signIn(`Coder ${i}`) });
  }
  await ingestExports(hub.db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now: new Date() });
  const chartIds = (await hub.db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY service_date, id')).rows.map((r) => r.id);
  return { hub, url: hub.url, supervisor: { id: sue.id, token: await signIn('Sue Supervisor') }, coders: made, chartIds };
}

const queue = (t: Team, query = '', token = t.supervisor.token) => hubCall(t.url, 'GET', `/api/queue${query}`, { token });
const resolve = (t: Team, body: unknown, token = t.supervisor.token) => hubCall(t.url, 'POST', '/api/conflicts/resolve', { token, body });
const checkout = (t: Team, token: string) => hubCall(t.url, 'POST', '/api/queue/checkout', { token, body: { count: 1 } });
const push = (t: Team, token: string, chartId: string, epoch: number, status: WireState['status']) => {
  const state: WireState = { status, hold_reason: null, hold_note: null, version: 1, coding_json: JSON.stringify({ diagnoses: [{ code: status === 'submitted' ? 'I10' : 'E11.9', poa: 'Y' }], procedures: [] }), submissions: [], reopens: [] };
  const item = { clientId: crypto.randomUUID(), chartId, epoch, state, activity: [] };
  return hubCall(t.url, 'POST', '/api/sync/push', { token, body: { items: [item] } }).then((r) => ({ outcome: r.body.results[0].outcome as string, state }));
};
const chartRow = async (t: Team, chartId: string) =>
  (await t.hub.db.query('SELECT status, epoch, state_hash, state_sealed, updated_at, submitted_at FROM hub_charts WHERE id = $1', [chartId])).rows[0];
const conflictRow = async (t: Team, id: number) => (await t.hub.db.query('SELECT resolved_at, resolution, resolved_by FROM hub_conflicts WHERE id = $1', [id])).rows[0];
const auditCount = async (t: Team) => (await t.hub.db.query('SELECT count(*)::int AS n FROM hub_audit')).rows[0].n as number;

/** A real stale-epoch conflict: A checks out, the supervisor revokes, B checks out and submits, A pushes its old epoch. */
async function staleConflict(t: Team, chartId: string): Promise<{ id: number; incoming: WireState }> {
  const [a, b] = t.coders as [Team['coders'][number], Team['coders'][number]];
  await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor.token, body: { chartIds: [chartId], pool: 'inpatient' } });
  const first = (await checkout(t, a.token)).body.charts[0] as { epoch: number };
  expect((await hubCall(t.url, 'POST', '/api/queue/revoke', { token: t.supervisor.token, body: { chartId } })).status).toBe(200);
  const second = (await checkout(t, b.token)).body.charts[0] as { epoch: number };
  expect((await push(t, b.token, chartId, second.epoch, 'submitted')).outcome).toBe('applied');
  const stale = await push(t, a.token, chartId, first.epoch, 'in_progress');
  expect(stale.outcome).toBe('conflict');
  const listed = (await hubCall(t.url, 'GET', '/api/conflicts', { token: t.supervisor.token })).body as { id: number; chartId: string }[];
  expect(listed).toHaveLength(1);
  return { id: listed[0]!.id, incoming: stale.state };
}

describe('the supervisor’s team queue and users', () => {
  it('lists the queue oldest service date first, filtered and paged, with no document text or patient name', async () => {
    const t = await team(1);
    const coder = t.coders[0]!;
    const all = t.chartIds;
    await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor.token, body: { chartIds: all.slice(0, 3), userId: coder.id } });
    await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor.token, body: { chartIds: all.slice(3, 5), pool: 'emergency' } });
    const leased = (await checkout(t, coder.token)).body.charts[0] as { entry: ChartEntry; epoch: number; leaseExpiresAt: string };
    expect(leased.entry.id).toBe(all[0]);

    const first = await queue(t);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(all.length);
    expect(all.length).toBeGreaterThan(200);
    expect(first.body.charts).toHaveLength(200);
    expect(first.body.charts.map((c: { id: string }) => c.id)).toEqual(all.slice(0, 200));
    expect(first.body.charts[0]).toEqual({
      id: all[0], setting: expect.any(String), serviceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), status: 'leased',
      assigneeId: coder.id, assigneeName: 'Coder 0', pool: null, epoch: leased.epoch,
      leaseUserId: coder.id, leaseUserName: 'Coder 0', leaseExpiresAt: leased.leaseExpiresAt, submittedAt: null,
    });
    expect(first.body.charts[1]).toMatchObject({ status: 'assigned', assigneeName: 'Coder 0', pool: null, leaseUserId: null, leaseExpiresAt: null });
    expect(first.body.charts[3]).toMatchObject({ status: 'assigned', assigneeId: null, assigneeName: null, pool: 'emergency', epoch: 0 });
    expect(first.body.charts[5]).toMatchObject({ status: 'unassigned', assigneeId: null, pool: null });

    // Filters and paging.
    const assigned = await queue(t, '?status=assigned');
    expect(assigned.body).toEqual({ total: 4, charts: first.body.charts.slice(1, 5) });
    const page = await queue(t, '?limit=2&offset=1');
    expect(page.body).toEqual({ total: all.length, charts: first.body.charts.slice(1, 3) });
    const setting = first.body.charts[0].setting as string;
    const inSetting = (await t.hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM hub_charts WHERE setting = $1', [setting])).rows[0]!.n;
    const bySetting = await queue(t, `?setting=${setting}&limit=500`);
    expect(bySetting.body.total).toBe(inSetting);
    expect(bySetting.body.charts.every((c: { setting: string }) => c.setting === setting)).toBe(true);
    expect((await queue(t, `?status=leased&setting=${setting}`)).body).toEqual({ total: 1, charts: [first.body.charts[0]] });
    expect((await queue(t, `?offset=${all.length}`)).body).toEqual({ total: all.length, charts: [] });
    for (const bad of ['?limit=0', '?limit=501', '?limit=ten', '?offset=-1', '?status=lost', '?setting=dental', '?patient=x']) {
      expect((await queue(t, bad)).status, bad).toBe(400);
    }

    // Nothing sealed leaks: no document body or title, no patient name, from any chart on the page.
    const text = JSON.stringify((await queue(t, '?limit=500')).body);
    const sealed = (await t.hub.db.query<{ id: string; sealed: Buffer }>('SELECT id, sealed FROM hub_charts')).rows;
    let documents = 0;
    for (const r of sealed) {
      const entry = unsealJson<ChartEntry>(TEST_KEY, r.id, r.sealed);
      const patient = String((entry.tables.charts[0] as { patient_name: string }).patient_name);
      expect(text).not.toContain(patient);
      for (const d of entry.tables.documents as { body: string; title: string }[]) {
        documents += 1;
        expect(text).not.toContain(d.body.slice(0, 60));
        expect(text).not.toContain(`"${d.title}"`);
      }
    }
    expect(documents).toBeGreaterThan(0);
  });

  it('lists the team’s users by name, disabled ones marked, never a password hash', async () => {
    const t = await team(2);
    await addUser(t.hub.db, { name: 'Al Auditor', role: 'auditor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    await t.hub.db.query("UPDATE hub_users SET disabled_at = now() WHERE name = 'Coder 1'");
    const got = await hubCall(t.url, 'GET', '/api/users', { token: t.supervisor.token });
    expect(got.status).toBe(200);
    expect(got.body.users).toEqual([
      { id: expect.any(String), name: 'Al Auditor', role: 'auditor', disabled: false },
      { id: t.coders[0]!.id, name: 'Coder 0', role: 'coder', disabled: false },
      { id: t.coders[1]!.id, name: 'Coder 1', role: 'coder', disabled: true },
      { id: t.supervisor.id, name: 'Sue Supervisor', role: 'supervisor', disabled: false },
    ]);
    const hashes = (await t.hub.db.query<{ password_hash: string }>('SELECT password_hash FROM hub_users')).rows;
    for (const h of hashes) expect(JSON.stringify(got.body)).not.toContain(h.password_hash);
    expect((await hubCall(t.url, 'GET', '/api/users?role=coder', { token: t.supervisor.token })).status).toBe(400);
  });

  it('refuses a coder on every supervisor route, and anyone without a token', async () => {
    const t = await team(1);
    const coder = t.coders[0]!.token;
    expect((await queue(t, '', coder)).status).toBe(403);
    expect((await hubCall(t.url, 'GET', '/api/users', { token: coder })).status).toBe(403);
    expect((await resolve(t, { conflictId: 1, keep: 'current' }, coder)).status).toBe(403);
    expect((await hubCall(t.url, 'GET', '/api/queue')).status).toBe(401);
    expect((await hubCall(t.url, 'GET', '/api/users')).status).toBe(401);
    expect((await hubCall(t.url, 'POST', '/api/conflicts/resolve', { body: { conflictId: 1, keep: 'current' } })).status).toBe(401);
  });
});

describe('settling a conflict', () => {
  it('keeps the incoming version as the chart’s sealed state, once; twice or an unknown id changes nothing', async () => {
    const t = await team(2);
    const chartId = t.chartIds[0]!;
    const { id, incoming } = await staleConflict(t, chartId);
    const before = await chartRow(t, chartId);
    expect(before.status).toBe('submitted');

    expect(await resolve(t, { conflictId: id, keep: 'incoming' })).toEqual({ status: 200, body: { resolved: id, keep: 'incoming' } });
    expect((await hubCall(t.url, 'GET', '/api/conflicts', { token: t.supervisor.token })).body).toEqual([]);
    const after = await chartRow(t, chartId);
    expect(unsealJson<WireState>(TEST_KEY, chartId, after.state_sealed)).toEqual(incoming);
    expect(after).toMatchObject({ status: 'leased', state_hash: stateHash(incoming), epoch: before.epoch, submitted_at: before.submitted_at });
    expect(await conflictRow(t, id)).toMatchObject({ resolution: 'incoming', resolved_by: t.supervisor.id, resolved_at: expect.any(Date) });
    const audit = (await t.hub.db.query("SELECT user_id, chart_id, detail_json FROM hub_audit WHERE action = 'conflict.resolve'")).rows;
    expect(audit).toEqual([{ user_id: t.supervisor.id, chart_id: chartId, detail_json: JSON.stringify({ conflictId: id, keep: 'incoming' }) }]);

    // Again (either way), an unknown id, a malformed body: refused, nothing changed.
    const entries = await auditCount(t);
    const settled = await conflictRow(t, id);
    for (const keep of ['incoming', 'current'] as const) {
      expect(await resolve(t, { conflictId: id, keep })).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: 'That conflict was already resolved: nothing was changed.' } } });
    }
    expect(await resolve(t, { conflictId: id + 1000, keep: 'current' })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    for (const bad of [{ conflictId: 0, keep: 'current' }, { conflictId: id, keep: 'both' }, { conflictId: String(id), keep: 'current' }, { conflictId: id }]) {
      expect((await resolve(t, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await chartRow(t, chartId)).toEqual(after);
    expect(await conflictRow(t, id)).toEqual(settled);
    expect(await auditCount(t)).toBe(entries);
    expect(await hubCall(t.url, 'GET', '/api/audit/verify', { token: t.supervisor.token })).toMatchObject({ status: 200, body: { ok: true, brokenAt: null } });
  });

  it('keeping the current version leaves the chart as it is', async () => {
    const t = await team(2);
    const chartId = t.chartIds[0]!;
    const { id } = await staleConflict(t, chartId);
    const before = await chartRow(t, chartId);
    expect(await resolve(t, { conflictId: id, keep: 'current' })).toEqual({ status: 200, body: { resolved: id, keep: 'current' } });
    expect(await chartRow(t, chartId)).toEqual(before);
    expect(await conflictRow(t, id)).toMatchObject({ resolution: 'current', resolved_by: t.supervisor.id });
    expect((await hubCall(t.url, 'GET', '/api/conflicts', { token: t.supervisor.token })).body).toEqual([]);
    expect((await hubCall(t.url, 'GET', '/api/audit/verify', { token: t.supervisor.token })).body).toMatchObject({ ok: true });
  });

  it('keeping an unfinished incoming version on a chart nobody holds leaves it in the queue, not leased to nobody', async () => {
    const t = await team(1);
    const a = t.coders[0]!;
    const chartId = t.chartIds[0]!;
    await hubCall(t.url, 'POST', '/api/queue/assign', { token: t.supervisor.token, body: { chartIds: [chartId], userId: a.id } });
    const held = (await checkout(t, a.token)).body.charts[0] as { epoch: number };
    await hubCall(t.url, 'POST', '/api/queue/revoke', { token: t.supervisor.token, body: { chartId } });
    const stale = await push(t, a.token, chartId, held.epoch, 'in_progress');
    expect(stale.outcome).toBe('conflict');
    const [conflict] = (await hubCall(t.url, 'GET', '/api/conflicts', { token: t.supervisor.token })).body as { id: number; current: unknown }[];
    expect(conflict!.current).toBeNull();

    expect((await resolve(t, { conflictId: conflict!.id, keep: 'incoming' })).status).toBe(200);
    const row = await chartRow(t, chartId);
    expect(row.status).toBe('assigned');
    expect(unsealJson<WireState>(TEST_KEY, chartId, row.state_sealed)).toEqual(stale.state);
    // Still in its assignee's queue: checked out again under a new epoch.
    const again = (await checkout(t, a.token)).body.charts as { entry: ChartEntry; epoch: number }[];
    expect(again.map((c) => c.entry.id)).toEqual([chartId]);
    expect(again[0]!.epoch).toBeGreaterThan(held.epoch);
  });
});
