/**
 * The supervisor's roll-up on the hub, against real PostgreSQL: coders push their coded charts
 * with their activity; the hub's report shows each coder's day, and it equals, figure for figure,
 * what a desktop workspace computes from the same events (one set of definitions). Events pushed
 * twice count once; a coder asking for the team gets their own figures only. Past the screen's
 * limit of coder × day rows the report leaves them out, unless asked for all of them (an export).
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestExports } from '../../../src/main/hub/ingest';
import { startHub, type RunningHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import { productivityReport } from '../../../src/main/services/activity/productivity';
import { CODER_DAYS_ON_SCREEN } from '../../../src/shared/productivity';
import { projectActivity } from '../../../src/main/services/activity/project';
import type { WorkspaceDb } from '../../../src/main/services/db/handles';
import { insertWireRow } from '../../../src/main/services/packages/rows-codec';
import type { ChartEntry } from '../../../src/main/services/packages/work-package';
import { migrate } from '../../../src/main/services/workspace/migrate';
import { DEFAULT_UNIT_WEIGHTS } from '../../../src/shared/metrics';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall } from './hub-client';
import { startCluster, type PgCluster } from './pg-cluster';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let cluster: PgCluster;
let hub: RunningHub;
beforeAll(async () => {
  cluster = await startCluster();
  hub = await startHub({ dataKey: TEST_KEY, databaseUrl: await cluster.createDatabase(), insecureLoopback: true });
}, 60_000);
afterAll(async () => {
  await hub?.close();
  cluster?.stop();
});

/** A coder's trail for one chart: open, 5 active minutes, two codes, submit; as a desktop records it. */
function trail(chartId: string, firstSeq: number, start: number) {
  const entry = (k: number, action: string, detail: Record<string, unknown>) => ({
    seq: firstSeq + k, at: new Date(start + k * 60_000).toISOString(), user_id: 'desktop-profile', action, chart_id: chartId, detail_json: JSON.stringify(detail), hash: crypto.randomBytes(32).toString('hex'),
  });
  return [
    entry(0, 'chart.open', {}),
    entry(5, 'chart.activity', { activeSeconds: 300, idleMinutes: 2 }),
    entry(6, 'coding.change', { added: ['I10', 'E11.9'], removed: [] }),
    entry(7, 'chart.submit', { version: 1 }),
  ];
}

const submitted = { status: 'submitted' as const, hold_reason: null, hold_note: null, version: 1, coding_json: JSON.stringify({ diagnoses: [{ code: 'I10', poa: 'Y' }], procedures: [] }), submissions: [], reopens: [] };

