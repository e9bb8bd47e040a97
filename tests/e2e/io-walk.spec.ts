/**
 * Issue 12's walk, end to end in the browser host at 1366×768:
 *  1. import the Synthea bulk export (../shared) with a one-encounter export beside it (a text
 *     note and a real PDF) → queue → the text note and the PDF in the viewer, find-in-chart in
 *     both → code → submit → export a FHIR Claim and a CSV;
 *  2. a supervisor packages charts for a coder → the coder opens the package as the other
 *     profile, codes offline, makes a result package → the supervisor applies it (and again:
 *     nothing changes).
 *
 * Every label and message it expects of the import, viewer, export and packages screens is in UI
 * below, in one place. Screenshots at 1366×768 and 1600×1000 at each key step.
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
/** A demo inpatient chart the demo's code subset codes without edits (I21.4 + E11.9, POA Y). */
const LEE_CHART = 'IP-260102';

// ─── The labels of the import, viewer, export and packages screens (as merged) ─────────────────
const UI = {
  header: { importCharts: 'Import charts', exportResults: 'Export', packages: 'Packages' },
  importScreen: {
    main: 'Import charts',
    /** One path per line, as the Code sets screen's field. */
    paths: 'Exports to import',
    start: 'Import',
    summary: 'Import summary',
    /** 1,215 Synthea encounters + the walk's one; the issue asks for zero errors. */
    finished: /^Import finished: 1,216 charts created, 0 updated, 0 unchanged; 0 refused\.$/,
    finishedSynthea: /^Import finished: 1,215 charts created, 0 updated, 0 unchanged; 0 refused\.$/,
    /** 44 demo charts + 1,216 imported (HH and VR encounters mapped, not refused). */
    queueTotal: '1,260 charts',
    back: 'Back to queue',
  },
  chart: {
    /** The header names the facility and the attending of an imported chart. */
    facility: WALK_CHART.facility,
    attending: WALK_CHART.attending,
    find: 'Find in chart',
    /** Find-in-chart marks matches in a PDF's text layer (pdf.js), inside the Document article. */
    pdfPage: '.pdf-page canvas',
    pdfMatch: '.textLayer mark.current',
    submitted: /^Chart \S+ submitted\./,
  },
  exportScreen: {
    main: 'Export coded results',
    formats: { fhir: /FHIR/, csv: /CSV/ },
    since: 'Submitted from (UTC)',
    out: 'New file (full path)',
    plain: 'Write a plain file instead…',
    /** The plain choice is explained and confirmed in a dialog. */
    confirmDialog: 'Write a plain file?',
    confirmPlain: 'Write plain files',
    write: { fhir: 'Write FHIR file', csv: 'Write CSV file' },
    written: /^Wrote 1 chart \(2 codes, .*\) to .*, plain: anyone who has the file can read it\./,
  },
  packagesScreen: {
    main: 'Packages',
    make: 'Make a work package',
    recipient: 'For',
    chartIds: 'Chart ids (comma separated; empty: by status)',
    packageOut: 'Package file to write (full path)',
    makePackage: 'Make package',
    packaged: /^Package for Lee Coder: 3 charts, expires \d{4}-\d\d-\d\d\.$/,
    openSection: 'Open a work package',
    openPath: 'Package file (full path)',
    open: 'Open package',
    opened: 'Opened 3 charts from Sam Supervisor.',
    returnSection: 'Return results',
    returnTo: 'Back to',
    resultOut: 'Result file to write (full path)',
    makeResult: 'Make result package',
    resultMade: /^Result package number 1: 3 charts, \d+ activity entries\.$/,
    applySection: 'Apply a result package',
    applyPath: 'Result file (full path)',
    apply: 'Apply result',
    applied: /^Applied result number 1: 1 chart updated, \d+ unchanged, 0 conflicts\.$/,
    appliedAgain: 'This result was applied before: nothing changed.',
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

async function importCharts(page: Page, paths: string[], finished: RegExp): Promise<void> {
  await banner(page).getByRole('button', { name: UI.header.importCharts }).click();
  const screen = page.getByRole('main', { name: UI.importScreen.main });
  await screen.getByLabel(UI.importScreen.paths).fill(paths.join('\n'));
  await screen.getByRole('button', { name: UI.importScreen.start, exact: true }).click();
  const summary = screen.getByRole('region', { name: UI.importScreen.summary });
  await expect(summary.getByRole('status')).toHaveText(finished, { timeout: 120_000 });
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

  await importCharts(page, [SYNTHEA, path.join(work, 'walk-export')], UI.importScreen.finished);
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
  const find = page.getByRole('searchbox', { name: UI.chart.find });
  await page.keyboard.press('Control+f');
  await expect(find).toBeFocused();
  await page.keyboard.type(WALK_CHART.noteWord);
  await expect(viewer.locator('mark.current')).toHaveText(new RegExp(WALK_CHART.noteWord, 'i'));
  await shots(page, 'text-note');
  await find.fill('');

  // The PDF, rendered, with find-in-chart on its text layer.
  await documents.getByRole('button', { name: new RegExp(WALK_CHART.pdfTitle) }).click();
  await expect(viewer.locator(UI.chart.pdfPage).first()).toBeVisible();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(WALK_CHART.pdfWord);
  await expect(viewer.locator(UI.chart.pdfMatch)).toHaveText(new RegExp(WALK_CHART.pdfWord, 'i'));
  await expect(viewer.locator(UI.chart.pdfMatch)).toBeInViewport();
  // Each size re-renders the page at its fit-width zoom: the match is marked again on the new text layer.
  await screenshotsAtSizes(page, 'io-walk-pdf', () => expect(viewer.locator(UI.chart.pdfMatch)).toBeVisible());
  await find.fill('');

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
  await banner(page).getByRole('button', { name: UI.header.exportResults, exact: true }).click();
  const exportScreen = page.getByRole('main', { name: UI.exportScreen.main });
  await exportScreen.getByLabel(UI.exportScreen.since).fill('2026-01-01');
  await exportScreen.getByRole('button', { name: UI.exportScreen.plain }).click();
  await page.getByRole('dialog', { name: UI.exportScreen.confirmDialog }).getByRole('button', { name: UI.exportScreen.confirmPlain }).click();
  for (const [format, file] of [['fhir', 'claims.json'], ['csv', 'codes.csv']] as const) {
    await exportScreen.getByRole('radio', { name: UI.exportScreen.formats[format] }).check();
    await exportScreen.getByLabel(UI.exportScreen.out).fill(path.join(work, file));
    await exportScreen.getByRole('button', { name: UI.exportScreen.write[format] }).click();
    await expect(exportScreen.getByRole('status').filter({ hasText: /^Wrote/ })).toHaveText(UI.exportScreen.written);
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
    await importCharts(page, [SYNTHEA], UI.importScreen.finishedSynthea);

    // The coder's profile on this computer (a coder needs nobody's approval).
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    await page.getByLabel('Display name').fill('Lee Coder');
    await page.getByLabel('Passphrase', { exact: true }).fill(LEE_PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(LEE_PASSPHRASE);
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect(page.getByText('Lee Coder · Coder')).toBeVisible();

    // Sam packages three charts for Lee: a demo chart and the first two imported charts by admit date.
    await unlockAs(page, 'Sam Supervisor (Supervisor)', PASSPHRASE);
    await queueGrid(page).getByRole('button', { name: /Admit/ }).click();
    const rows = queueGrid(page).locator('tbody tr');
    const imported = [(await rows.nth(0).getAttribute('id')) ?? '', (await rows.nth(1).getAttribute('id')) ?? ''].map((id) => id.replace(/^queue-row-/, ''));
    expect(imported.every((id) => id !== '' && id !== LEE_CHART)).toBe(true);
    const chartIds = [LEE_CHART, ...imported];
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    const packages = page.getByRole('main', { name: UI.packagesScreen.main });
    const make = packages.getByRole('region', { name: UI.packagesScreen.make });
    await make.getByLabel(UI.packagesScreen.recipient).selectOption({ label: 'Lee Coder (Coder)' });
    await make.getByLabel(UI.packagesScreen.chartIds).fill(chartIds.join(', '));
    await make.getByLabel(UI.packagesScreen.packageOut).fill(workPackage);
    await make.getByRole('button', { name: UI.packagesScreen.makePackage }).click();
    await expect(make.getByRole('status')).toHaveText(UI.packagesScreen.packaged);
    await shots(page, 'package-made');
    expect(fs.statSync(workPackage).size).toBeGreaterThan(0);

    // Lee opens it (the other profile), codes a chart offline and makes the result package.
    await unlockAs(page, 'Lee Coder (Coder)', LEE_PASSPHRASE);
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    const open = packages.getByRole('region', { name: UI.packagesScreen.openSection });
    await open.getByLabel(UI.packagesScreen.openPath).fill(workPackage);
    await open.getByRole('button', { name: UI.packagesScreen.open }).click();
    await expect(open.getByRole('status')).toHaveText(UI.packagesScreen.opened);
    await shots(page, 'package-opened');
    await packages.getByRole('button', { name: UI.packagesScreen.back }).click();
    await expect(page.getByText('3 charts', { exact: true })).toBeVisible();
    await shots(page, 'coder-queue');
    await queueGrid(page).getByRole('row', { name: new RegExp(LEE_CHART) }).dblclick();
    await expect(page.getByRole('main', { name: new RegExp(`^Chart ${LEE_CHART}`) })).toBeVisible();
    const search = page.getByRole('combobox', { name: 'Search codes' });
    const results = page.getByRole('listbox', { name: 'Code results' });
    for (const code of ['I21.4', 'E11.9']) {
      await search.fill(code.toLowerCase());
      await expect(results.getByRole('option').first()).toContainText(code);
      await page.keyboard.press('Enter');
      await page.getByLabel(`POA for ${code}`).selectOption('Y');
    }
    await expect(page.getByRole('heading', { name: 'Edits none' })).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(`Chart ${LEE_CHART} submitted.`)).toBeVisible();
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    const back = packages.getByRole('region', { name: UI.packagesScreen.returnSection });
    await back.getByLabel(UI.packagesScreen.returnTo).selectOption({ label: 'Sam Supervisor (Supervisor)' });
    await back.getByLabel(UI.packagesScreen.resultOut).fill(resultPackage);
    await back.getByRole('button', { name: UI.packagesScreen.makeResult }).click();
    await expect(back.getByRole('status')).toHaveText(UI.packagesScreen.resultMade);
    await shots(page, 'result-made');

    // Sam applies it: Lee's chart is submitted at home; applying again changes nothing.
    await unlockAs(page, 'Sam Supervisor (Supervisor)', PASSPHRASE);
    await banner(page).getByRole('button', { name: UI.header.packages }).click();
    const apply = packages.getByRole('region', { name: UI.packagesScreen.applySection });
    await apply.getByLabel(UI.packagesScreen.applyPath).fill(resultPackage);
    await apply.getByRole('button', { name: UI.packagesScreen.apply }).click();
    await expect(apply.getByRole('status')).toHaveText(UI.packagesScreen.applied);
    await shots(page, 'result-applied');
    await apply.getByRole('button', { name: UI.packagesScreen.apply }).click();
    await expect(apply.getByRole('status')).toHaveText(UI.packagesScreen.appliedAgain);
    await packages.getByRole('button', { name: UI.packagesScreen.back }).click();
    await page.keyboard.press('/');
    await page.keyboard.type(LEE_CHART);
    await expect(queueGrid(page).getByRole('row', { name: new RegExp(LEE_CHART) })).toContainText('Submitted');
  } finally {
    await own.stop();
  }
});
