/**
 * Item 6 (imports) and item 11 of issue 11: the Code sets screen imports a folder of official
 * files (here the ICD-10-CM order file and two files it skips, linked from ../shared) with a
 * progress bar and a summary that names every file; a search right after finds the new codes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, startHost, type RunningHost } from './host';
import { createProfileWithDemo, screenshot, screenshotsAtSizes } from './steps';

const CODESETS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets');
let host: RunningHost;
let folder: string;

test.beforeAll(async () => {
  host = await startHost();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-e2e-downloads-'));
  for (const file of ['icd10cm/icd10cm_order_2026.txt', 'icd10cm/ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx', 'poa/ReadMePOAexemptFY26.txt']) {
    fs.symlinkSync(path.join(CODESETS, file), path.join(folder, path.basename(file)));
  }
});
test.afterAll(async () => {
  await host.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

const shootAllSizes = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `day-importscreen-${what}`);

test('import a folder from the Code sets screen, see progress and the summary, then search the new codes', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Code sets' }).click();
  const screen = page.getByRole('main', { name: 'Code sets' });
  const installed = screen.getByRole('table', { name: 'Installed code sets' });
  await expect(installed.getByRole('row', { name: /^ICD-10-CM/ })).toContainText('Demo subset');
  await shootAllSizes(page, 'before');

  await screen.getByLabel('Folders or files to import').fill(folder);
  await screen.getByRole('button', { name: 'Import' }).click();
  await expect(screen.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect(screen.getByText(/^File 1 of 1 · icd10cm_order_2026\.txt$/)).toBeVisible();
  await screenshot(page, 'day-importscreen-progress-1366x768');

  const summary = screen.getByRole('region', { name: 'Import summary' });
  await expect(summary.getByRole('status')).toHaveText(/^Import finished: 1 file imported, 2 files skipped, in [\d.]+ s\.$/, { timeout: 90_000 });
  await expect(summary.getByRole('table', { name: 'Imported files' })).toContainText('ICD-10-CM FY2026 order file');
  const skipped = summary.getByRole('table', { name: 'Skipped files' });
  await expect(skipped.getByRole('row', { name: /CONVERSION-TABLE/ })).toContainText('the ICD-10-CM conversion table is not imported');
  await expect(skipped.getByRole('row', { name: /ReadMePOAexemptFY26/ })).toContainText('a read-me, not a code-set file');
  await expect(installed.getByRole('row', { name: /^ICD-10-CM/ })).toContainText('ICD-10-CM FY2026 order file');
  await shootAllSizes(page, 'summary');

  // Right after: a search in a chart finds codes only the official file has (the demo has no cholera).
  await screen.getByRole('button', { name: 'Back to queue' }).click();
  await page.getByRole('row', { name: /IP-260102/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Chart IP-260102' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('cholera');
  await expect(page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText('A00');
  await screenshot(page, 'day-importscreen-search-after-1366x768');
});
