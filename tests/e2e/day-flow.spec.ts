/**
 * The coder's flow at 1366×768 (issue 11, items 2, 3 and 7): Next follows the queue's sort and
 * filter and says when the list ends; nothing of the last chart stays on the next; Enter in
 * the queue search opens a single match; the PCS builder closes after adding and Alt+D works
 * again; POA keys on the focused diagnosis. Screens at 1366×768, 1600×1000 and 1920×1080.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, startHost, type RunningHost } from './host';
import { PASSPHRASE, createProfileWithDemo, screenshotsAtSizes } from './steps';

const CODESETS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets');
let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const screens = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `day-flow-${what}`);

const queueGrid = (page: Page) => page.getByRole('grid', { name: 'Chart queue' });
const chartMain = (page: Page, id: string) => page.getByRole('main', { name: `Chart ${id}` });

async function openRow(page: Page, id: string): Promise<void> {
  await queueGrid(page).getByRole('row', { name: new RegExp(id) }).dblclick();
  await expect(chartMain(page, id)).toBeVisible();
}

test.use({ viewport: { width: 1366, height: 768 } });

test('next follows the sorted, filtered queue; a new chart starts clean; POA keys; Enter in search', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();

  // The demo's own order (priority, then chart id): after IP-260101 comes IP-260106.
  await openRow(page, 'IP-260101');
  await page.keyboard.press('Alt+n');
  await expect(chartMain(page, 'IP-260106')).toBeVisible();
  await page.keyboard.press('Escape');

  // Sort by payer, inpatient only: Medicare's last (IP-260113) is followed by Self-pay IP-260110.
  await page.getByRole('combobox', { name: 'Setting' }).selectOption('inpatient');
  await expect(page.getByText('14 charts')).toBeVisible();
  await queueGrid(page).getByRole('button', { name: /Payer/ }).click();
  await expect(queueGrid(page).getByRole('row').nth(1)).toContainText('IP-260107');
  await screens(page, 'queue-sorted');
  await openRow(page, 'IP-260113');

  // The code detail shows a code of this chart…
  const box = page.getByRole('combobox', { name: 'Search codes' });
  const detail = page.getByRole('complementary', { name: 'Code detail' });
  await box.fill('e11.9');
  await expect(detail.getByText('E11.9', { exact: true }).first()).toBeVisible();
  // …and "Added X." lasts only while X is coded.
  await box.press('Enter');
  const pickerStatus = page.getByRole('region', { name: 'Add codes' }).getByRole('status');
  await expect(pickerStatus).toHaveText('Added E11.9.');
  await page.getByRole('button', { name: 'Remove E11.9' }).click();
  await expect(pickerStatus).toHaveText('');
  await box.fill('e11.9');
  await expect(page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText('E11.9');
  await box.press('Enter');

  // POA from the keyboard on the focused diagnosis.
  const dx = page.getByRole('button', { name: 'Show E11.9 details' });
  await dx.focus();
  await page.keyboard.press('w');
  await expect(page.getByRole('combobox', { name: 'POA for E11.9' })).toHaveValue('W');
  await page.keyboard.press('1');
  await expect(page.getByRole('combobox', { name: 'POA for E11.9' })).toHaveValue('1');
  await screens(page, 'chart-coded');

  // Next: the following row of the sorted, filtered queue, with an empty detail pane.
  await page.keyboard.press('Alt+n');
  await expect(chartMain(page, 'IP-260110')).toBeVisible();
  await expect(detail.getByText('Highlight a search result or a coded code to see its notes.')).toBeVisible();
  await expect(pickerStatus).toHaveText('');
  await screens(page, 'chart-next');

  // The last row: no wrap, the queue says so.
  await page.keyboard.press('Escape');
  await openRow(page, 'IP-260108');
  await page.keyboard.press('Alt+n');
  await expect(page.getByText('End of the queue: no more charts after IP-260108 in its current sort and filter.')).toBeVisible();
  await screens(page, 'queue-end');

  // Enter in the search opens the one match.
  await page.keyboard.press('/');
  await page.keyboard.type('IP-260106');
  await page.keyboard.press('Enter');
  await expect(chartMain(page, 'IP-260106')).toBeVisible();

  // The shortcut help lists the POA keys (the chart opened with focus in the code search).
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByText('Y / N / U / W / 1')).toBeVisible();
  await screens(page, 'help');
  await page.keyboard.press('Escape');
  expect(pageErrors).toEqual([]);
});

test('the PCS builder closes after adding its code, and Alt+D opens the tables next', async ({ page }) => {
  test.setTimeout(300_000); // the official PCS files are imported first
  if (!fs.existsSync(CODESETS)) throw new Error(`the official code-set files are missing: ${CODESETS}`);
  await page.goto(host.url);
  const create = page.getByRole('heading', { name: 'Create your profile' });
  const unlock = page.getByRole('button', { name: 'Unlock' });
  await expect(create.or(unlock).or(queueGrid(page))).toBeVisible();
  if (await create.isVisible()) await createProfileWithDemo(page);
  await expect(unlock.or(queueGrid(page))).toBeVisible();
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'bin', 'codedesk.mjs'),
      '--home',
      host.home,
      'codes',
      'import',
      ...['icd10pcs/icd10pcs_order_2026.txt', 'icd10pcs/icd10pcs_tables_2026.xml'].map((f) => path.join(CODESETS, f)),
    ],
    { cwd: REPO_ROOT, env: { ...process.env, CODEDESK_LOG: 'silent' }, stdio: 'pipe' },
  );
  await page.reload();
  if (await unlock.isVisible()) {
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await unlock.click();
  }
  await expect(queueGrid(page)).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('IP-260103');
  await page.keyboard.press('Enter');
  await expect(chartMain(page, 'IP-260103')).toBeVisible();

  await page.keyboard.press('Alt+p');
  const builder = page.getByRole('dialog', { name: 'ICD-10-PCS builder' });
  for (const [i, c] of [...'0DTJ4ZZ'].entries()) {
    await page.keyboard.press(c);
    await expect(builder.getByLabel(`Code so far: ${'0DTJ4ZZ'.slice(0, i + 1)}`)).toBeVisible();
  }
  await screens(page, 'pcs-finished');
  await page.keyboard.press('Enter');
  await expect(builder).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Add codes' }).getByRole('status')).toHaveText('Added 0DTJ4ZZ.');
  await expect(page.getByRole('region', { name: 'Coding' }).getByText('0DTJ4ZZ').first()).toBeVisible();
  await screens(page, 'pcs-added');
  await page.keyboard.press('Alt+d');
  await expect(page.getByRole('dialog', { name: 'Neoplasm and Drug tables' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(chartMain(page, 'IP-260103')).toBeVisible();
});
