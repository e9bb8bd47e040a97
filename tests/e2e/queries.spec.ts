/**
 * A physician query in the browser host: the coder selects a sentence in the consultation and
 * cites it, the linter refuses a leading version (and says why), the query is sent (the chart
 * held awaiting the answer, submit refused), the answer is recorded (the chart back to the
 * coder), and the chart is coded and submitted. Screenshots at 1366×768 and 1600×1000.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { addCodeBySearch, createProfileWithDemo, screenshotsAtSizes } from './steps';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const shots = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `queries-${what}`);

/** Selects `sentence` in the open document as a coder would with the mouse. */
async function select(page: Page, sentence: string): Promise<void> {
  // A string, run in the page: this file is compiled without the DOM's types.
  const found = await page.evaluate(`(() => {
    const text = ${JSON.stringify(sentence)};
    const root = document.querySelector('article.doc-viewer .doc-body');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        return true;
      }
    }
    return false;
  })()`);
  expect(found).toBe(true);
}

test('query from a selected sentence → refused when leading → sent → answered → submit', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('IP-260102');
  await expect(page.getByText('1 chart', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  const chart = page.getByRole('main', { name: 'Chart IP-260102' });
  await expect(chart).toBeVisible();
  await page.getByRole('button', { name: /Cardiology Consultation/ }).click();
  await expect(page.getByRole('article', { name: 'Document' })).toContainText('LVEF estimated');

  await page.getByRole('button', { name: /^Queries/ }).click();
  const panel = page.getByRole('complementary', { name: 'Physician queries' });
  await panel.getByLabel('New query').selectOption({ label: 'Heart failure type and acuity' });
  await panel.getByRole('button', { name: 'Compose' }).click();
  const compose = panel.getByRole('form', { name: 'Compose query' });
  await compose.getByLabel('To (provider)').fill('Lucan Pettibone, MD');
  await select(page, 'LVEF estimated 50-55% with hypokinesis of the mid anterolateral wall.');
  await compose.getByRole('button', { name: 'Add selected text' }).click();
  await expect(compose.locator('blockquote')).toHaveText('LVEF estimated 50-55% with hypokinesis of the mid anterolateral wall.');
  await expect(compose).toContainText('Cardiology Consultation');

  // A leading version: one diagnosis offered, and the DRG named. The linter says why, nothing is sent.
  const options = compose.getByLabel('Clinically supported options (one a line)');
  const supported = await options.inputValue();
  await options.fill('Chronic diastolic (HFpEF) heart failure');
  const question = compose.getByLabel('Question');
  const neutral = await question.inputValue();
  await question.fill(`${neutral} Documenting this would change the DRG.`);
  await expect(compose.getByRole('list', { name: 'Why this query cannot be sent yet' })).toBeVisible();
  await compose.getByRole('button', { name: 'Send query' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'This query cannot be sent' })).toBeVisible();
  await shots(page, 'refused');

  await options.fill(supported);
  await question.fill(neutral);
  await expect(compose.getByRole('list', { name: 'Why this query cannot be sent yet' })).toHaveCount(0);
  await compose.getByRole('button', { name: 'Send query' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Query sent' })).toBeVisible();
  await expect(chart.getByText('On hold').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Queries (1 waiting)' })).toBeVisible();
  await shots(page, 'sent');

  // Submit while the query waits: refused.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/waiting for its answer/).first()).toBeVisible();

  const answer = panel.getByRole('form', { name: 'Record the answer' });
  await answer.getByLabel('Chose an option').check();
  await answer.getByLabel('Option chosen').selectOption({ index: 0 });
  await answer.getByRole('button', { name: 'Record answer' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Answer recorded' })).toBeVisible();
  await expect(panel.getByText(/^Answered/).first()).toBeVisible();
  await expect(chart.getByText('In progress').first()).toBeVisible();
  await shots(page, 'answered');

  // Coded and submitted.
  await panel.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(panel).toHaveCount(0);
  await addCodeBySearch(page, 'nstemi myocard', 'I21.4', 'Y');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Chart IP-260102 submitted/)).toBeVisible();
  expect(errors).toEqual([]);
});
