/**
 * Documents as coders see them, in real Chromium: a PDF drawn by pdf.js with a selectable text
 * layer that find-in-chart searches across pages; an HTML note with planted script, handlers,
 * remote loads and frames shown sanitised (the planted script never runs, nothing is fetched);
 * a damaged and a password-protected PDF and a TIFF listed, kept, and explained.
 * The documents are written into the encrypted workspace while it is locked, as an import would.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, test, type Page } from '@playwright/test';
import { unlockProfile } from '../../src/main/services/users/profiles';
import { makePdf } from '../main/helpers/pdf';
import { startHost, type RunningHost } from './host';
import { PASSPHRASE, createProfileWithDemo, screenshotsAtSizes } from './steps';

const CHART = 'IP-260102';

const PLANTED_HTML = `<html><head>
<style>body { background: url(https://example.invalid/bg.png) } .find-bar { display: none }</style>
<script>window.__planted = 'script'</script>
<link rel="stylesheet" href="https://example.invalid/x.css">
</head><body>
<h1>Emergency department note</h1>
<p>Chief complaint: <b>chest pain</b> radiating to the left arm, onset two hours before arrival.</p>
<img src="https://example.invalid/tracker.png" alt="ECG strip">
<img src="x" onerror="window.__planted = 'onerror'">
<p>Prior records: <a href="javascript:window.__planted = 'link'">outside hospital</a>
 and <a href="https://example.invalid/chart">portal</a>.</p>
<iframe src="https://example.invalid/frame"></iframe>
<svg onload="window.__planted = 'svg'"><circle r="5"/></svg>
<table><tr><th>Test</th><th>Result</th></tr><tr><td>Troponin I</td><td>0.01 ng/mL</td></tr>
<tr><td>Hemoglobin</td><td>13.9 g/dL</td></tr></table>
<form action="https://example.invalid/post"><input name="q"><button>Send</button></form>
<div style="background-image: url(https://example.invalid/s.png)">Disposition: admitted to telemetry.</div>
</body></html>`;

const CONSULT_PAGES = [
  [
    'CARDIOLOGY CONSULTATION',
    '',
    'Reason for consultation: chest pain, rule out acute coronary syndrome.',
    'History: 67-year-old with hypertension and type 2 diabetes mellitus, presenting with',
    'substernal pressure at rest lasting twenty minutes, relieved by nitroglycerin.',
    'Medications: metformin 1000 mg twice daily, lisinopril 20 mg daily.',
  ].join('\n'),
  [
    'LABORATORY AND STUDIES',
    '',
    'High-sensitivity troponin I below the reference limit at 0 and 3 hours.',
    'ECG: normal sinus rhythm, no acute ST-segment changes.',
    'Chest radiograph: no acute cardiopulmonary process.',
  ].join('\n'),
  [
    'ASSESSMENT AND PLAN',
    '',
    'Noncardiac chest pain, likely musculoskeletal. Acute coronary syndrome ruled out.',
    'Plan: outpatient exercise stress test; continue home medications.',
  ].join('\n'),
];

const TIFF = Buffer.concat([Buffer.from('II*\0'), Buffer.alloc(4200, 1)]);

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** Adds the documents to the chart with the workspace key while CodeDesk is locked. */
async function addDocuments(home: string): Promise<void> {
  const consult = await makePdf(CONSULT_PAGES);
  const locked = await makePdf(['Outside records'], { userPassword: 'never-given' });
  const long = await makePdf(Array.from({ length: 60 }, (_, i) => `Nursing flowsheet, page ${i + 1} of 60\n\nEntry marker-${i + 1}: vital signs stable.`));
  const damaged = Buffer.concat([consult.subarray(0, 400), Buffer.from('garbage'.repeat(50))]);
  const id = fs.readdirSync(path.join(home, 'profiles')).find((f) => !f.startsWith('.'))!;
  const { key } = await unlockProfile(home, id, PASSPHRASE);
  const db = new Database(path.join(home, 'profiles', id, 'workspace.db'));
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  const insert = db.prepare(
    `INSERT INTO documents(id, chart_id, kind, title, author, doc_date, body, seq, content_type, data)
     VALUES (?, ?, ?, ?, 'Dr. Synthetic', '2026-01-03', ?, ?, ?, ?)`,
  );
  insert.run('io-pdf', CHART, 'consult', 'Cardiology consult', '', 101, 'application/pdf', consult);
  insert.run('io-html', CHART, 'ed_note', 'ED note (HTML)', PLANTED_HTML, 102, 'text/html', null);
  insert.run('io-locked', CHART, 'other', 'Outside records', '', 103, 'application/pdf', locked);
  insert.run('io-damaged', CHART, 'other', 'Scanned referral', '', 104, 'application/pdf', damaged);
  insert.run('io-tiff', CHART, 'other', 'Faxed order', '', 105, 'image/tiff', TIFF);
  insert.run('io-long', CHART, 'progress_note', 'Nursing flowsheet', '', 106, 'application/pdf', long);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  key.fill(0);
}

