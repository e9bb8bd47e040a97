/**
 * Item 6 (accounts): everything the CLI alone could do with profiles and the workspace, now
 * on screens: Settings (idle lock, backup), the lock screen's recovery (with the throttle's
 * wait), adding a second profile and unlocking it, restoring a backup.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { PASSPHRASE, createProfileWithDemo, screenshotsAtSizes } from './steps';

const LEE_PASSPHRASE = 'violet canyon ledger moss';
const LEE_NEW_PASSPHRASE = 'amber tunnel falcon quarry';

let host: RunningHost;
let backupDir: string;

test.beforeAll(async () => {
  host = await startHost();
  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-usb-'));
});
test.afterAll(async () => {
  await host.stop();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

const shots = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `day-accounts-${what}`);

const lockedHeading = (page: Page) => page.getByRole('heading', { name: 'CodeDesk is locked' });

test('profiles, idle lock, recovery, backup and restore from the screens', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();

  // Settings → Back up workspace: a full path, and the result says where, how large, when.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByLabel('Idle minutes before CodeDesk locks')).toHaveValue('15');
  const backup = path.join(backupDir, 'dana-backup.db');
  await settings.getByLabel('New backup file (full path)').fill('dana-backup.db');
  await settings.getByRole('button', { name: 'Back up' }).click();
  await expect(settings.getByRole('alert')).toContainText('full path');
  await settings.getByLabel('New backup file (full path)').fill(backup);
  await settings.getByRole('button', { name: 'Back up' }).click();
  await expect(settings.getByLabel('Backup result')).toContainText(backup);
  expect(fs.statSync(backup).size).toBeGreaterThan(0);

  // Idle lock: 1 minute, saved at once; then nobody touches anything and it locks.
  await settings.getByLabel('Idle minutes before CodeDesk locks').fill('1');
  await settings.getByRole('region', { name: 'Automatic lock' }).getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status').first()).toHaveText('Saved: CodeDesk now locks after 1 idle minute.');
  await shots(page, 'settings');
  await page.keyboard.press('Escape');
  await expect(lockedHeading(page)).toBeVisible({ timeout: 90_000 });
  await shots(page, 'lock');

  // Back in, and some work the restore will give up (a chart opened).
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('row', { name: /IP-260102/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: /^Chart IP-260102/ })).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(lockedHeading(page)).toBeVisible();

  // Add a second profile from the lock screen: a coder needs nobody's approval.
  await page.getByRole('button', { name: 'Add a profile' }).click();
  await expect(page.getByRole('heading', { name: 'Add a profile' })).toBeVisible();
  await page.getByLabel('Display name').fill('Lee Coder');
  await page.getByLabel('Passphrase', { exact: true }).fill(LEE_PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(LEE_PASSPHRASE);
  await shots(page, 'add-profile');
  await page.getByRole('button', { name: 'Add profile' }).click();
  const leeKey = (await page.getByRole('status', { name: 'Recovery key' }).textContent())?.trim() ?? '';
  expect(leeKey.length).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByText('Lee Coder · Coder')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load demo workspace' })).toBeVisible(); // Lee's own, empty workspace

  // The lock screen lists both profiles; Lee unlocks with Lee's passphrase.
  await page.keyboard.press('Control+Shift+L');
  await page.getByRole('button', { name: 'Use another profile' }).click();
  await expect(page.getByLabel('Profile').locator('option')).toHaveText(['Dana Coder (Coder)', 'Lee Coder (Coder)']);
  await page.getByLabel('Profile').selectOption({ label: 'Lee Coder (Coder)' });
  await page.getByLabel('Passphrase').fill(LEE_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Lee Coder · Coder')).toBeVisible();

  // Lee forgets the passphrase: the throttle's wait, then the recovery key from the lock screen.
  await page.keyboard.press('Control+Shift+L');
  await expect(lockedHeading(page)).toBeVisible();
  // Three free tries, then waits of 1, 2, 4… s: a quick wrong try soon lands inside one.
  for (let i = 0; i < 8; i++) {
    await page.getByLabel('Passphrase').fill(`not my passphrase ${i}`);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByLabel('Passphrase')).toHaveValue('');
    if (/Try again in/.test((await page.getByRole('alert').textContent()) ?? '')) break;
  }
  await expect(page.getByRole('alert')).toContainText(/^Too many wrong passphrases\. Try again in \d+ seconds?\.$/);
  await shots(page, 'lock-throttled');
  await page.getByRole('button', { name: 'Forgot your passphrase? Use your recovery key' }).click();
  await page.getByRole('textbox', { name: 'Recovery key', exact: true }).fill(leeKey);
  await page.getByLabel('New passphrase', { exact: true }).fill(LEE_NEW_PASSPHRASE);
  await page.getByLabel('Confirm new passphrase').fill(LEE_NEW_PASSPHRASE);
  await shots(page, 'recover');
  await page.getByRole('button', { name: 'Set new passphrase' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByText('Lee Coder · Coder')).toBeVisible();

  // Restore Dana's backup from the lock screen (the passphrase is asked again).
  await page.keyboard.press('Control+Shift+L');
  await page.getByRole('button', { name: 'Use another profile' }).click();
  await page.getByLabel('Profile').selectOption({ label: 'Dana Coder (Coder)' });
  await page.getByRole('button', { name: 'Restore a backup' }).click();
  await expect(page.getByText('For Dana Coder.', { exact: false })).toBeVisible();
  await page.getByLabel('Backup file (full path)').fill(backup);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await shots(page, 'restore');
  await page.getByRole('button', { name: 'Restore' }).click();
  const restored = page.getByLabel('Restore result');
  await expect(restored).toContainText(backup);
  await expect(restored).toContainText(/entries recorded after the backup are given up/);
  await shots(page, 'restore-done');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Dana Coder · Coder')).toBeVisible();
  await expect(page.getByText('44 charts')).toBeVisible();
});

test('an auditor profile is added with a supervisor’s approval', async ({ page }) => {
  const own = await startHost();
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(own.url);
    await page.getByLabel('Display name').fill('Sam Supervisor');
    await page.getByLabel('Role').selectOption({ label: 'Supervisor' });
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    await page.getByLabel('Display name').fill('Ann Auditor');
    await page.getByLabel('Role').selectOption({ label: 'Auditor' });
    await page.getByLabel('Passphrase', { exact: true }).fill(LEE_PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(LEE_PASSPHRASE);
    await page.getByLabel('Supervisor’s passphrase').fill('not the supervisor passphrase');
    await page.getByRole('button', { name: 'Add profile' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong passphrase for the approving supervisor.');
    await page.getByLabel('Supervisor’s passphrase').fill(PASSPHRASE);
    await shots(page, 'add-profile-approval');
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect(page.getByText('Ann Auditor · Auditor')).toBeVisible();
  } finally {
    await own.stop();
  }
});
