/**
 * Layout and text (issue 11, items 9 and 12): the empty queue's footer, the hint line, the demo
 * badge, one-line diagnosis rows with a readable POA, 15 diagnoses and the findings on one
 * screen at 1600×1000, resizable panes and a collapsible code detail remembered per user.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT, startHost, type RunningHost } from './host';
import { PASSPHRASE, SCREEN_SIZES, screenshot, screenshotsAtSizes, type ScreenSize } from './steps';

// 15 billable codes of the demo subset; I10 beside I13.0 gives the findings something to say.
const DIAGNOSES = ['I21.4', 'I13.0', 'N18.30', 'E11.22', 'I48.0', 'J44.9', 'F03.B0', 'N17.9', 'E78.5', 'K21.9', 'E66.9', 'Z79.4', 'Z87.891', 'Z92.82', 'I10'];

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const atEachSize = (page: Page, what: string, check?: (size: ScreenSize) => Promise<void>): Promise<void> =>
  screenshotsAtSizes(page, `day-layout-${what}`, check);

/** The footer of shortcuts sits on the window's bottom edge and shows every item whole. */
async function expectHintLineWhole(page: Page, height: number): Promise<void> {
  const footer = page.locator('footer.hint-line');
  const box = (await footer.boundingBox())!;
  expect(Math.round(box.y + box.height)).toBe(height);
  let clipped = 0;
  for (const hint of await footer.locator('.hint').all()) {
    const item = (await hint.boundingBox())!;
    if (item.x + item.width > box.x + box.width + 0.5 || item.y + item.height > box.y + box.height + 0.5) clipped++;
  }
  expect(clipped).toBe(0);
}

/** Synthetic FY2027 ICD-10-CM and ICD-10-PCS order files (unverified), imported with the CLI. */
function importIcd10(home: string): void {
  const line = (i: number, code: string, flag: 0 | 1, title: string) =>
    `${String(i).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${title.slice(0, 60).padEnd(60)} ${title}\r\n`;
  const dir = fs.mkdtempSync(path.join(home, 'files-'));
  fs.writeFileSync(path.join(dir, 'icd10cm_order_2027.txt'), line(1, 'I10', 1, 'Essential (primary) hypertension'));
  fs.writeFileSync(
    path.join(dir, 'icd10pcs_order_2027.txt'),
    line(1, '027', 0, 'Dilation of Heart and Great Vessels') + line(2, '02703ZZ', 1, 'Dilation of Coronary Artery, One Artery, Percutaneous Approach'),
  );
  const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'codedesk.mjs'), 'codes', 'import', '--home', home, '--allow-unverified', dir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(cli.status, cli.stderr).toBe(0);
}

async function bottomOf(locator: Locator): Promise<number> {
  const box = (await locator.boundingBox())!;
  return box.y + box.height;
}

