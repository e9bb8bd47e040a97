/**
 * Issue 12's walk, end to end in the browser host at 1366×768:
 *  1. import the Synthea bulk export (../shared) with a one-encounter export beside it (a text
 *     note and a real PDF) → queue → the text note and the PDF in the viewer, find-in-chart in
 *     both → code → submit → export a FHIR Claim and a CSV;
 *  2. a supervisor packages charts for a coder → the coder opens the package as the other
 *     profile, codes offline, makes a result package → the supervisor applies it (and again:
 *     nothing changes).
 *
 * Written before the import, viewer, export and packages screens were merged: every label and
 * message it expects of them is in UI below, in one place, to be adjusted at merge. The labels
 * of screens that existed already (profile, lock, queue, chart, code picker) are the real ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, startHost, type RunningHost } from './host';
import { writeWalkExport, WALK_CHART } from './io-walk-export';
import { PASSPHRASE, createProfileWithDemo, screenshotsAtSizes } from './steps';

const SYNTHEA = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'fhir', 'synthea-bulk-10-patients');
const LEE_PASSPHRASE = 'violet canyon ledger moss';

// ─── ASSUMED UI of the screens merged later (adjust here) ────────────────────────────────────
const UI = {
  header: { importCharts: 'Import charts', exportResults: 'Export', packages: 'Packages' },
  importScreen: {
    main: 'Import charts',
    /** One path per line, as the Code sets screen's field. */
    paths: 'Folders or files to import',
    start: 'Import',
    summary: 'Import summary',
    /** 1,215 Synthea encounters + the walk's one; the issue asks for zero errors. */
    finished: /^Import finished: 1,216 charts created, 0 updated, 0 unchanged, 0 refused/,
    /** 44 demo charts + 1,216 imported (HH and VR encounters mapped, not refused). */
    queueTotal: '1,260 charts',
    back: 'Back to queue',
  },
  chart: {
    /** The header names the facility and the attending of an imported chart. */
    facility: WALK_CHART.facility,
    attending: WALK_CHART.attending,
    /** Find-in-chart matches in a PDF's text layer (pdf.js), inside the Document article. */
    pdfPage: '.pdf-page canvas',
    pdfMatch: 'mark',
    submitted: /^Chart \S+ submitted\./,
  },
  exportScreen: {
    main: 'Export',
    format: 'Format',
    formats: { fhir: 'FHIR R4 Claim', csv: 'CSV' },
    since: 'Submitted since',
    out: 'Export file (full path)',
    plain: 'Write a plain (unencrypted) file',
    /** The plain choice is explained and confirmed in a dialog. */
    confirmPlain: 'Write plain file',
    write: 'Export',
    result: 'Export result',
    written: /^Wrote 1 chart to /,
  },
  packagesScreen: {
    main: 'Packages',
    chartsTable: 'Charts to package',
    recipient: 'Recipient',
    packageOut: 'Work package file (full path)',
    makePackage: 'Make work package',
    packaged: /^Packaged 3 charts for Lee Coder/,
    openPath: 'Work package to open (full path)',
    open: 'Open package',
    opened: /^Opened 3 charts from Sam Supervisor/,
    resultOut: 'Result package file (full path)',
    makeResult: 'Make result package',
    resultMade: /^Result package written/,
    applyPath: 'Result package to apply (full path)',
    apply: 'Apply result package',
    applied: /^Applied: 1 chart updated, 0 conflicts/,
    appliedAgain: /already applied/,
    back: 'Back to queue',
  },
} as const;
// ──────────────────────────────────────────────────────────────────────────────────────────────

let host: RunningHost;
let work: string;

