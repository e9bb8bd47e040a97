/**
 * The supervisor's productivity walk in the browser host, over a team's fortnight made through
 * the real API (seed-team.ts): the figures and their definitions, the plots, the table, and the
 * CSV and XLSX exports (the XLSX read back by an independent reader). A coder sees their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { startHost, type RunningHost } from './host';
import { screenshotsAtSizes, seedHome, unlockAs } from './steps';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
  seedHome('seed-team.ts', host.home);
});
test.afterAll(async () => {
  await host.stop();
});

test('a supervisor reads the team’s figures and plots, and exports CSV and XLSX', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await unlockAs(page, 'Lee Lead (Supervisor)', 'Productivity');
  const screen = page.getByRole('main', { name: 'Productivity' });
  await expect(screen.getByRole('heading', { name: 'Team productivity' })).toBeVisible();
  const cards = screen.getByRole('list', { name: 'Figures for the period' });
  await expect(cards.locator('.metric-value').first()).toHaveText(/^[1-9]\d*$/);

  // Three plots, drawn (bars and lines in the SVG), each captioned.
  for (const caption of ['Charts submitted per day, by setting', 'Pace per day', 'Backlog not final coded']) {
    await expect(screen.locator('figcaption', { hasText: caption })).toBeVisible();
  }
  await expect(screen.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(screen.locator('.recharts-line-curve').first()).toBeVisible();

  // The table: one row per coder, sortable.
  const table = screen.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(4);
  await table.getByRole('button', { name: /Submitted/ }).click();
  await expect(table.getByRole('columnheader', { name: /Submitted/ })).toHaveAttribute('aria-sort', /ascending|descending/);
  await screenshotsAtSizes(page, 'team-productivity');

  // A definition one hover away.
  await cards.locator('.metric-label', { hasText: 'Charts per active hour' }).hover();
  await expect(cards.getByRole('tooltip').filter({ hasText: 'Charts submitted ÷ (active minutes' })).toBeVisible();
  await screenshotsAtSizes(page, 'team-productivity-definition', () => cards.locator('.metric-label', { hasText: 'Charts per active hour' }).hover());

  // Rows by coder and day; then the exports.
  await screen.getByLabel('Rows').selectOption('coder-day');
  await expect(screen.getByRole('heading', { name: 'Figures by coder × day' })).toBeVisible();
  const xlsx = path.join(host.home, 'team.xlsx');
  await screen.getByLabel('New file (full path)').fill(xlsx);
  await screen.getByRole('button', { name: 'Export XLSX' }).click();
  await expect(screen.getByRole('status').filter({ hasText: 'as XLSX' })).toBeVisible();
  const sheets = await readXlsxFile(fs.readFileSync(xlsx));
  expect(sheets.map((s) => s.sheet)).toContain('Definitions');
  const coders = sheets.find((s) => s.sheet === 'Coders')!.data;
  expect(coders.slice(1).map((r) => r[1]).sort()).toEqual(['Dana Coder', 'Mei Coder', 'Ravi Coder']);
  expect(typeof coders[1]![2]).toBe('number');
  const csv = path.join(host.home, 'team.csv');
  await screen.getByLabel('New file (full path)').fill(csv);
  await screen.getByRole('button', { name: 'Export CSV' }).click();
  await expect(screen.getByRole('status').filter({ hasText: 'as CSV' })).toBeVisible();
  expect(fs.readFileSync(csv, 'utf8').split('\r\n')[0]).toMatch(/^day,coder_id,coder,charts_submitted,inpatient,/);
  await screen.getByLabel('New file (full path)').fill('/sys/codedesk.csv');
  await screen.getByRole('button', { name: 'Export CSV' }).click();
  await expect(screen.getByText(/may not write in that folder/)).toBeVisible();
  await screenshotsAtSizes(page, 'team-productivity-export');

  // The supervisor doubles the inpatient weight: weighted units are recomputed on screen.
  const units = cards.locator('.metric-card').filter({ has: page.locator('.metric-label', { hasText: /^Weighted units/ }) }).locator('.metric-value');
  const figure = async () => Number((await units.textContent())!.replace(/,/g, ''));
  const before = await figure();
  const weights = screen.getByRole('region', { name: 'Unit weights' });
  await weights.getByLabel('Inpatient').fill('2');
  await weights.getByRole('button', { name: 'Save weights' }).click();
  await expect(weights.getByRole('status')).toHaveText('Saved: weighted units now use these weights.');
  await expect.poll(figure).toBeGreaterThan(before);
  await screenshotsAtSizes(page, 'team-productivity-weights', () => weights.scrollIntoViewIfNeeded());
  expect(errors).toEqual([]);
});

test('a coder sees their own figures, with no export', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await unlockAs(page, 'Dana Coder (Coder)', 'Productivity');
  const screen = page.getByRole('main', { name: 'Productivity' });
  await expect(screen.getByRole('heading', { name: 'My productivity' })).toBeVisible();
  await expect(screen.getByText('These are your figures exactly as your supervisor sees them.')).toBeVisible();
  await expect(screen.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(screen.getByRole('button', { name: 'Export XLSX' })).toHaveCount(0);
  await expect(screen.getByRole('region', { name: 'Unit weights' }).getByLabel('Inpatient')).not.toBeEditable();
  await screenshotsAtSizes(page, 'my-productivity');
});
