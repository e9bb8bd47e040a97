/**
 * A real `codedesk hub start` with its log on: after sign-ins (one wrong), a check-out of charts
 * with documents, a push and some bad requests, every log line is a JSON event with PHI-free
 * fields only: no password, token, patient name or document text anywhere in it.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../src/main/hub/db/migrations';
import { openPool, type Db } from '../../../src/main/hub/db/pool';
import { ingestExports } from '../../../src/main/hub/ingest';
import { checkDataKey } from '../../../src/main/hub/seal';
import { addUser } from '../../../src/main/hub/users';
import type { ChartEntry } from '../../../src/main/services/packages/work-package';
import { REPO_ROOT } from '../helpers/temp';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall } from './hub-client';
import { freePort, startCluster, type PgCluster } from './pg-cluster';
import { CHEAP_KDF, PASSWORD, TEST_KEY, TEST_KEY_BASE64 } from './hub-fixtures';

const ALLOWED_KEYS = new Set(['t', 'level', 'event', 'method', 'code', 'ms', 'errorName']);

let cluster: PgCluster;
let db: Db;
let databaseUrl: string;
beforeAll(async () => {
  cluster = await startCluster();
  databaseUrl = await cluster.createDatabase();
  db = openPool(databaseUrl, 2);
  await migrateHub(db);
  await checkDataKey(db, TEST_KEY);
}, 60_000);
afterAll(async () => {
  await db?.end();
  cluster?.stop();
});

describe('the hub’s log', () => {
  it('holds routes, statuses and timings, never PHI or secrets', { timeout: 120_000 }, async () => {
    const sue = await addUser(db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const dana = await addUser(db, { name: 'Dana Coder', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    await ingestExports(db, TEST_KEY, [SYNTHEA], { by: { userId: sue.id, deviceId: null }, now: new Date() });
    const port = await freePort();
    const proc = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'codedesk.mjs'), 'hub', 'start', '--database-url', databaseUrl, '--port', String(port), '--insecure-loopback'], {
      cwd: REPO_ROOT,
      env: { ...process.env, CODEDESK_LOG: '', CODEDESK_HUB_DATA_KEY: TEST_KEY_BASE64 },
    });
    let log = '';
    proc.stderr.on('data', (d: Buffer) => (log += d.toString()));
    await new Promise<void>((resolve) => proc.stdout.on('data', (d: Buffer) => d.toString().includes('listening') && resolve()));
    const url = `http://127.0.0.1:${port}`;
    try {
      const signIn = (user: string, password: string) => hubCall(url, 'POST', '/auth/sign-in', { body: { user, password, deviceName: 'Laptop of Dana' } });
      const supervisor = (await signIn('Sue Supervisor', PASSWORD)).body.token as string;
      const coder = (await signIn('Dana Coder', PASSWORD)).body.token as string;
      expect((await signIn('Dana Coder', 'a guessed password')).status).toBe(401);
      const chartId = (await db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY id LIMIT 1')).rows[0]!.id;
      await hubCall(url, 'POST', '/api/queue/assign', { token: supervisor, body: { chartIds: [chartId], userId: dana.id } });
      const leased = (await hubCall(url, 'POST', '/api/queue/checkout', { token: coder, body: { count: 1 } })).body.charts[0] as { entry: ChartEntry; epoch: number };
      const patient = String(leased.entry.tables.charts[0]!.patient_name);
      const phrase = String(leased.entry.tables.documents[0]!.body).slice(0, 30);
      const state = { status: 'submitted', hold_reason: null, hold_note: null, version: 1, coding_json: '{"diagnoses":[{"code":"I10","poa":"Y"}],"procedures":[]}', submissions: [], reopens: [] };
      await hubCall(url, 'POST', '/api/sync/push', { token: coder, body: { items: [{ clientId: crypto.randomUUID(), chartId, epoch: leased.epoch, state, activity: [] }] } });
      await hubCall(url, 'POST', '/api/sync/push', { token: coder, body: { items: [{ note: patient }] } });
      await hubCall(url, 'POST', `/api/${encodeURIComponent(patient)}`, { token: coder, raw: `{"x":"${phrase}"` });
      await new Promise((r) => setTimeout(r, 200));

      const lines = log.trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(8);
      for (const line of lines) {
        const record = JSON.parse(line) as Record<string, unknown>;
        expect(Object.keys(record).every((k) => ALLOWED_KEYS.has(k)), line).toBe(true);
      }
      for (const secret of [PASSWORD, 'a guessed password', coder, supervisor, patient, phrase, 'Laptop of Dana', 'Dana Coder']) expect(log).not.toContain(secret);
    } finally {
      proc.kill('SIGTERM');
    }
  });
});