async function openDocument(page: Page, title: string): Promise<void> {
  const name = new RegExp(title.replace(/[()]/g, '\\$&'));
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name }).click();
  await expect(page.getByRole('article', { name: 'Document' }).getByRole('heading', { name: title })).toBeVisible();
}

test('PDF, HTML and types the viewer cannot show, as a coder sees them', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(host.url).origin)) foreign.push(request.url());
  });
  // pdf.js keeps inside the CSP (no eval, no WebAssembly, worker from our origin): nothing of it
  // is refused. The planted HTML's handlers and styles are, when DOMPurify parses it: the CSP
  // stands behind the sanitiser even there.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(host.url);
  await createProfileWithDemo(page);
  await expect(page.getByText('44 charts')).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'CodeDesk is locked' })).toBeVisible();
  await addDocuments(host.home);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('row', { name: new RegExp(CHART) }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: new RegExp(`^Chart ${CHART}`) })).toBeVisible();

  // The list says what each added document is; the TIFF is listed and kept.
  const list = page.getByRole('navigation', { name: 'Documents' });
  await expect(list.getByRole('button', { name: /Cardiology consult/ })).toContainText(/PDF · \d\.\d KB/);
  await expect(list.getByRole('button', { name: /Faxed order/ })).toContainText('TIFF image · 4.2 KB · cannot display');

  // PDF: three pages drawn at fit width, text on the text layer, selectable.
  await openDocument(page, 'Cardiology consult');
  const viewer = page.getByRole('article', { name: 'Document' });
  await expect(viewer.getByRole('toolbar', { name: 'PDF' })).toContainText('3 pages');
  await expect(list.getByRole('button', { name: /Cardiology consult/ })).toContainText(/PDF · 3 pages · \d\.\d KB/);
  await expect(viewer.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'true');
  const first = viewer.getByRole('group', { name: 'Page 1' });
  await expect(first.locator('canvas')).toHaveCount(1);
  const word = first.locator('.textLayer span', { hasText: 'CARDIOLOGY' });
  await expect(word).toBeVisible();
  await word.dblclick({ position: { x: 4, y: 4 } });
  expect(await page.evaluate(() => (globalThis as unknown as { getSelection(): { toString(): string } | null }).getSelection()?.toString().trim())).toBe('CARDIOLOGY');
  // Fit width fits the text, not the paper: the page's text block fills the pane's width.
  const line = (await first.locator('.textLayer span', { hasText: 'History: 67-year-old' }).boundingBox())!;
  const pane = (await viewer.getByLabel('PDF pages').boundingBox())!;
  expect(line.x).toBeGreaterThanOrEqual(pane.x);
  expect(line.x + line.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(line.width).toBeGreaterThan(pane.width * 0.8);

  // Find in chart: a word only on page 2 is counted, marked on page 2's text layer and brought into view.
  const find = page.getByRole('searchbox', { name: 'Find in chart' });
  await find.fill('troponin');
  await expect(page.locator('.find-position')).toHaveText('1 of 1');
  const hit = viewer.getByRole('group', { name: 'Page 2' }).locator('mark.current');
  await expect(hit).toHaveText(/troponin/i);
  await expect(hit).toBeInViewport();
  await expect(page.getByRole('button', { name: 'ED note (HTML) (1)' })).toBeVisible();
  await find.fill('chest pain');
  await expect(page.locator('.find-position')).toHaveText('1 of 2');
  await find.press('Enter');
  await expect(page.locator('.find-position')).toHaveText('2 of 2');
  await expect(viewer.getByRole('group', { name: 'Page 3' }).locator('mark.current')).toBeInViewport();
  // Zoom: + leaves fit width, Fit width comes back to it.
  const zoomed = viewer.getByRole('toolbar', { name: 'PDF' });
  const fitPercent = await zoomed.getByLabel('Zoom', { exact: true }).textContent();
  await zoomed.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoomed.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'false');
  await expect(zoomed.getByLabel('Zoom', { exact: true })).not.toHaveText(fitPercent!);
  await zoomed.getByRole('button', { name: 'Fit width' }).click();
  await expect(zoomed.getByLabel('Zoom', { exact: true })).toHaveText(fitPercent!);

  await find.fill('troponin');
  await screenshotsAtSizes(page, 'io-viewer-pdf');

  // A long PDF: only the pages in or near view are drawn; find still reaches page 45.
  await find.fill('');
  await openDocument(page, 'Nursing flowsheet');
  await expect(viewer.getByRole('toolbar', { name: 'PDF' })).toContainText(/^60 pages/);
  await expect(viewer.getByRole('group', { name: 'Page 1' }).locator('canvas')).toHaveCount(1);
  expect(await viewer.locator('.pdf-page canvas').count()).toBeLessThanOrEqual(4);
  await find.fill('marker-45');
  await expect(page.locator('.find-position')).toHaveText('1 of 1');
  await expect(viewer.getByRole('group', { name: 'Page 45' }).locator('mark.current')).toBeInViewport();
  expect(await viewer.locator('.pdf-page canvas').count()).toBeLessThanOrEqual(4);
  await expect(viewer.getByRole('group', { name: 'Page 1' }).locator('canvas')).toHaveCount(0);

  // HTML: shown sanitised; the planted script, handlers, link and frames never act.
  await find.fill('');
  await openDocument(page, 'ED note (HTML)');
  const body = viewer.locator('.doc-html');
  await expect(body).toContainText('Chief complaint: chest pain radiating to the left arm');
  await expect(body.locator('table td', { hasText: 'Troponin I' })).toBeVisible();
  await expect(body).toContainText('[image not shown: ECG strip]');
  await expect(body.locator('script, style, iframe, svg, form, input, link, img, a, [style], [onerror]')).toHaveCount(0);
  await expect(page.locator('.find-bar')).toBeVisible(); // the document's <style> did not restyle the app
  await body.getByText('outside hospital').click();
  expect(await page.evaluate(() => (globalThis as { __planted?: string }).__planted)).toBeUndefined();
  expect(page.url()).toBe(`${new URL(host.url).origin}/`); // not navigated anywhere
  await find.fill('troponin');
  await expect(body.locator('mark.current')).toHaveText('Troponin');
  await screenshotsAtSizes(page, 'io-viewer-html');
  await find.fill('');

  // PDFs that cannot be drawn, and a type the viewer does not show: explained, kept, sized.
  await openDocument(page, 'Scanned referral');
  await expect(viewer.getByRole('status')).toContainText('This PDF could not be displayed');
  await expect(viewer.getByRole('status')).toContainText('damaged');
  await expect(list.getByRole('button', { name: /Scanned referral/ })).toContainText('PDF · 750 B · could not be displayed');
  await openDocument(page, 'Outside records');
  await expect(viewer.getByRole('status')).toContainText('This PDF could not be displayed');
  await expect(viewer.getByRole('status')).toContainText('password-protected');
  await openDocument(page, 'Faxed order');
  await expect(viewer.getByRole('status')).toContainText('CodeDesk cannot display this document (TIFF image)');
  await expect(viewer.getByRole('status')).toContainText('4.2 KB');
  await screenshotsAtSizes(page, 'io-viewer-cannot-display');
  expect(await page.evaluate(() => (globalThis as { __planted?: string }).__planted)).toBeUndefined();
  expect(foreign).toEqual([]);
  expect(refused.filter((m) => !/^(Executing inline event handler|Applying inline style)/.test(m))).toEqual([]);
});
