/**
 * Item 4 of issue 11: a submitted chart reopened for correction. Submit a demo chart, reopen
 * it with a reason, change a code, see v1 beside v2, submit v2; the trail holds both submits.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, test, type Page } from '@playwright/test';
import { unlockProfile } from '../../src/main/services/users/profiles';
import { startHost, type RunningHost } from './host';
import { PASSPHRASE, createProfileWithDemo, screenshotsAtSizes } from './steps';

const CHART = 'IP-260102';
let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const screens = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `day-reopen-${what}`);

async function openFromQueue(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid', { name: 'Chart queue' })).toBeVisible();
  await page.getByRole('searchbox').first().fill(CHART);
  await expect(page.getByText('1 chart', { exact: true })).toBeVisible();
  await page.getByRole('row', { name: new RegExp(CHART) }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: `Chart ${CHART}` })).toBeVisible();
}

/** The chart's entries on the audit trail, read with the workspace key as `codedesk audit` would. */
async function trailOf(home: string, chartId: string): Promise<{ action: string; detail: Record<string, unknown> }[]> {
  const id = fs.readdirSync(path.join(home, 'profiles')).find((f) => !f.startsWith('.'))!;
  const { key } = await unlockProfile(home, id, PASSPHRASE);
  const db = new Database(path.join(home, 'profiles', id, 'workspace.db'), { readonly: true });
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    const entries = db.prepare("SELECT action, detail_json FROM audit_log WHERE chart_id = ? AND action IN ('chart.submit', 'chart.reopen') ORDER BY seq").all(chartId) as {
      action: string;
      detail_json: string;
    }[];
    return entries.map((e) => ({ action: e.action, detail: JSON.parse(e.detail_json) as Record<string, unknown> }));
  } finally {
    db.close();
    key.fill(0);
  }
}

test('reopen a submitted chart for correction, code v2 beside v1, submit v2', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();

  // Code and submit v1.
  await page.keyboard.press('/');
  await page.keyboard.type(CHART);
  await page.getByRole('row', { name: new RegExp(CHART) }).click();
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: 'Search codes' });
  const results = page.getByRole('listbox', { name: 'Code results' });
  await search.fill('i21.4');
  await expect(results.getByRole('option').first()).toContainText('I21.4');
  await page.keyboard.press('Enter');
  await search.fill('e11.9');
  await expect(results.getByRole('option').first()).toContainText('E11.9');
  await page.keyboard.press('Enter');
  await page.getByLabel('POA for I21.4').selectOption('Y');
  await page.getByLabel('POA for E11.9').selectOption('Y');
  await expect(page.getByRole('heading', { name: 'Edits none' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`Chart ${CHART} submitted.`)).toBeVisible();

  // The submitted chart: read-only, with the way to correct it.
  await openFromQueue(page);
  await expect(page.getByText(/This chart is submitted \(v1\)/)).toBeVisible();
  await screens(page, 'submitted');

  await page.getByRole('button', { name: 'Reopen for correction…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reopen for correction' });
  await dialog.getByRole('button', { name: 'Reopen as v2' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose why the chart is reopened.');
  await dialog.getByLabel('Reason').selectOption({ label: 'Audit finding' });
  await dialog.getByLabel('Note (optional)').fill('Diabetes not supported by the record; hypertension missed');
  await screens(page, 'dialog');
  await dialog.getByRole('button', { name: 'Reopen as v2' }).click();
  await expect(dialog).toHaveCount(0);

  // v2: in progress, the header says why; v1 stays beside it, read-only.
  const header = page.locator('.chart-header');
  await expect(header).toContainText('In progress');
  await expect(header).toContainText('v2 (reopened: Audit finding)');
  await expect(search).toBeFocused();
  await page.getByRole('button', { name: 'Remove E11.9' }).click();
  await search.fill('i10');
  await expect(results.getByRole('option').first()).toContainText('I10');
  await page.keyboard.press('Enter');
  await page.getByLabel('POA for I10').selectOption('Y');
  const v1 = page.getByRole('region', { name: 'Submitted v1' });
  await expect(v1).toContainText('2 changes: 1 added, 1 removed');
  await expect(v1.getByRole('row', { name: /E11\.9/ })).toContainText('Removed');
  await expect(v1.getByRole('row', { name: /I10/ })).toContainText('Added');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await screens(page, 'v1-beside-v2');

  // Submit v2; the queue shows the version.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`Chart ${CHART} submitted as v2.`)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox').first().fill(CHART);
  const row = page.getByRole('row', { name: new RegExp(CHART) });
  await expect(row).toContainText('Submitted');
  await expect(row).toContainText('v2');
  await screens(page, 'queue');

  // The resubmitted chart still shows v1 beside v2.
  await row.click();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/This chart is submitted \(v2\)/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Submitted v1' })).toContainText('2 changes');

  // Both submits and the reopen are on the audit trail, each with its version.
  expect(await trailOf(host.home, CHART)).toEqual([
    { action: 'chart.submit', detail: { version: 1, acknowledgedWarnings: [] } },
    { action: 'chart.reopen', detail: { reason: 'audit_finding', fromVersion: 1, version: 2 } },
    { action: 'chart.submit', detail: { version: 2, acknowledgedWarnings: [] } },
  ]);
  expect(pageErrors).toEqual([]);
});
