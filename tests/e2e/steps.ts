/** Steps every end-to-end spec takes: the first profile with the demo loaded, and screenshots. */
import fs from 'node:fs';
import path from 'node:path';
import { test, type Page } from '@playwright/test';
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
