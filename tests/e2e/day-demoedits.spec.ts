/**
 * Issue 11, item 8: the demo applies the same edits as the official files. On the demo
 * workspace, POA 1 on an exempt code and the LT modifier are accepted, a maternity code on the
 * 67-year-old man is flagged with its MCE source, and an edit the demo cannot run (NCCI PTP) is
 * named. Screenshots of the findings at three sizes.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { createProfileWithDemo, screenshotsAtSizes } from './steps';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

// The findings are what these screens are about: bring them into view at each size.
const shots = (page: Page, what: string): Promise<void> =>
  screenshotsAtSizes(page, `day-demoedits-${what}`, () => page.getByRole('region', { name: /^Edits/ }).scrollIntoViewIfNeeded());

async function openChart(page: Page, id: string): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('grid', { name: 'Chart queue' })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type(id);
  await expect(page.getByText('1 chart', { exact: true })).toBeVisible();
  await page.getByRole('row', { name: new RegExp(id) }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: `Chart ${id}` })).toBeVisible();
}

async function addCode(page: Page, code: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search codes' }).fill(code);
  await expect(page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText(code);
  await page.keyboard.press('Enter');
}

test('demo edits: POA 1 on an exempt code and LT accepted, maternity on a 67-year-old man flagged, PTP named as not run', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByRole('grid', { name: 'Chart queue' })).toBeVisible();

  // IP-260101: the 67-year-old man. Sepsis, insulin use (POA-exempt: 1), and a maternity code.
  await page.keyboard.press('/');
  await page.keyboard.type('IP-260101');
  await page.getByRole('row', { name: /IP-260101/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Chart IP-260101' })).toBeVisible();
  await addCode(page, 'A41.51');
  await addCode(page, 'Z79.4');
  await addCode(page, 'O24.420');
  await page.getByLabel('POA for A41.51').selectOption('Y');
  await page.getByLabel('POA for Z79.4').selectOption('1');
  await page.getByLabel('POA for O24.420').selectOption('Y');
  const findings = page.getByRole('region', { name: /^Edits/ });
  await expect(findings.getByText('O24.420 is a maternity (age 9 to 64) diagnosis; the patient is 67.')).toBeVisible();
  await expect(findings.getByText(/MCE v43\.1, demo subset/)).toBeVisible();
  // POA 1 on the exempt code is accepted: no finding names Z79.4.
  await expect(findings.getByText(/Z79\.4/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Edits 1 error, 0 warnings' })).toBeVisible();
  await shots(page, 'inpatient-findings');

  // OS-260202: cataract surgery on the left eye. LT is accepted; PTP cannot run and says so.
  await openChart(page, 'OS-260202');
  await addCode(page, 'H25.13');
  await addCode(page, '66984');
  const modifiers = page.getByRole('textbox', { name: 'Modifiers for 66984' });
  await modifiers.fill('LT');
  await modifiers.press('Enter');
  await addCode(page, '99213');
  await expect(findings.getByText(/Modifier LT/)).toHaveCount(0);
  await expect(findings.getByText('Not run: NCCI PTP (outpatient hospital) edits (no table imported). Import the official files to run them.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Edits none · 1 not run' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Not checked' })).toBeVisible();
  await shots(page, 'outpatient-findings');
  expect(pageErrors).toEqual([]);
});