test('layout and text: empty queue, queue, a chart with 15 diagnoses, resizable panes', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize(SCREEN_SIZES[0]);
  await page.goto(host.url);
  await page.getByLabel('Display name').fill('Dana Coder');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('button', { name: 'I have saved it' }).click();

  // The empty queue: its footer is pinned to the bottom like the full queue's.
  await expect(page.getByText('Your queue is empty.')).toBeVisible();
  await atEachSize(page, 'empty-queue', (size) => expectHintLineWhole(page, size.height));

  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await expect(page.getByText('44 charts')).toBeVisible();
  // Only the demo subset is installed: the badge says so as a whole.
  await expect(page.getByRole('banner').getByText('Demo code subset')).toBeVisible();
  await atEachSize(page, 'queue', (size) => expectHintLineWhole(page, size.height));

  await page.keyboard.press('/');
  await page.keyboard.type('IP-260102');
  await expect(page.getByText('1 chart', { exact: true })).toBeVisible();
  await page.getByRole('row', { name: /IP-260102/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Chart IP-260102' })).toBeVisible();

  // The hint line keeps the acronym and fits at 1366 px.
  const hints = page.locator('footer.hint-line');
  await expect(hints).toContainText('Alt+P ICD-10-PCS builder');
  await expect(hints).not.toContainText('iCD');
  await expectHintLineWhole(page, 768);

  // Fifteen diagnoses, added from the keyboard.
  const search = page.getByRole('combobox', { name: 'Search codes' });
  const results = page.getByRole('listbox', { name: 'Code results' });
  for (const [i, code] of DIAGNOSES.entries()) {
    await page.keyboard.press('Control+k');
    await search.fill(code.toLowerCase());
    await expect(results.getByRole('option').first()).toContainText(code);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(i === 0 ? `Principal: ${code}` : `Secondary ${i}: ${code}`)).toBeVisible();
  }
  await search.fill('');

  // POA: the closed select shows the value, its options say what each means.
  const poa = page.getByLabel('POA for I21.4');
  await poa.selectOption('1');
  const principal = page.getByLabel('Principal: I21.4');
  await expect(principal.locator('.poa-shown')).toHaveText('1');
  await expect(poa).toHaveAttribute('title', 'POA 1 – Exempt from POA reporting');
  await poa.selectOption('Y');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Every diagnosis on one line, and all 15 with the findings inside the window at 1600×1000.
  await page.setViewportSize({ width: 1600, height: 1000 });
  const rows = page.getByRole('list', { name: /Diagnoses/ }).getByRole('listitem');
  await expect(rows).toHaveCount(15);
  for (const row of await rows.all()) expect((await row.boundingBox())!.height).toBeLessThan(34);
  const coding = page.getByRole('region', { name: 'Coding' });
  const codingBottom = await bottomOf(coding);
  // Not scrolled: the pane's top (Add codes) is in place.
  expect((await coding.getByRole('heading', { name: /Add codes/i }).boundingBox())!.y).toBeGreaterThanOrEqual((await coding.boundingBox())!.y);
  expect(await bottomOf(rows.last())).toBeLessThanOrEqual(codingBottom);
  const findings = page.getByRole('heading', { name: /^Edits/ });
  expect(await bottomOf(findings)).toBeLessThanOrEqual(codingBottom);
  const title = principal.locator('.code-title');
  await expect(title).toHaveAttribute('title', /myocardial infarction/i);
  await atEachSize(page, 'chart-15dx');

  // Resize the records from the keyboard; collapse the code detail with Alt+C.
  const splitter = page.getByRole('separator', { name: 'Resize records and coding' });
  await expect(splitter).toHaveAttribute('aria-valuenow', '48');
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', '44');
  await page.keyboard.press('Alt+c');
  await expect(page.getByRole('button', { name: 'Show code detail' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Code detail', exact: true })).toHaveCount(0);
  await atEachSize(page, 'chart-detail-hidden');

  // Remembered in the user's workspace: lock, unlock, and the layout comes back.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'CodeDesk is locked' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Show code detail' })).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Resize records and coding' })).toHaveAttribute('aria-valuenow', '44');
  await page.getByRole('button', { name: 'Show code detail' }).click();
  await expect(page.getByRole('complementary', { name: 'Code detail', exact: true })).toBeVisible();

  // Official ICD-10 files imported: the badge names the systems still on the demo subset.
  importIcd10(host.home);
  await page.keyboard.press('Control+Shift+L');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Demo: HCPCS, CPT')).toBeVisible();
  await expect(banner.getByText('Demo code subset')).toHaveCount(0);
  await atEachSize(page, 'badge-after-import');
  // A window under 1180 px puts the code detail under the coding pane.
  await page.setViewportSize({ width: 1100, height: 720 });
  await expect(page.getByRole('separator', { name: 'Resize coding and code detail' })).toBeHidden();
  await screenshot(page, 'day-layout-chart-narrow-1100x720');
  expect(pageErrors).toEqual([]);
});
