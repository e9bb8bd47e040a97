/**
 * The hub process killed in the middle of a push (SIGKILL, a real `codedesk hub start` on real
 * PostgreSQL): a second hub on the same database takes the retried push, and every item is
 * applied exactly once: nothing lost, nothing doubled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../src/main/hub/db/migrations';
import { openPool, type Db } from '../../../src/main/hub/db/pool';
import { ingestExports } from '../../../src/main/hub/ingest';
import { assignCharts, checkOut } from '../../../src/main/hub/queue';
import { checkDataKey } from '../../../src/main/hub/seal';
import { addUser, principalOf, signIn } from '../../../src/main/hub/users';
import { REPO_ROOT } from '../helpers/temp';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall } from './hub-client';
import { freePort, startCluster, type PgCluster } from './pg-cluster';
import { CHEAP_KDF, PASSWORD, TEST_KEY, TEST_KEY_BASE64 } from './hub-fixtures';

const BIN = path.join(REPO_ROOT, 'bin', 'codedesk.mjs');
const CHARTS = 120;

let cluster: PgCluster;
let db: Db;
let databaseUrl: string;
beforeAll(async () => {
  cluster = await startCluster();
  databaseUrl = await cluster.createDatabase();
  db = openPool(databaseUrl, 4);
  await migrateHub(db);
  await checkDataKey(db, TEST_KEY);
}, 60_000);
afterAll(async () => {
  await db?.end();
  cluster?.stop();
});

async function hubProcess(): Promise<{ proc: ChildProcess; url: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [BIN, 'hub', 'start', '--database-url', databaseUrl, '--port', String(port), '--insecure-loopback'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_HUB_DATA_KEY: TEST_KEY_BASE64 },
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
    proc.on('exit', () => reject(new Error('the hub exited before listening')));
  });
  return { proc, url: `http://127.0.0.1:${port}` };
}

const count = async (sql: string): Promise<number> => Number((await db.query(sql)).rows[0].n);

describe('the hub killed mid-push', () => {
  it('loses nothing and doubles nothing once the push is retried on another hub', { timeout: 180_000 }, async () => {
    const now = new Date();
    const { id: coderId } = await addUser(db, { name: 'Dana Coder', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const { token } = await signIn(db, { name: 'Dana Coder', password: PASSWORD, deviceName: 'Laptop', now });
    await ingestExports(db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now });
    const ids = (await db.query<{ id: string }>(`SELECT id FROM hub_charts ORDER BY id LIMIT ${CHARTS}`)).rows.map((r) => r.id);
    const sue = { userId: coderId, userName: 'x', role: 'supervisor' as const, deviceId: 'none' };
    await assignCharts(db, sue, ids, { userId: coderId }, now);
    const leased = await checkOut(db, TEST_KEY, await principalOf(db, token, now), { count: CHARTS, now });
    const items = leased.map((c, i) => ({
      clientId: crypto.randomUUID(),
      chartId: c.entry.id,
      epoch: c.epoch,
      state: { status: 'submitted', hold_reason: null, hold_note: null, version: 1, coding_json: '{"diagnoses":[],"procedures":[]}', submissions: [], reopens: [] },
      activity: [{ seq: i + 1, at: now.toISOString(), user_id: 'p', action: 'chart.submit', chart_id: c.entry.id, detail_json: '{"version":1}', hash: 'a'.repeat(64) }],
    }));

    const first = await hubProcess();
    const reply = hubCall(first.url, 'POST', '/api/sync/push', { token, body: { items } }).catch((e: Error) => e);
    // Killed once the push is under way: some items are in, the rest never arrived.
    while ((await count('SELECT count(*) AS n FROM hub_pushes')) === 0) await new Promise((r) => setTimeout(r, 2));
    first.proc.kill('SIGKILL');
    expect(await reply).toBeInstanceOf(Error);
    const partial = await count('SELECT count(*) AS n FROM hub_pushes');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(CHARTS);

    const second = await hubProcess();
    try {
      const retried = await hubCall(second.url, 'POST', '/api/sync/push', { token, body: { items } });
      expect(retried.status).toBe(200);
      const outcomes = retried.body.results as { outcome: string; already: boolean }[];
      expect(outcomes.every((o) => o.outcome === 'applied')).toBe(true);
      expect(outcomes.filter((o) => o.already)).toHaveLength(partial);
      expect(await count('SELECT count(*) AS n FROM hub_pushes')).toBe(CHARTS);
      expect(await count('SELECT count(*) AS n FROM hub_events')).toBe(CHARTS);
      expect(await count("SELECT count(*) AS n FROM hub_charts WHERE status = 'submitted'")).toBe(CHARTS);
      expect(await count('SELECT COALESCE(SUM(submitted), 0) AS n FROM hub_activity_days')).toBe(CHARTS);
    } finally {
      second.proc.kill('SIGTERM');
    }
  });
});
