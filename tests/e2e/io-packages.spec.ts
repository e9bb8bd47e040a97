/**
 * Work packages in the browser host, two profiles on one computer: the lead (supervisor, demo
 * charts) packages two charts for Dana; Dana opens it and returns a
 * result; the lead applies it. Screenshots of each step at 1366×768 and 1600×1000.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { PASSPHRASE, screenshot } from './steps';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

async function shots(page: Page, what: string): Promise<void> {
  for (const [width, height] of [[1366, 768], [1600, 1000]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `io-packages-${what}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function create(page: Page, name: string, role: 'supervisor' | 'coder', button = 'Create profile'): Promise<void> {
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Role').selectOption(role);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: 'I have saved it' }).click();
}

async function lock(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'CodeDesk is locked' })).toBeVisible();
}

async function unlockAs(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Use another profile' }).click();
  await page.getByLabel('Profile').selectOption({ label });
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Packages' }).click();
  await expect(page.getByRole('main', { name: 'Packages' })).toBeVisible();
}

test('package → open as the other profile → result → apply', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await create(page, 'Lee Lead', 'supervisor');
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await expect(page.getByText('44 charts')).toBeVisible();
  await lock(page);
  await page.getByRole('button', { name: 'Add a profile' }).click();
  await create(page, 'Dana Coder', 'coder', 'Add profile');
  await lock(page);

  const work = path.join(host.home, 'work.cdpkg');
  const result = path.join(host.home, 'result.cdpkg');
  await unlockAs(page, 'Lee Lead (Supervisor)');
  const make = page.getByRole('region', { name: 'Make a work package' });
  await make.getByLabel('For').selectOption({ label: 'Dana Coder (Coder)' });
  await make.getByLabel('Chart ids (comma separated; empty: by status)').fill('IP-260102, ED-260301');
  await make.getByLabel('Package file to write (full path)').fill(work);
  await make.getByRole('button', { name: 'Make package' }).click();
  await expect(make.getByRole('status')).toContainText('Package for Dana Coder: 2 charts');
  await shots(page, 'make');
  await lock(page);

  await unlockAs(page, 'Dana Coder (Coder)');
  const open = page.getByRole('region', { name: 'Open a work package' });
  await open.getByLabel('Package file (full path)').fill(work);
  await open.getByRole('button', { name: 'Open package' }).click();
  await expect(open.getByRole('status')).toContainText('Opened 2 charts from Lee Lead.');
  await shots(page, 'open');
  await page.getByRole('button', { name: 'Back to queue' }).click();
  await expect(page.getByText('2 charts')).toBeVisible();
  await shots(page, 'coder-queue');

  await page.getByRole('button', { name: 'Packages' }).click();
  const back = page.getByRole('region', { name: 'Return results' });
  await back.getByLabel('Back to').selectOption({ label: 'Lee Lead (Supervisor)' });
  await back.getByLabel('Result file to write (full path)').fill(result);
  await back.getByRole('button', { name: 'Make result package' }).click();
  await expect(back.getByRole('status')).toContainText('Result package number 1: 2 charts');
  await shots(page, 'result');
  await lock(page);

  await unlockAs(page, 'Lee Lead (Supervisor)');
  const apply = page.getByRole('region', { name: 'Apply a result package' });
  await apply.getByLabel('Result file (full path)').fill(result);
  await apply.getByRole('button', { name: 'Apply result' }).click();
  await expect(apply.getByRole('status')).toContainText('Applied result number 1');
  await apply.getByRole('button', { name: 'Apply result' }).click();
  await expect(apply.getByRole('status')).toContainText('applied before: nothing changed');
  await shots(page, 'apply');
  expect(errors).toEqual([]);
});
