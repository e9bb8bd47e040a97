/**
 * Issue 11, items 1 and 5 in the browser: procedure rows stay one compact row at laptop and
 * desktop sizes (they collapsed to one word per line at 1600 px), and a pro-fee chart's lines
 * get diagnosis pointers that follow a reordered diagnosis and show a removed one as a problem.
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

async function addCode(page: Page, query: string, code: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search codes' }).fill(query);
  await expect(page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText(code);
  await page.keyboard.press('Enter');
}

/** Every procedure row's height at each size, with a screenshot of the chart at each. */
async function rowHeights(page: Page, what: string): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  const rows = page.locator('li.coded-row.procedure');
  await screenshotsAtSizes(page, `day-claims-${what}`, async ({ width, height }) => {
    await rows.last().scrollIntoViewIfNeeded();
    const heights: number[] = [];
    for (const row of await rows.all()) heights.push(Math.round((await row.boundingBox())?.height ?? 0));
    out[`${width}x${height}`] = heights;
  });
  return out;
}

test('pro-fee chart: compact procedure rows, diagnosis pointers set, followed on reorder, a removed diagnosis flagged', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByRole('grid', { name: 'Chart queue' })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('PF-260401');
  await expect(page.getByText('1 chart', { exact: true })).toBeVisible();
  await page.getByRole('row', { name: /PF-260401/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Chart PF-260401' })).toBeVisible();

  for (const code of ['E11.22', 'E11.65', 'I12.9', 'N18.31']) await addCode(page, code.toLowerCase(), code);
  for (const code of ['99214', 'G2211', '83036']) await addCode(page, code.toLowerCase(), code);
  await expect(page.locator('li.coded-row.procedure')).toHaveCount(3);

  // Item 1: every procedure row stays under 80 px tall at each size (G2211 was ~700 px at 1600).
  const heights = await rowHeights(page, 'procedures');
  for (const [size, list] of Object.entries(heights)) {
    for (const height of list) expect(height, `a procedure row at ${size}: ${list.join(', ')} px`).toBeLessThan(80);
  }

  // Item 5: each line needs a pointer; the findings say so until they are set.
  const findings = page.getByRole('region', { name: /Edits/ });
  await expect(page.getByText('G2211 has no diagnosis pointer').first()).toBeVisible();

  // Mouse: 99214 -> A and B.
  const row = (code: string) => page.locator('li.coded-row.procedure').filter({ has: page.getByRole('button', { name: `Show ${code} details`, exact: true }) });
  await row('99214').getByRole('button', { name: /^Point at A:/ }).click();
  await row('99214').getByRole('button', { name: /^Point at B:/ }).click();
  // Keyboard: into G2211's pointers, type the letter.
  await row('G2211').getByRole('button', { name: /^Point at A:/ }).focus();
  await page.keyboard.press('a');
  await page.keyboard.press('Tab');
  await row('83036').getByRole('button', { name: /^Point at B:/ }).focus();
  await page.keyboard.press('Space');
  await expect(row('99214').getByRole('button', { name: 'Point at A: E11.22 (1st)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row('99214').getByRole('button', { name: 'Point at B: E11.65 (2nd)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row('G2211').getByRole('button', { name: 'Point at A: E11.22 (1st)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row('83036').getByRole('button', { name: 'Point at B: E11.65 (1st)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('has no diagnosis pointer')).toHaveCount(0);
  await rowHeights(page, 'pointers');

  // Reorder: E11.65 moves up to A; the pointers follow their codes.
  await page.getByRole('button', { name: 'Move E11.65 up' }).click();
  await expect(row('99214').getByRole('button', { name: 'Point at A: E11.65 (2nd)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row('G2211').getByRole('button', { name: 'Point at B: E11.22 (1st)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(row('G2211').getByRole('button', { name: /^Point at A:/ })).toHaveAttribute('aria-pressed', 'false');

  // Remove E11.65: 99214 and 83036 now point at a removed code — shown in the row and as an error.
  await page.getByRole('button', { name: 'Remove E11.65' }).click();
  await expect(row('83036').getByText('E11.65 removed')).toBeVisible();
  await expect(row('99214').getByText('E11.65 removed')).toBeVisible();
  await expect(findings.getByText('83036 points at E11.65, which is no longer among the diagnoses').first()).toBeVisible();
  await rowHeights(page, 'removed');
  // Submitting is blocked by it.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'no longer among the diagnoses' }).first()).toBeVisible();
  // Clearing the removed pointer and pointing 83036 at a listed diagnosis clears the error.
  await row('83036').getByRole('button', { name: 'Remove pointer to E11.65' }).click();
  await row('83036').getByRole('button', { name: /^Point at A:/ }).click();
  await expect(findings.getByText('83036 points at E11.65')).toHaveCount(0);
});
