/**
 * A workspace whose audit trail was cut short while locked: unlocking shows what was found,
 * changes are refused, and recording the finding lets the coder go on.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, test } from '@playwright/test';
import { unlockProfile } from '../../src/main/services/users/profiles';
import { startHost, type RunningHost } from './host';
import { PASSPHRASE, createProfileWithDemo, screenshot } from './steps';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** Deletes the newest entries with the workspace key, as someone holding it could. */
async function cutTrail(home: string, entries: number): Promise<void> {
  const id = fs.readdirSync(path.join(home, 'profiles')).find((f) => !f.startsWith('.'))!;
  const { key } = await unlockProfile(home, id, PASSPHRASE);
  const db = new Database(path.join(home, 'profiles', id, 'workspace.db'));
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.exec('DROP TRIGGER audit_no_delete');
  db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?').run(entries);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  key.fill(0);
}

test('a trail cut short while locked: the notice, no changes, then the finding recorded', async ({ page }) => {
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();
  await page.getByRole('row', { name: /IP-260102/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: /^Chart IP-260102/ })).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'CodeDesk is locked' })).toBeVisible();

  await cutTrail(host.home, 2);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'does not match its seal' });
  await expect(banner).toContainText('The audit trail does not match its seal.');
  await expect(banner).toContainText(/ends at entry \d+ but was sealed at entry \d+/);
  for (const [width, height] of [[1366, 768], [1600, 1000]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `trail-banner-${width}`);
  }
  await page.getByRole('button', { name: 'Record the finding and continue' }).click();
  await expect(banner).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('row', { name: /IP-260103/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: /^Chart IP-260103/ })).toBeVisible();
});
