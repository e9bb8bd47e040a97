/**
 * Issue 12, coded work out: a demo chart coded and submitted, then the Export screen writes it
 * as an encrypted FHIR R4 Claim bundle and as a plain CSV (after the plain confirmation).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { createProfileWithDemo, screenshotsAtSizes } from './steps';

const CHART = 'IP-260102';
const EXPORT_PASSPHRASE = 'vellum otter quarry lantern';
let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const screens = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `io-export-${what}`);

async function codeAndSubmit(page: Page): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type(CHART);
  await page.getByRole('row', { name: new RegExp(CHART) }).click();
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: 'Search codes' });
  const results = page.getByRole('listbox', { name: 'Code results' });
  for (const code of ['I21.4', 'E11.9']) {
    await search.fill(code.toLowerCase());
    await expect(results.getByRole('option').first()).toContainText(code);
    await page.keyboard.press('Enter');
    await page.getByLabel(`POA for ${code}`).selectOption('Y');
  }
  await expect(page.getByRole('heading', { name: 'Edits none' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`Chart ${CHART} submitted.`)).toBeVisible();
}

test('a submitted demo chart exported as an encrypted FHIR bundle and a plain CSV', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();
  await codeAndSubmit(page);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const table = page.getByRole('table', { name: 'Submitted charts to export' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(CHART);
  await expect(page.getByText('1 claim', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Preview of one record')).toContainText('"resourceType": "Claim"');
  await screens(page, 'screen');

  // FHIR, encrypted with an export passphrase.
  const dir = fs.mkdtempSync(path.join(host.home, 'exports-'));
  const fhirFile = path.join(dir, 'claims.json.cdx');
  await page.getByLabel('New file (full path)').fill(fhirFile);
  await page.getByLabel('Export passphrase').fill(EXPORT_PASSPHRASE);
  await page.getByLabel('Again').fill(EXPORT_PASSPHRASE);
  await page.getByRole('button', { name: 'Write FHIR file' }).click();
  await expect(page.getByText(/Wrote 1 chart \(\d+ codes, .*\) to .*claims\.json\.cdx, encrypted\./)).toBeVisible();
  expect(fs.readFileSync(fhirFile).subarray(0, 8).toString('ascii')).toBe('CDEXPORT');
  await screens(page, 'fhir-written');

  // CSV, plain after the confirmation.
  await page.getByRole('radio', { name: /CSV/ }).check();
  await expect(page.getByLabel('Preview of one record')).toContainText('chart_id,version');
  await page.getByRole('button', { name: 'Write a plain file instead…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Write a plain file?' });
  await expect(confirm).toContainText('Anyone who has the file can read it');
  await screens(page, 'plain-confirm');
  await confirm.getByRole('button', { name: 'Write plain files' }).click();
  await expect(page.getByRole('note')).toContainText('Plain file: anyone who has it can read');
  const csvFile = path.join(dir, 'codes.csv');
  await page.getByLabel('New file (full path)').fill(csvFile);
  await page.getByRole('button', { name: 'Write CSV file' }).click();
  await expect(page.getByText(/to .*codes\.csv, plain: anyone who has the file can read it\./)).toBeVisible();
  const csv = fs.readFileSync(csvFile, 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^chart_id,version,submitted_at,coder,setting,code_system,code,sequence,role,poa,/);
  expect(csv[1]).toMatch(new RegExp(`^${CHART},1,.*,inpatient,icd10cm,I21.4,1,principal,Y,`));
  await screens(page, 'csv-written');
  expect(pageErrors).toEqual([]);
});