test.beforeAll(async () => {
  if (!fs.existsSync(SYNTHEA)) throw new Error(`the Synthea export is missing: ${SYNTHEA}`);
  host = await startHost();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-io-walk-'));
  await writeWalkExport(path.join(work, 'walk-export'));
});
test.afterAll(async () => {
  await host.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test.use({ viewport: { width: 1366, height: 768 } });

const shots = (page: Page, what: string): Promise<void> => screenshotsAtSizes(page, `io-walk-${what}`);
const queueGrid = (page: Page) => page.getByRole('grid', { name: 'Chart queue' });
const banner = (page: Page) => page.getByRole('banner');

async function importCharts(page: Page, paths: string[]): Promise<void> {
  await banner(page).getByRole('button', { name: UI.header.importCharts }).click();
  const screen = page.getByRole('main', { name: UI.importScreen.main });
  await screen.getByLabel(UI.importScreen.paths).fill(paths.join('\n'));
  await screen.getByRole('button', { name: UI.importScreen.start, exact: true }).click();
  const summary = screen.getByRole('region', { name: UI.importScreen.summary });
  await expect(summary.getByRole('status')).toHaveText(UI.importScreen.finished, { timeout: 120_000 });
}

async function unlockAs(page: Page, profile: string, passphrase: string): Promise<void> {
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'CodeDesk is locked' })).toBeVisible();
  const other = page.getByRole('button', { name: 'Use another profile' });
  if (await other.isVisible()) await other.click();
  await page.getByLabel('Profile').selectOption({ label: profile });
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('import the Synthea export, read a text note and a PDF, code, submit, export a FHIR Claim and a CSV', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(host.url);
  await createProfileWithDemo(page); // the demo code subset codes the chart below
  await expect(page.getByText('44 charts')).toBeVisible();

  await importCharts(page, [SYNTHEA, path.join(work, 'walk-export')]);
  await shots(page, 'import-summary');
  await page.getByRole('button', { name: UI.importScreen.back }).click();
  await expect(page.getByText(UI.importScreen.queueTotal)).toBeVisible();
  await shots(page, 'queue');

  // The walk's chart, found by its payer; Enter opens the only match.
  await page.keyboard.press('/');
  await page.keyboard.type(WALK_CHART.payerSearch);
  await expect(page.getByText('1 chart', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  const chart = page.getByRole('main', { name: /^Chart / });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText(UI.chart.facility);
  await expect(chart).toContainText(UI.chart.attending);

  // The text note, with find-in-chart.
  const documents = page.getByRole('navigation', { name: 'Documents' });
  const viewer = page.getByRole('article', { name: 'Document' });
  await documents.getByRole('button', { name: new RegExp(WALK_CHART.noteTitle) }).click();
  await expect(viewer).toContainText('non-ST elevation myocardial infarction');
  await page.keyboard.press('Control+f');
  await page.keyboard.type(WALK_CHART.noteWord);
  await expect(viewer.locator('mark').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await shots(page, 'text-note');

  // The PDF, rendered, with find-in-chart on its text layer.
  await documents.getByRole('button', { name: new RegExp(WALK_CHART.pdfTitle) }).click();
  await expect(viewer.locator(UI.chart.pdfPage).first()).toBeVisible();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(WALK_CHART.pdfWord);
  await expect(viewer.locator(UI.chart.pdfMatch).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await shots(page, 'pdf');

  // Code and submit, as on any chart.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('nstemi myocard');
  const results = page.getByRole('listbox', { name: 'Code results' });
  await expect(results.getByRole('option').first()).toContainText('I21.4');
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Search codes' }).fill('e11.9');
  await expect(results.getByRole('option').first()).toContainText('E11.9');
  await page.keyboard.press('Enter');
  await page.getByLabel('POA for I21.4').selectOption('Y');
  await page.getByLabel('POA for E11.9').selectOption('Y');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(UI.chart.submitted)).toBeVisible();

  // Export the submitted chart: a FHIR Claim, then a CSV, both plain so the test can read them.
  for (const [format, file] of [['fhir', 'claims.json'], ['csv', 'codes.csv']] as const) {
    await banner(page).getByRole('button', { name: UI.header.exportResults }).click();
    const screen = page.getByRole('main', { name: UI.exportScreen.main });
    await screen.getByLabel(UI.exportScreen.format).selectOption({ label: UI.exportScreen.formats[format] });
    await screen.getByLabel(UI.exportScreen.since).fill('2026-01-01');
    await screen.getByLabel(UI.exportScreen.out).fill(path.join(work, file));
    await screen.getByLabel(UI.exportScreen.plain).check();
    await page.getByRole('dialog').getByRole('button', { name: UI.exportScreen.confirmPlain }).click();
    await screen.getByRole('button', { name: UI.exportScreen.write, exact: true }).click();
    await expect(screen.getByLabel(UI.exportScreen.result)).toHaveText(UI.exportScreen.written);
    await shots(page, `export-${format}`);
  }
  const claims = fs.readFileSync(path.join(work, 'claims.json'), 'utf8');
  expect(claims).toMatch(/"resourceType"\s*:\s*"Claim"/);
  expect(claims).toContain('I21.4');
  expect(claims).toContain('Encounter/walk-encounter');
  const csv = fs.readFileSync(path.join(work, 'codes.csv'), 'utf8').trim().split(/\r?\n/);
  expect(csv.length).toBeGreaterThanOrEqual(3); // header, I21.4, E11.9
  expect(csv.slice(1).some((line) => line.includes('I21.4'))).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('package charts for another profile, code them offline there, return and apply the result package', async ({ page }) => {
  test.setTimeout(300_000);
  const own = await startHost();
  const workPackage = path.join(work, 'for-lee.cdpkg');
  const resultPackage = path.join(work, 'from-lee.cdres');
  try {
    await page.goto(own.url);
    // The lead: a supervisor profile, the demo's codes, the Synthea charts.
    await page.getByLabel('Display name').fill('Sam Supervisor');
    await page.getByLabel('Role').selectOption({ label: 'Supervisor' });
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await expect(queueGrid(page)).toBeVisible();
    await importCharts(page, [SYNTHEA]);

    // The coder's profile on this computer (a coder needs nobody's approval).
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    await page.getByLabel('Display name').fill('Lee Coder');
    await page.getByLabel('Passphrase', { exact: true }).fill(LEE_PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(LEE_PASSPHRASE);
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect(page.getByText('Lee Coder · Coder')).toBeVisible();

    // Sam packages three charts for Lee.
    await unlockAs(page, 'Sam Supervisor (Supervisor)', PASSPHRASE);
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    const packages = page.getByRole('main', { name: UI.packagesScreen.main });
    const choose = packages.getByRole('table', { name: UI.packagesScreen.chartsTable });
    for (let i = 1; i <= 3; i++) await choose.getByRole('row').nth(i).getByRole('checkbox').check();
    await packages.getByLabel(UI.packagesScreen.recipient).selectOption({ label: 'Lee Coder (Coder)' });
    await packages.getByLabel(UI.packagesScreen.packageOut).fill(workPackage);
    await packages.getByRole('button', { name: UI.packagesScreen.makePackage }).click();
    await expect(packages.getByRole('status')).toHaveText(UI.packagesScreen.packaged);
    await shots(page, 'package-made');
    expect(fs.statSync(workPackage).size).toBeGreaterThan(0);

    // Lee opens it (the other profile), codes a chart offline and makes the result package.
    await unlockAs(page, 'Lee Coder (Coder)', LEE_PASSPHRASE);
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    await packages.getByLabel(UI.packagesScreen.openPath).fill(workPackage);
    await packages.getByRole('button', { name: UI.packagesScreen.open }).click();
    await expect(packages.getByRole('status')).toHaveText(UI.packagesScreen.opened);
    await shots(page, 'package-opened');
    await page.getByRole('button', { name: UI.packagesScreen.back }).click();
    await expect(page.getByText('3 charts')).toBeVisible();
    await queueGrid(page).getByRole('row').nth(1).dblclick();
    const chart = page.getByRole('main', { name: /^Chart / });
    await expect(chart).toBeVisible();
    const chartLabel = (await chart.getAttribute('aria-label')) ?? '';
    await page.keyboard.press('Control+k');
    await page.keyboard.type('e11.9');
    await expect(page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first()).toContainText('E11.9');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(UI.chart.submitted)).toBeVisible();
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    await packages.getByLabel(UI.packagesScreen.resultOut).fill(resultPackage);
    await packages.getByRole('button', { name: UI.packagesScreen.makeResult }).click();
    await expect(packages.getByRole('status')).toHaveText(UI.packagesScreen.resultMade);

    // Sam applies it: Lee's chart is submitted at home; applying again changes nothing.
    await unlockAs(page, 'Sam Supervisor (Supervisor)', PASSPHRASE);
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    await packages.getByLabel(UI.packagesScreen.applyPath).fill(resultPackage);
    await packages.getByRole('button', { name: UI.packagesScreen.apply }).click();
    await expect(packages.getByRole('status')).toHaveText(UI.packagesScreen.applied);
    await shots(page, 'result-applied');
    await packages.getByRole('button', { name: UI.packagesScreen.apply }).click();
    await expect(packages.getByRole('status')).toHaveText(UI.packagesScreen.appliedAgain);
    await page.getByRole('button', { name: UI.packagesScreen.back }).click();
    await page.keyboard.press('/');
    const chartId = chartLabel.replace(/^Chart /, '');
    await page.keyboard.type(chartId);
    await expect(queueGrid(page).getByRole('row', { name: new RegExp(chartId) })).toContainText('Submitted');
  } finally {
    await own.stop();
  }
});
