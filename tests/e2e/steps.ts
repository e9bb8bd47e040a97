/** Steps every end-to-end spec takes: the first profile with the demo loaded, and screenshots. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT } from './host';

export const PASSPHRASE = 'correct horse battery staple';
export const SCREENS = path.join(REPO_ROOT, 'test-results', 'screens');

/** On the "Create your profile" screen: makes Dana Coder and loads the demo workspace. */
export async function createProfileWithDemo(page: Page): Promise<void> {
  await page.getByLabel('Display name').fill('Dana Coder');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  const file = path.join(SCREENS, `${name}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

/** The sizes every screen is looked at: a laptop, a larger laptop, a desktop. The first is the walk's. */
export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
  { width: 1920, height: 1080 },
] as const;
export type ScreenSize = (typeof SCREEN_SIZES)[number];

/**
 * The screen as it is at each size, saved as `${name}-${width}x${height}`; `atSize` runs first at
 * each size (bring something into view, measure it). Back to 1366×768 after.
 */
export async function screenshotsAtSizes(page: Page, name: string, atSize?: (size: ScreenSize) => Promise<void>): Promise<void> {
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await atSize?.(size);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SCREEN_SIZES[0]);
}

/**
 * Another profile on the same host: locks the session the host kept (if any), unlocks `label`
 * (as the profile list shows it, e.g. "Dana Coder (Coder)") and opens the header's `screen`.
 */
export async function unlockAs(page: Page, label: string, screen: string): Promise<void> {
  const lock = page.getByRole('button', { name: 'Lock', exact: true });
  await expect(lock.or(page.getByRole('button', { name: 'Unlock' }))).toBeVisible();
  if (await lock.isVisible()) await lock.click();
  const other = page.getByRole('button', { name: 'Use another profile' });
  if (await other.isVisible()) await other.click();
  await page.getByLabel('Profile').selectOption({ label });
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: screen, exact: true }).click();
}

/** Runs a seeding script (tsx) on the host's home before the walk, failing with its stderr. */
export function seedHome(script: string, home: string): void {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests', 'e2e', script), home], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent' },
  });
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
}

/** In the chart screen: searches `words`, takes the first hit (which must be `code`) and sets its POA, then waits for the save. */
export async function addCodeBySearch(page: Page, words: string, code: string, poa: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(words);
  await expect(page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText(code);
  await page.keyboard.press('Enter');
  await page.getByLabel(`POA for ${code}`).selectOption(poa);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}
