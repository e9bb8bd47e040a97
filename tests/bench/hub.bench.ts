/**
 * The team hub on loopback against a real PostgreSQL cluster (started here, removed after), the
 * hub run as a team runs it (`codedesk hub start`, its own process, default pool), so the load
 * generator here never shares the hub's event loop. 100,000 sealed charts in the queue; N
 * simulated coders, each device checking out 20 charts and pushing coded charts with their
 * activity, at two paces: "busy" (a push every 30 s per coder, about ten times a real coder's
 * 100 charts a day) and "stress" (every 5 s); then a herd of 50 with no pause for the ceiling;
 * then the stress run again over two hub processes on the same database. Figures: check-out and
 * push p50/p95 (beside /health on the same connections, the floor of one round trip), pushes per
 * second, double leases (must be 0) and lost pushes (must be 0); then the team's 90-day
 * productivity query over 500 coders' day figures. CODEDESK_BENCH_HUB_CHARTS scales the queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SETTINGS } from '../../src/shared/domain';
import { hubProductivityReport } from '../../src/main/hub/rollup';
import { sealJson } from '../../src/main/hub/seal';
import { openPool, type Db } from '../../src/main/hub/db/pool';
import { hashPassword } from '../../src/main/hub/passwords';
import { signIn } from '../../src/main/hub/users';
import { freePort, startCluster } from '../main/hub/pg-cluster';
import { TEST_KEY, TEST_KEY_BASE64 } from '../main/hub/hub-fixtures';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const CHARTS = Number(process.env.CODEDESK_BENCH_HUB_CHARTS ?? 100_000);
const CHECKOUT = 20;
const DAY_MS = 86_400_000;
const PASSWORD = 'bench password 1234';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A hub process: `codedesk hub start` on a free port; its request log goes nowhere (it is still written). */
async function startHubProcess(repoRoot: string, databaseUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [path.join(repoRoot, 'bin', 'codedesk.mjs'), 'hub', 'start', '--database-url', databaseUrl, '--port', String(port), '--insecure-loopback'], {
    cwd: repoRoot,
    env: { ...process.env, CODEDESK_HUB_DATA_KEY: TEST_KEY_BASE64 },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening')) resolve();
    });
    proc.on('exit', () => reject(new Error(`the hub exited: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, proc };
}

function call(hub: string, method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, hub), {
      method, agent,
      headers: { ...(text ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** A chart as ingest stores it: a charts row and a 2 KB note, sealed. */
async function seedCharts(db: Db): Promise<void> {
  const note = 'Progress note. '.repeat(140);
  for (let start = 0; start < CHARTS; start += 2000) {
    const ids: string[] = [], keys: string[] = [], settings: string[] = [], dates: string[] = [], hashes: string[] = [], sealed: Buffer[] = [];
    for (let i = start; i < Math.min(CHARTS, start + 2000); i++) {
      const id = `B-${String(i).padStart(7, '0')}`;
      const setting = SETTINGS[i % SETTINGS.length]!;
      const date = new Date(Date.parse('2026-11-30T00:00:00Z') - (i % 60) * DAY_MS).toISOString().slice(0, 10);
      const entry = { id, baseHash: '0'.repeat(64), tables: { charts: [{ id, setting, discharge_date: date }], documents: [{ id: 'd1', chart_id: id, body: note }], chart_sources: [], chart_hints: [], codings: [], submissions: [], chart_reopens: [] } };
      ids.push(id); keys.push(`bench:${id}`); settings.push(setting); dates.push(date); hashes.push(id); sealed.push(sealJson(TEST_KEY, id, entry));
    }
    await db.query(
      `INSERT INTO hub_charts(id, source_key, setting, service_date, content_hash, sealed, imported_at, updated_at, status, pool_setting)
       SELECT *, now(), now(), 'assigned', 'inpatient' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[])`,
      [ids, keys, settings, dates, hashes, sealed],
    );
  }
}

/** Users and signed-in devices (one cheap password hash shared: the bench measures the queue, not scrypt). */
async function seedTeam(db: Db, coders: number, prefix: string): Promise<string[]> {
  const hash = await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
  const names = Array.from({ length: coders }, (_, i) => `${prefix} Coder ${i}`);
  await db.query("INSERT INTO hub_users(id, name, role, password_hash) SELECT 'U-' || md5(n), n, 'coder', $2 FROM unnest($1::text[]) AS n", [names, hash]);
  const tokens: string[] = [];
  for (const name of names) tokens.push((await signIn(db, { name, password: PASSWORD, deviceName: 'bench', now: new Date() })).token);
  return tokens;
}

const coded = (chartId: string, epoch: number, seq: number) => ({
  clientId: crypto.randomUUID(),
  chartId,
  epoch,
  state: { status: 'submitted', hold_reason: null, hold_note: null, version: 1, coding_json: '{"diagnoses":[{"code":"I10","poa":"Y"}],"procedures":[]}', submissions: [], reopens: [] },
  activity: ['chart.open', 'chart.activity', 'coding.change', 'chart.submit'].map((action, k) => ({
    seq: seq + k, at: new Date().toISOString(), user_id: 'p', action, chart_id: chartId,
    detail_json: JSON.stringify(action === 'chart.activity' ? { activeSeconds: 400 } : action === 'chart.submit' ? { version: 1 } : action === 'coding.change' ? { added: ['I10'], removed: [] } : {}), hash: 'a'.repeat(64),
  })),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pace {
  name: string;
  /** Coder i signs on at i × startSpacingMs. */
  startSpacingMs: number;
  /** Mean pause before each push (±50%); 0 is the herd, as fast as the hub answers. */
  thinkMs: number;
  /** Coded charts each coder pushes (of the 20 checked out). */
  pushes: number;
}

/** A working team over `hubs` (coder i talks to hub i mod n): check out 20, push `pushes` coded charts at the pace. */
async function runTeam(db: Db, hubs: string[], coders: number, pace: Pace) {
  const tokens = await seedTeam(db, coders, `T${coders}${pace.name}${hubs.length}`);
  const checkoutMs: number[] = [];
  const pushMs: number[] = [];
  const healthMs: number[] = [];
  const leased: string[] = [];
  let pushed = 0;
  let applied = 0;
  const started = performance.now();
  await Promise.all(tokens.map(async (token, i) => {
    const hub = hubs[i % hubs.length]!;
    await sleep(i * pace.startSpacingMs);
    let t = performance.now();
    const got = await call(hub, 'POST', '/api/queue/checkout', token, { count: CHECKOUT });
    checkoutMs.push(performance.now() - t);
    const charts = got.body.charts as { entry: { id: string }; epoch: number }[];
    leased.push(...charts.map((c) => c.entry.id));
    let seq = 1;
    for (const c of charts.slice(0, pace.pushes)) {
      if (pace.thinkMs > 0) await sleep(pace.thinkMs * (0.5 + Math.random()));
      t = performance.now();
      const r = await call(hub, 'POST', '/api/sync/push', token, { items: [coded(c.entry.id, c.epoch, seq)] });
      pushMs.push(performance.now() - t);
      seq += 4;
      pushed += 1;
      if (r.body?.results?.[0]?.outcome === 'applied') applied += 1;
    }
    t = performance.now();
    await call(hub, 'GET', '/health', null);
    healthMs.push(performance.now() - t);
  }));
  const seconds = (performance.now() - started) / 1000;
  return {
    coders,
    hubProcesses: hubs.length,
    ...pace,
    offeredPushesPerSecond: pace.thinkMs > 0 ? Math.round((coders / pace.thinkMs) * 1000 * 10) / 10 : null,
    checkout: summarise(checkoutMs),
    push: summarise(pushMs),
    healthUnderLoad: summarise(healthMs),
    pushesPerSecond: Math.round(pushed / seconds),
    chartsLeased: leased.length,
    doubleLeases: leased.length - new Set(leased).size,
    lostPushes: pushed - applied,
  };
}

/** 500 coders × 90 days of day figures (as projection leaves them), then the screen's team query. */
async function reportAtScale(db: Db) {
  const users = (await db.query<{ id: string }>("SELECT id FROM hub_users WHERE name LIKE 'T500%' ORDER BY id LIMIT 500")).rows.map((r) => r.id);
  const end = Date.parse('2026-11-30T00:00:00Z');
  for (let d = 0; d < 90; d++) {
    const day = new Date(end - (89 - d) * DAY_MS).toISOString().slice(0, 10);
    await db.query(
      `INSERT INTO hub_activity_days(day, user_id, setting, opened, active_seconds, codes_changed, submitted, held, assigned_hours_sum, assigned_n, service_days_sum, service_n)
       SELECT $1, u, s, 6, 1800, 20, 5, 1, 40, 5, 30, 5 FROM unnest($2::text[]) AS u, unnest($3::text[]) AS s ON CONFLICT DO NOTHING`,
      [day, users, [...SETTINGS]],
    );
  }
  const ms: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await hubProductivityReport(db, { from: '2026-09-02', to: '2026-11-30', userId: null });
    ms.push(performance.now() - t);
  }
  return { coders: users.length, days: 90, dayRows: Number((await db.query('SELECT count(*) AS n FROM hub_activity_days')).rows[0].n), report: summarise(ms), targetMs: 1000 };
}

const BUSY: Pace = { name: 'busy', startSpacingMs: 20, thinkMs: 30_000, pushes: 5 };
const STRESS: Pace = { name: 'stress', startSpacingMs: 20, thinkMs: 5000, pushes: 20 };
const HERD: Pace = { name: 'herd', startSpacingMs: 0, thinkMs: 0, pushes: 20 };

export const hubBench: BenchModule = {
  name: 'hub',
  async run({ repoRoot }) {
    const cluster = await startCluster();
    const databaseUrl = await cluster.createDatabase();
    const procs: ChildProcess[] = [];
    const db = openPool(databaseUrl, 8);
    try {
      const first = await startHubProcess(repoRoot, databaseUrl); // migrates the database
      procs.push(first.proc);
      let t = performance.now();
      await seedCharts(db);
      const seedSeconds = Math.round((performance.now() - t) / 100) / 10;
      const one = [first.url];
      const teams = [];
      for (const [coders, pace] of [[50, STRESS], [500, BUSY], [500, STRESS]] as const) teams.push(await runTeam(db, one, coders, pace));
      const saturation = await runTeam(db, one, 50, HERD);
      // The same stress over two hub processes on one database: where the first bottleneck moves.
      const second = await startHubProcess(repoRoot, databaseUrl);
      procs.push(second.proc);
      const twoProcesses = await runTeam(db, [first.url, second.url], 500, STRESS);
      t = performance.now();
      const report = await reportAtScale(db);
      return { hub: { charts: CHARTS, seedSeconds, checkoutSize: CHECKOUT, targets: { checkoutP95Ms: 300, pushP95Ms: 100 }, teams, saturation, twoProcesses, productivity90Days: report } };
    } finally {
      agent.destroy();
      for (const p of procs) p.kill('SIGTERM');
      await db.end();
      cluster.stop();
    }
  },
};
