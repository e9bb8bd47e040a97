/**
 * Issue 12, items 1, 4 and 7 (display, import): the Import charts screen imports a small
 * hand-written FHIR bundle (tests/fixtures/interchange/tiny-bundle.json: one inpatient and one
 * ambulatory encounter), the summary counts them, a second import changes nothing, and the
 * imported inpatient chart shows its facility, attending, location and the source's hints.
 * The first walk needs the FHIR reader (written beside this ingest): it passes once that is merged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, startHost, type RunningHost } from './host';
import { createProfileWithDemo, screenshot, screenshotsAtSizes } from './steps';

const TINY_BUNDLE = path.join(REPO_ROOT, 'tests', 'fixtures', 'interchange', 'tiny-bundle.json');
let host: RunningHost;

test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const shootAllSizes = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `io-ingest-${what}`);

async function openImportScreen(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Import charts' }).click();
  return page.getByRole('main', { name: 'Import charts' });
}

test('import a FHIR bundle from the Import charts screen, again without change, then read the imported chart', async ({ page }) => {
  const screen = await openImportScreen(page);
  await shootAllSizes(page, 'empty');
  await screen.getByLabel('Exports to import').fill(TINY_BUNDLE);
  await screen.getByRole('button', { name: 'Import' }).click();
  const summary = screen.getByRole('region', { name: 'Import summary' });
  await expect(summary.getByRole('status')).toHaveText('Import finished: 2 charts created, 0 updated, 0 unchanged; 0 refused.');
  await shootAllSizes(page, 'summary');

  await screen.getByRole('button', { name: 'Import' }).click();
  await expect(summary.getByRole('status')).toHaveText('Import finished: 0 charts created, 0 updated, 2 unchanged; 0 refused.');
  await screenshot(page, 'io-ingest-again-1366x768');

  await screen.getByRole('button', { name: 'Back to queue' }).click();
  await expect(page.getByText('46 charts')).toBeVisible();
  // The bundle's encounters (March and April 2026) come before every demo chart (July to September) by admit date.
  const queue = page.getByRole('grid', { name: 'Chart queue' });
  await queue.getByRole('button', { name: /Admit/ }).click();
  const imported = queue.getByRole('row', { name: /2026-03-01/ }).first();
  await expect(imported).toContainText('Inpatient');
  await imported.click();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Riverside General Hospital')).toBeVisible();
  const hints = page.getByRole('region', { name: 'From the source system' });
  await expect(hints).toContainText('Not codes — for reference');
  await expect(hints).toContainText('Diabetes mellitus type 2');
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('History');
  await shootAllSizes(page, 'chart');
});

test('a path that is no FHIR or HL7 v2 export is refused by name and nothing is imported', async ({ page }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-e2e-ingest-'));
  try {
    const file = path.join(folder, 'roster.csv');
    fs.writeFileSync(file, 'id,name\n1,nobody\n');
    const screen = await openImportScreen(page);
    await screen.getByLabel('Exports to import').fill(file);
    await screen.getByRole('button', { name: 'Import' }).click();
    await expect(screen.getByRole('alert')).toContainText('roster.csv is not a FHIR or HL7 v2 export: it is neither JSON nor HL7 v2 (no MSH segment).');
    await shootAllSizes(page, 'refused');
    await screen.getByRole('button', { name: 'Back to queue' }).click();
    await expect(page.getByText('44 charts')).toBeVisible();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
