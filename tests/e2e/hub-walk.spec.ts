/**
 * The team hub walk, every part real: PostgreSQL in a temp folder, the hub started with
 * `codedesk hub start`, the Synthea FHIR export ingested with `codedesk hub ingest`, and two
 * browser hosts (a supervisor's desktop and a coder's). The supervisor assigns; the coder checks
 * out; the hub stops; the coder codes and submits offline; the hub comes back; sync; the
 * supervisor sees the day from the hub and exports it as XLSX.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import readXlsxFile from 'read-excel-file/node';
import { freePort, startCluster, type PgCluster } from '../main/hub/pg-cluster';
import { REPO_ROOT, startHost, type RunningHost } from './host';
import { PASSPHRASE, screenshot } from './steps';

const BIN = path.join(REPO_ROOT, 'bin', 'codedesk.mjs');
const SYNTHEA = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'fhir', 'synthea-bulk-10-patients');
const HUB_PASSWORD = 'team hub password 2026';

let cluster: PgCluster;
let databaseUrl: string;
let dataKey: string;
let port: number;
let hub: ChildProcess | null = null;
const hosts: RunningHost[] = [];

function cli(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CODEDESK_LOG: 'silent', ...env } });
  if (r.status !== 0) throw new Error(`codedesk ${args.slice(0, 3).join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

async function startHub(): Promise<void> {
  const proc = spawn(process.execPath, [BIN, 'hub', 'start', '--database-url', databaseUrl, '--port', String(port), '--insecure-loopback'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_HUB_DATA_KEY: dataKey },
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening')) resolve();
    });
    proc.on('exit', () => reject(new Error(`the hub exited: ${out}`)));
  });
  hub = proc;
}

async function stopHub(): Promise<void> {
  const proc = hub;
  hub = null;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster();
  databaseUrl = await cluster.createDatabase();
  dataKey = cli(['hub', 'key', 'new']).trim();
  cli(['hub', 'user', 'add', '--database-url', databaseUrl, '--name', 'Sue', '--role', 'supervisor'], { CODEDESK_HUB_PASSWORD: HUB_PASSWORD });
  cli(['hub', 'user', 'add', '--database-url', databaseUrl, '--name', 'Dana', '--role', 'coder'], { CODEDESK_HUB_PASSWORD: HUB_PASSWORD });
  port = await freePort();
  await startHub();
  cli(['hub', 'ingest', '--database-url', databaseUrl, SYNTHEA], { CODEDESK_HUB_DATA_KEY: dataKey });
});

test.afterAll(async () => {
  await stopHub();
  for (const h of hosts) await h.stop();
  cluster?.stop();
});

async function shots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1366, 768], [1600, 1000]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `hub-${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function createProfile(page: Page, name: string, role: 'supervisor' | 'coder'): Promise<void> {
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Role').selectOption(role);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('button', { name: 'I have saved it' }).click();
}

async function signInToHub(page: Page, user: string): Promise<void> {
  await page.getByRole('button', { name: 'Team hub', exact: true }).click();
  const screen = page.getByRole('main', { name: 'Team hub' });
  await screen.getByLabel('Hub address').fill(`http://127.0.0.1:${port}`);
  await screen.getByLabel('Hub user name').fill(user);
  await screen.getByLabel('Hub password').fill(HUB_PASSWORD);
  await screen.getByRole('button', { name: 'Sign in' }).click();
  await expect(screen.getByRole('heading', { name: 'Sync' })).toBeVisible();
}

test('hub → ingest → assign → check out → offline coding → sync → the supervisor’s day and XLSX', async ({ browser }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  const supervisorHost = await startHost();
  const coderHost = await startHost();
  hosts.push(supervisorHost, coderHost);
  const sue = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const dana = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  for (const p of [sue, dana]) p.on('pageerror', (e) => errors.push(e.message));

  // The supervisor signs in to the hub and assigns three inpatient charts to Dana.
  await sue.goto(supervisorHost.url);
  await createProfile(sue, 'Sue Supervisor', 'supervisor');
  await signInToHub(sue, 'Sue');
  const hubScreen = sue.getByRole('main', { name: 'Team hub' });
  await hubScreen.getByLabel('Setting').selectOption('inpatient');
  const table = hubScreen.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const ids: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const row = table.getByRole('row').nth(i);
    ids.push((await row.locator('td.mono').textContent())!.trim());
    await row.getByRole('checkbox').check();
  }
  await hubScreen.getByLabel('Assign to').selectOption({ label: 'Dana (Coder)' });
  await hubScreen.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(hubScreen.getByRole('status').filter({ hasText: '3 charts assigned to Dana.' })).toBeVisible();
  await hubScreen.getByLabel('Status').selectOption('assigned');
  await expect(table.getByRole('row')).toHaveCount(4);
  await shots(sue, 'supervisor-queue');

  // The coder signs in and checks out: the charts land in the encrypted workspace.
  await dana.goto(coderHost.url);
  await createProfile(dana, 'Dana Coder', 'coder');
  await dana.getByRole('button', { name: 'Load demo workspace' }).click();
  await expect(dana.getByText('44 charts')).toBeVisible();
  await signInToHub(dana, 'Dana');
  const danaHub = dana.getByRole('main', { name: 'Team hub' });
  await danaHub.getByLabel('How many').fill('5');
  await danaHub.getByRole('button', { name: 'Check out charts' }).click();
  await expect(danaHub.getByRole('status').filter({ hasText: '3 charts checked out to this computer.' })).toBeVisible();
  await shots(dana, 'coder-checked-out');

  // The hub goes away. Dana codes and submits a chart anyway.
  await stopHub();
  await danaHub.getByRole('button', { name: 'Open the queue' }).click();
  await dana.keyboard.press('/');
  await dana.keyboard.type(ids[0]!);
  await expect(dana.getByText('1 chart', { exact: true })).toBeVisible();
  await dana.keyboard.press('Enter');
  await expect(dana.getByRole('main', { name: `Chart ${ids[0]}` })).toBeVisible();
  await dana.keyboard.press('Control+k');
  await dana.keyboard.type('i10');
  await expect(dana.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText('I10');
  await dana.keyboard.press('Enter');
  await dana.getByLabel('POA for I10').selectOption('Y');
  await expect(dana.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await dana.keyboard.press('Control+Enter');
  // The demo's edits warn that hypertension alone rarely justifies an admission: reviewed, submitted.
  await dana.getByRole('button', { name: 'I have reviewed these warnings: submit' }).click();
  await expect(dana.getByText(new RegExp(`Chart ${ids[0]} submitted`))).toBeVisible();
  // Within seconds the outbox tries the hub on its own, and the header says it is offline.
  await expect(dana.getByRole('button', { name: /^Team hub: Hub offline · \d+ waiting$/ })).toBeVisible();

  // The header says the hub cannot be reached and how much waits; nothing blocked the coder.
  await dana.getByRole('button', { name: /^Team hub:/ }).click();
  await danaHub.getByRole('button', { name: 'Sync now' }).click();
  await expect(danaHub.getByRole('status').filter({ hasText: /Hub offline · \d+ waiting/ })).toBeVisible();
  await expect(danaHub.getByText(/cannot be reached just now/)).toBeVisible();
  await shots(dana, 'coder-offline');

  // The hub is back: one sync sends everything.
  await startHub();
  await danaHub.getByRole('button', { name: 'Sync now' }).click();
  await expect(danaHub.getByRole('status').filter({ hasText: /^Synced just now$/ })).toBeVisible();
  await expect(dana.getByRole('button', { name: /^Team hub: Synced just now$/ })).toBeVisible();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const status = await db.query<{ status: string }>('SELECT status FROM hub_charts WHERE id = $1', [ids[0]]);
  await db.end();
  expect(status.rows[0]!.status).toBe('submitted');
  await shots(dana, 'coder-synced');

  // The supervisor sees Dana's day from the hub and exports it.
  await sue.getByRole('button', { name: 'Productivity', exact: true }).click();
  const prod = sue.getByRole('main', { name: 'Productivity' });
  await prod.getByRole('group', { name: 'Figures from' }).getByRole('button', { name: 'Team hub' }).click();
  await prod.getByRole('button', { name: '7 days' }).click();
  const submitted = prod.getByRole('list', { name: 'Figures for the period' }).locator('.metric-card').filter({ hasText: /^Charts submitted/ }).locator('.metric-value');
  await expect(submitted).toHaveText('1');
  await shots(sue, 'supervisor-productivity');
  const xlsx = path.join(supervisorHost.home, 'team-from-hub.xlsx');
  await prod.getByLabel('New file (full path)').fill(xlsx);
  await prod.getByRole('button', { name: 'Export XLSX' }).click();
  await expect(prod.getByRole('status').filter({ hasText: 'as XLSX' })).toBeVisible();
  const sheets = await readXlsxFile(fs.readFileSync(xlsx));
  const coders = sheets.find((s) => s.sheet === 'Coders')!.data;
  expect(coders.slice(1).map((r) => r[1])).toEqual(['Dana']);
  expect(errors).toEqual([]);
});