describe('the team roll-up on the hub', () => {
  it('shows each coder’s day, equal to the desktop’s figures for the same events', { timeout: 120_000 }, async () => {
    await addUser(hub.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const dana = await addUser(hub.db, { name: 'Dana Coder', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const mei = await addUser(hub.db, { name: 'Mei Coder', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const token = async (user: string) => (await hubCall(hub.url, 'POST', '/auth/sign-in', { body: { user, password: PASSWORD, deviceName: 'Laptop' } })).body.token as string;
    const [sue, danaToken, meiToken] = [await token('Sue Supervisor'), await token('Dana Coder'), await token('Mei Coder')];
    await ingestExports(hub.db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now: new Date() });
    const ids = (await hub.db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY id LIMIT 3')).rows.map((r) => r.id);
    await hubCall(hub.url, 'POST', '/api/queue/assign', { token: sue, body: { chartIds: ids.slice(0, 2), userId: dana.id } });
    await hubCall(hub.url, 'POST', '/api/queue/assign', { token: sue, body: { chartIds: ids.slice(2), userId: mei.id } });

    const start = Date.now() - 20 * 60_000;
    const pushAll = async (who: string, count: number) => {
      const leased = (await hubCall(hub.url, 'POST', '/api/queue/checkout', { token: who, body: { count } })).body.charts as { entry: ChartEntry; epoch: number }[];
      const items = leased.map((c, i) => ({ clientId: crypto.randomUUID(), chartId: c.entry.id, epoch: c.epoch, state: submitted, activity: trail(c.entry.id, 1 + i * 10, start + i * 8 * 60_000) }));
      const pushed = await hubCall(hub.url, 'POST', '/api/sync/push', { token: who, body: { items } });
      expect(pushed.body.results.every((r: { outcome: string }) => r.outcome === 'applied')).toBe(true);
      return { leased, items };
    };
    const danaWork = await pushAll(danaToken, 2);
    await pushAll(meiToken, 1);
    // The same events pushed again (a new push id, a retried outbox) add nothing.
    await hubCall(hub.url, 'POST', '/api/sync/push', { token: danaToken, body: { items: danaWork.items.map((i) => ({ ...i, clientId: crypto.randomUUID() })) } });

    const range = { from: day(start - 86_400_000), to: day(Date.now()) };
    const team = await hubCall(hub.url, 'GET', `/api/reports/productivity?from=${range.from}&to=${range.to}`, { token: sue });
    expect(team.status).toBe(200);
    expect(team.body.team.submitted).toBe(3);
    const danaRow = team.body.coders.find((c: { userId: string }) => c.userId === dana.id);
    expect(danaRow).toMatchObject({ displayName: 'Dana Coder', submitted: 2, activeMinutesPerChart: 5, codesChanged: 4 });
    expect(team.body.backlog.count).toBeGreaterThan(1000); // the rest of the export waits

    // The desktop's own projection of Dana's events gives the same figures.
    const desk = new Database(':memory:') as WorkspaceDb;
    migrate(desk);
    const leases = (await hub.db.query<{ chart_id: string; leased_at: Date }>('SELECT chart_id, leased_at FROM hub_leases WHERE user_id = $1', [dana.id])).rows;
    for (const c of danaWork.leased) insertWireRow(desk, 'charts', c.entry.tables.charts[0]!, { assignee: 'Dana Coder' });
    for (const l of leases) projectActivity(desk, { at: l.leased_at.toISOString(), userId: dana.id, action: 'package.open', chartId: l.chart_id, detail: { assignedAt: l.leased_at.toISOString() } });
    for (const i of danaWork.items) for (const a of i.activity) projectActivity(desk, { at: a.at, userId: dana.id, action: a.action, chartId: a.chart_id, detail: JSON.parse(a.detail_json) });
    const own = productivityReport(desk, { ...range, userId: dana.id, weights: DEFAULT_UNIT_WEIGHTS, names: new Map([[dana.id, 'Dana Coder']]), assignee: null });
    expect(own.coders[0]!.submitted).toBe(2);
    expect(danaRow).toEqual(own.coders[0]);
    desk.close();

    // A coder asking for the team gets their own figures only.
    const mine = await hubCall(hub.url, 'GET', `/api/reports/productivity?from=${range.from}&to=${range.to}`, { token: meiToken });
    expect(mine.body.scope).toBe('own');
    expect(mine.body.coders.map((c: { userId: string }) => c.userId)).toEqual([mei.id]);
  });

  it('gives every coder × day row past the screen limit only when asked for all (an export)', { timeout: 120_000 }, async () => {
    const own = await startHub({ dataKey: TEST_KEY, databaseUrl: await cluster.createDatabase(), insecureLoopback: true });
    try {
      await addUser(own.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
      const coders = 15;
      for (let i = 0; i < coders; i++) await addUser(own.db, { name: `Coder ${i}`, role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
      // 15 coders × 350 days, one chart opened each day: more rows than a screen shows.
      const range = { from: '2023-01-01', to: '2023-12-16' };
      await own.db.query(
        `INSERT INTO hub_activity_days(day, user_id, setting, opened)
         SELECT to_char(d, 'YYYY-MM-DD'), u.id, 'inpatient', 1 FROM generate_series($1::date, $2::date, interval '1 day') d CROSS JOIN hub_users u WHERE u.role = 'coder'`,
        [range.from, range.to],
      );
      const rows = coders * 350;
      expect(rows).toBeGreaterThan(CODER_DAYS_ON_SCREEN);
      const sue = (await hubCall(own.url, 'POST', '/auth/sign-in', { body: { user: 'Sue Supervisor', password: PASSWORD, deviceName: 'Laptop' } })).body.token as string;
      const report = (query: string) => hubCall(own.url, 'GET', `/api/reports/productivity?from=${range.from}&to=${range.to}${query}`, { token: sue });

      for (const screen of [await report(''), await report('&all=false')]) {
        expect(screen.status).toBe(200);
        expect(screen.body.coderDays).toBeNull();
        expect(screen.body.team.opened).toBe(rows);
      }
      const all = await report('&all=true');
      expect(all.status).toBe(200);
      expect(all.body.coderDays).toHaveLength(rows);
      expect(all.body.coderDays[0]).toMatchObject({ day: range.from, displayName: expect.stringMatching(/^Coder /), opened: 1 });
      expect(new Set(all.body.coderDays.map((r: { day: string; userId: string }) => `${r.day} ${r.userId}`)).size).toBe(rows);
      expect(all.body.team).toEqual((await report('')).body.team);
      expect((await report('&all=yes')).status).toBe(400);
    } finally {
      await own.close();
    }
  });
});
