/**
 * The encoder in the chart screen, on the browser host in Debian Chromium: keystroke-to-paint
 * measures exist for typed queries (figures go to the bench, never asserted here); the code
 * detail, 7th-character chooser, Tabular tree, PCS builder and index tables answer from the
 * official files where their services are built.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, startHost, type RunningHost } from './host';
import { PASSPHRASE, createProfileWithDemo, screenshot, screenshotsAtSizes } from './steps';

const CODESETS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets');
let host: RunningHost;

test.beforeAll(async () => {
  if (!fs.existsSync(CODESETS)) throw new Error(`the official code-set files are missing: ${CODESETS}`);
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** First run: profile, demo workspace; later runs: unlock. Ends on an open inpatient chart. */
async function openChart(page: Page): Promise<void> {
  await page.goto(host.url);
  const create = page.getByRole('heading', { name: 'Create your profile' });
  const unlock = page.getByRole('button', { name: 'Unlock' });
  const queue = page.getByRole('grid', { name: 'Chart queue' });
  await expect(create.or(unlock).or(queue)).toBeVisible();
  if (await create.isVisible()) {
    await createProfileWithDemo(page);
  } else if (await unlock.isVisible()) {
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await unlock.click();
  }
  await expect(queue).toBeVisible();
  await chartFromQueue(page);
}

async function chartFromQueue(page: Page): Promise<void> {
  await expect(page.getByRole('grid', { name: 'Chart queue' })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('IP-260103');
  await page.getByRole('row', { name: /IP-260103/ }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Chart IP-260103' })).toBeVisible();
}

test('typing in the picker leaves a keystroke-to-paint measure per painted result set', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Calls travel over the host's WebSocket; keep the replies that answer a search.
  const searchReplies: unknown[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const reply = JSON.parse(String(payload)) as { result?: { value?: { query?: unknown } } };
      if (reply.result?.value?.query !== undefined) searchReplies.push(reply.result.value);
    }),
  );
  await openChart(page);
  const box = page.getByRole('combobox', { name: 'Search codes' });
  const results = page.getByRole('listbox', { name: 'Code results' });
  await page.evaluate(() => performance.clearMeasures('search:keystroke-to-paint'));
  // An empty result set is painted and measured too ("No codes match.").
  const settled = results.getByRole('option').first().or(page.getByText('No codes match.'));
  for (const query of ['e11.9', 'fracture', 'nstemi myocard', 'i21.4', 'femur']) {
    await box.fill('');
    await box.pressSequentially(query, { delay: 40 });
    await expect(settled).toBeVisible();
  }
  await expect(results.getByRole('option').first()).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('search:keystroke-to-paint', 'measure').length))
    .toBeGreaterThanOrEqual(5);
  // Each keystroke's reply carries the hits only (the installed versions are codes.versions').
  expect(searchReplies.length).toBeGreaterThanOrEqual(5);
  for (const value of searchReplies) expect(Object.keys(value as object).sort()).toEqual(['query', 'results']);
  // The frame floor and the round trip are measured for the same keystrokes, paired by id.
  const split = await page.evaluate(() => {
    type Measure = { detail: { id: number; firstFrame?: boolean } };
    const measures = (name: string) => performance.getEntriesByName(name, 'measure') as unknown as Measure[];
    const ids = (name: string) => measures(name).map((m) => m.detail.id);
    const paints = measures('search:keystroke-to-paint');
    return {
      unpaired: ids('search:keystroke-to-paint').filter((id) => !ids('search:keystroke-to-echo').includes(id) || !ids('search:keystroke-to-reply').includes(id)),
      firstFrameFlags: paints.map((m) => typeof m.detail.firstFrame),
    };
  });
  expect(split.unpaired).toEqual([]);
  expect(new Set(split.firstFrameFlags)).toEqual(new Set(['boolean']));
  // The page is cross-origin isolated, so its call worker hands replies over through shared
  // memory: keystrokes' results are taken at the start of their own frame.
  const handOver = await page.evaluate(() => ({
    isolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated,
    inTime: performance.getEntriesByName('search:keystroke-wait', 'measure').filter((m) => (m as unknown as { detail?: { inTime?: boolean } }).detail?.inTime === true).length,
  }));
  expect(handOver.isolated).toBe(true);
  expect(handOver.inTime).toBeGreaterThan(0);
  const names = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  expect(names.some((n) => /fracture|femur|nstemi/i.test(n))).toBe(false);
  await screenshot(page, 'encoder-picker');
  expect(pageErrors).toEqual([]);
});

