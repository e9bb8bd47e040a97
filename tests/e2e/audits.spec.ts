/**
 * The audit walk in the browser host: the auditor draws a seeded sample, re-codes a chart blind
 * (the coder's codes hidden), commits and reads the typed findings and accuracy; the findings go
 * to the coder, who rebuts one with a comment; the rebuttal comes back and the auditor withdraws
 * it, and the score follows. Screenshots at 1366×768 and 1600×1000.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { addCodeBySearch, screenshotsAtSizes, seedHome, unlockAs } from './steps';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
  seedHome('seed-audit.ts', host.home);
});
test.afterAll(async () => {
  await host.stop();
});

const shots = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `audits-${what}`);

test('sample → blind re-code → findings and accuracy → coder rebuts → auditor withdraws', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await unlockAs(page, 'Ada Auditor (Auditor)', 'Audits');
  const audits = page.getByRole('main', { name: 'Audits' });
  await audits.getByLabel('Size (a count, or a percent such as 5%)').fill('100%');
  await audits.getByLabel('Seed (optional)').fill('week-49');
  await audits.getByRole('button', { name: 'Draw' }).click();
  await expect(audits.getByRole('status').filter({ hasText: 'seed week-49' })).toContainText('3 of 3 submitted charts');
  await shots(page, 'sample');

  // Blind: the coding pane starts empty, and the coder's codes are nowhere on screen.
  await audits.getByRole('listitem').filter({ hasText: 'IP-260102' }).getByRole('button', { name: 'Audit blind' }).click();
  await expect(page.getByRole('heading', { name: /Audit of chart IP-260102/ })).toBeVisible();
  await expect(page.getByText('Blind: the coder’s codes are hidden until you commit')).toBeVisible();
  await addCodeBySearch(page, 'nstemi myocard', 'I21.4', 'Y');
  await shots(page, 'blind');
  await page.getByRole('button', { name: 'Commit audit' }).click();

  await expect(audits.getByRole('status').filter({ hasText: 'Audit committed' })).toBeVisible();
  await audits.getByRole('row').filter({ hasText: 'IP-260102' }).getByRole('button', { name: 'Findings' }).click();
  const findings = audits.getByRole('region', { name: /Findings of the audit of IP-260102/ });
  await expect(findings.getByRole('row').nth(1)).toBeVisible();
  const findingRows = await findings.getByRole('row').count();
  expect(findingRows).toBeGreaterThan(1);
  await expect(audits.getByLabel('Accuracy, last 90 days')).toContainText('Accuracy (code level)');
  await expect(audits.getByLabel('Accuracy, last 90 days')).toContainText('95% CI');
  const before = await audits.getByLabel('Accuracy, last 90 days').textContent();
  await shots(page, 'findings');

  const findingsFile = path.join(host.home, 'findings.cdpkg');
  const send = audits.getByRole('region', { name: 'Send audits' });
  await send.getByLabel('To').selectOption({ label: 'Dana Coder' });
  await send.getByLabel('Package file (full path)').fill(findingsFile);
  await send.getByRole('button', { name: 'Write package' }).click();
  await expect(audits.getByRole('status').filter({ hasText: 'for the coder to answer' })).toBeVisible();

  // The coder opens the findings, rebuts the first with a comment (refused without one).
  await unlockAs(page, 'Dana Coder (Coder)', 'Packages');
  const open = page.getByRole('region', { name: 'Open a work package' });
  await open.getByLabel('Package file (full path)').fill(findingsFile);
  await open.getByRole('button', { name: 'Open package' }).click();
  await expect(open.getByRole('status')).toContainText('1 audit of your charts to answer');
  await page.getByRole('button', { name: 'Audits', exact: true }).click();
  const mine = page.getByRole('main', { name: 'Audits' });
  await mine.getByRole('row').filter({ hasText: 'IP-260102' }).getByRole('button', { name: 'Findings' }).click();
  const first = mine.getByRole('region', { name: /Findings of the audit/ }).getByRole('row').nth(1);
  await first.getByRole('button', { name: 'Rebut' }).click();
  await expect(mine.getByRole('alert')).toContainText('needs a comment');
  await first.getByRole('textbox').fill('Documented by the attending in the discharge summary.');
  await first.getByRole('button', { name: 'Rebut' }).click();
  await expect(first).toContainText('Rebutted');
  await shots(page, 'rebut');
  const result = path.join(host.home, 'responses.cdpkg');
  await page.getByRole('button', { name: 'Packages', exact: true }).click();
  const back = page.getByRole('region', { name: 'Return results' });
  await back.getByLabel('Back to').selectOption({ label: 'Ada Auditor (Auditor)' });
  await back.getByLabel('Result file to write (full path)').fill(result);
  await back.getByRole('button', { name: 'Make result package' }).click();
  await expect(back.getByRole('status')).toContainText('Result package number');

  // The auditor applies the responses and withdraws the rebutted finding: the score follows.
  await unlockAs(page, 'Ada Auditor (Auditor)', 'Packages');
  const apply = page.getByRole('region', { name: 'Apply a result package' });
  await apply.getByLabel('Result file (full path)').fill(result);
  await apply.getByRole('button', { name: 'Apply result' }).click();
  await expect(apply.getByRole('status')).toContainText('Applied result number');
  await page.getByRole('button', { name: 'Audits', exact: true }).click();
  await audits.getByRole('row').filter({ hasText: 'IP-260102' }).getByRole('button', { name: 'Findings' }).click();
  const rebutted = findings.getByRole('row').filter({ hasText: 'Rebutted' });
  await expect(rebutted).toContainText('discharge summary');
  await rebutted.getByRole('textbox').fill('Agreed on review of the discharge summary.');
  await rebutted.getByRole('button', { name: 'Withdraw' }).click();
  await expect(findings.getByRole('row').filter({ hasText: 'Withdrawn' })).toBeVisible();
  await expect(audits.getByLabel('Accuracy, last 90 days')).not.toHaveText(before ?? '');
  await shots(page, 'withdrawn');
  expect(errors).toEqual([]);
});
