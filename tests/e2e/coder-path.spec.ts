import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { PASSPHRASE, screenshot } from './steps';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

test("a coder's path: profile, demo, chart, search, code, blocked submit, fix, submit, lock, unlock", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(host.url);
  // The token leaves the address bar at once.
  await expect(page).not.toHaveURL(/token=/);

  // Create the profile: the short passphrase is refused first.
  await expect(page.getByRole('heading', { name: 'Create your profile' })).toBeVisible();
  await page.getByLabel('Display name').fill('Dana Coder');
  await page.getByLabel('Passphrase', { exact: true }).fill('too short');
  await page.getByLabel('Confirm passphrase').fill('too short');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText(/at least 12 characters/).first()).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Recovery key' })).toHaveText(/^[A-Z2-7]{5}(-[A-Z2-7]{5})+$/);
  await page.getByRole('button', { name: 'I have saved it' }).click();

  // Load the demo workspace.
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  const queue = page.getByRole('grid', { name: 'Chart queue' });
  await expect(queue).toBeVisible();
  await expect(page.getByText('44 charts')).toBeVisible();
  await expect(page.getByText('Demo code subset').first()).toBeVisible();
  await screenshot(page, 'queue');

  // Quick search narrows the queue in the database; Enter opens the chart.
  await page.keyboard.press('/');
  await page.keyboard.type('IP-260102');
  await expect(page.getByText('1 chart', { exact: true })).toBeVisible();
  // Enter in the search opens the only match.
  await page.keyboard.press('Enter');
  const coding = page.getByRole('region', { name: 'Coding' });
  await expect(coding).toBeVisible();
  await expect(page.getByRole('main', { name: 'Chart IP-260102' })).toBeVisible();

  // Find in chart highlights the matches in the open document.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('troponin');
  await expect(page.getByRole('article', { name: 'Document' }).locator('mark').first()).toBeVisible();

  // Submit with nothing coded: blocked, with a plain-language error.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Add a principal diagnosis' })).toBeVisible();

  // Search by words, then by code; ↓ and Enter add the highlighted code.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('nstemi myocard');
  const results = page.getByRole('listbox', { name: 'Code results' });
  await expect(results.getByRole('option').first()).toContainText('I21.4');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Principal: I21.4')).toBeVisible();
  await page.getByRole('combobox', { name: 'Search codes' }).fill('e11.9');
  await expect(results.getByRole('option').first()).toContainText('E11.9');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Secondary 1: E11.9')).toBeVisible();
  await page.getByLabel('POA for I21.4').selectOption('Y');
  await page.getByLabel('POA for E11.9').selectOption('Y');
  // Findings update as the coder works: the blocking error is gone without pressing anything.
  await expect(page.getByRole('heading', { name: 'Edits none' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Add a principal diagnosis' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await screenshot(page, 'chart');

  // Submit again: accepted. The search narrowed the queue to this chart, so Next has nothing after
  // it in the coder's filter and says so rather than opening a chart outside it.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Chart IP-260102 submitted. End of the queue')).toBeVisible();
  await page.getByRole('searchbox').first().fill('');
  await expect(page.getByText('44 charts')).toBeVisible();
  await page.getByRole('row', { name: /IP-260101/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Chart IP-260101' })).toBeVisible();

  // Lock: the patient's record leaves the screen; a wrong passphrase is refused; unlock.
  const openChart = await page.getByRole('main', { name: /^Chart / }).getAttribute('aria-label');
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'CodeDesk is locked' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Coding' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('troponin');
  await screenshot(page, 'locked');
  await page.getByLabel('Passphrase').fill('not my passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Wrong passphrase.')).toBeVisible();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('main', { name: openChart! })).toBeVisible();

  // One keystroke opens the next chart; hold it with a reason while a query is out.
  await page.keyboard.press('Alt+n');
  const held = page.getByRole('main', { name: /^Chart / });
  await expect(held).not.toHaveAttribute('aria-label', openChart!);
  const heldLabel = await held.getAttribute('aria-label');
  await page.getByRole('button', { name: 'Hold…' }).click();
  await page.getByRole('dialog').getByLabel('Reason').selectOption({ label: 'Awaiting query answer' });
  await page.getByRole('dialog').getByLabel('Note').fill('Query sent about the stage of chronic kidney disease');
  await page.getByRole('button', { name: 'Hold chart' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // A held chart leaves the coder's hands: the next one opens, with a notice.
  await expect(page.getByText(`${heldLabel!} put on hold.`)).toBeVisible();

  // The submitted chart shows as submitted in the queue.
  await page.keyboard.press('Escape');
  await expect(queue).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('IP-260102');
  await expect(page.getByRole('row', { name: /IP-260102/ })).toContainText('Submitted');
  await page.getByRole('searchbox').first().fill(heldLabel!.replace('Chart ', ''));
  await expect(page.getByRole('row', { name: new RegExp(heldLabel!.replace('Chart ', '')) })).toContainText('On hold');
  expect(pageErrors).toEqual([]);
});