test('the encoder tools open from the chart and close with Esc, leaving the chart as it was', async ({ page }) => {
  await openChart(page);
  for (const [key, name] of [
    ['Alt+t', 'Tabular List'],
    ['Alt+p', 'ICD-10-PCS builder'],
    ['Alt+d', 'Neoplasm and Drug tables'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('main', { name: 'Chart IP-260103' })).toBeVisible();
  }
});

test('with the official files imported: detail notes, 7th character, tree, PCS builder, tables', async ({ page }) => {
  test.setTimeout(300_000); // the import of six official files comes first
  await openChart(page);
  // The official files, imported with the CLI into the host's home (the host sees the new versions).
  const files = [
    'icd10cm/icd10cm_order_2026.txt',
    'icd10cm/fy2021/icd10cm_tabular_2021.xml',
    'icd10pcs/icd10pcs_order_2026.txt',
    'icd10pcs/icd10pcs_tables_2026.xml',
    'icd10cm/icd10cm-neoplasm-April-1-2026-XML.xml',
    'icd10cm/icd10cm-drug-April-1-2026-XML.xml',
  ].map((f) => path.join(CODESETS, f));
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'codedesk.mjs'), '--home', host.home, 'codes', 'import', ...files], {
    cwd: REPO_ROOT,
    env: { ...process.env, CODEDESK_LOG: 'silent' },
    stdio: 'pipe',
  });
  await page.reload();
  await chartFromQueue(page);
  const box = page.getByRole('combobox', { name: 'Search codes' });
  const detail = page.getByRole('complementary', { name: 'Code detail' });

  // The highlighted result shows its notes; the FY2021 Tabular List is a fallback for a 2026 chart.
  await box.fill('s72.001');
  await expect(page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText('S72.001');
  await expect(detail.getByText(/Notes from the FY2021 Tabular List/)).toBeVisible();
  await expect(detail.getByText(/^Excludes1/).first()).toBeVisible();
  await screenshot(page, 'encoder-detail');

  // Search by concept: the combination code first, a word no code knows ignored and said so.
  const options = page.getByRole('listbox', { name: 'Code results' }).getByRole('option');
  await box.fill('afib with rvr');
  await expect(options.first()).toContainText('I48.');
  await expect(options.first()).toContainText('Ignored: rvr');
  await box.fill('aki on ckd stage 3b');
  // No code covers both: the one typed first leads, its partner follows, each naming the other.
  await expect(options.nth(0)).toContainText('N17.9');
  await expect(options.nth(0)).toContainText('Pair: with N18.32');
  await expect(options.nth(1)).toContainText('N18.32');
  await expect(options.nth(1)).toContainText('Pair: with N17.9');
  await screenshotsAtSizes(page, 'encoder-concepts');
  await box.fill('s72.001');
  await expect(options.first()).toContainText('S72.001');

  // Enter on the header opens the 7th-character chooser; A adds S72.001A.
  await box.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: '7th character for S72.001' })).toBeVisible();
  await screenshot(page, 'encoder-seventh');
  await page.keyboard.press('a');
  await expect(page.getByLabel(/: S72\.001A$/)).toBeVisible();

  // Tabular tree: chapters, open one, the detail follows.
  await page.keyboard.press('Alt+t');
  const tree = page.getByRole('tree', { name: 'Tabular List' });
  await expect(tree.getByRole('treeitem').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(tree.locator('[aria-level="2"]').first()).toBeVisible();
  await screenshot(page, 'encoder-tree');
  await page.keyboard.press('Escape');

  // PCS builder: 0DTJ4ZZ by typing its characters.
  await page.keyboard.press('Alt+p');
  const builder = page.getByRole('dialog', { name: 'ICD-10-PCS builder' });
  for (const [i, c] of [...'0DTJ4ZZ'].entries()) {
    await page.keyboard.press(c);
    await expect(builder.getByLabel(`Code so far: ${'0DTJ4ZZ'.slice(0, i + 1)}`)).toBeVisible();
  }
  await screenshot(page, 'encoder-pcs');
  await page.keyboard.press('Enter');
  await expect(builder).toHaveCount(0); // the builder closes once its code is in
  await expect(page.getByText('Added 0DTJ4ZZ.')).toBeVisible();

  // Neoplasm table: search a site, see the columns.
  await page.keyboard.press('Alt+d');
  const tables = page.getByRole('dialog', { name: 'Neoplasm and Drug tables' });
  await tables.getByRole('searchbox').fill('breast');
  await expect(tables.getByRole('table', { name: 'Neoplasm table' })).toBeVisible();
  await screenshot(page, 'encoder-tables');
});
