/**
 * Keystroke-to-results-painted in the real UI: builds the app (electron-vite), imports the
 * FY2026 ICD-10-CM order file into a temp home, starts the browser host on it, and types the
 * picker queries key by key in Debian Chromium (playwright-core). The renderer's User Timing
 * measures give p50/p95 per painted keystroke (target p95 ≤ 16 ms) and, separately, the
 * renderer's own share from the search reply to the paint.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { closeContentDb, openContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import type { BenchModule } from './bench-module';
import { CODE_SEARCH_QUERIES } from './code-search-queries';
import { summarise } from './stats';

const PASSPHRASE = 'bench passphrase, not a secret';
/** A brisk coder: about 12 keys a second. */
const KEY_DELAY_MS = 80;
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** Build output goes to stderr: stdout carries the one JSON object only. */
function build(repoRoot: string): void {
  const bin = path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const run = spawnSync(process.execPath, [bin, 'build'], { cwd: repoRoot, encoding: 'utf8' });
  process.stderr.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  if (run.status !== 0) throw new Error('the app did not build (npm run build)');
}

/** The CLI import first (the user's path); in-process with the same service when the CLI fails. */
function importCm(repoRoot: string, home: string, file: string): string {
  const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'codedesk.mjs'), '--home', home, 'codes', 'import', file], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent' },
  });
  if (cli.status === 0) return 'cli';
  process.stderr.write(`ui-search: the CLI import failed (${(cli.stderr || cli.stdout).trim().split('\n').at(-1) ?? ''}); importing in-process\n`);
  const db = openContentDb(path.join(home, 'content.db'));
  try {
    importCodeFiles(db, [file]);
  } finally {
    closeContentDb(db);
  }
  return 'in-process (CLI failed)';
}

async function startHost(repoRoot: string, home: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'out', 'main', 'host.js'), '--home', home], {
    cwd: repoRoot,
    env: { ...process.env, CODEDESK_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function openAChart(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Display name').fill('Bench Coder');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await page.getByRole('grid', { name: 'Chart queue' }).waitFor();
  await page.getByRole('row', { name: /IP-/ }).first().click();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Search codes' }).waitFor();
}

const takeMeasures = (page: Page, name: string) =>
  page.evaluate((n) => {
    const values = performance.getEntriesByName(n, 'measure').map((e) => e.duration);
    performance.clearMeasures(n);
    return values;
  }, name);

export const uiSearchBench: BenchModule = {
  name: 'ui-search',
  async run({ repoRoot, tempDir }) {
    const file = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets', 'icd10cm', 'icd10cm_order_2026.txt');
    if (!fs.existsSync(file)) throw new Error(`missing official file ${file}`);
    build(repoRoot);
    const home = path.join(tempDir, 'home');
    fs.mkdirSync(home);
    const importedBy = importCm(repoRoot, home, file);
    const host = await startHost(repoRoot, home);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await openAChart(page, host.url);
      const box = page.getByRole('combobox', { name: 'Search codes' });
      const settled = page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first().or(page.getByText('No codes match.'));
      const keyToPaint: number[] = [];
      const replyToPaint: number[] = [];
      let keystrokes = 0;
      for (const query of CODE_SEARCH_QUERIES) {
        await box.fill('');
        await box.pressSequentially(query, { delay: KEY_DELAY_MS });
        keystrokes += query.length;
        await settled.waitFor();
        await page.waitForTimeout(50); // the last paint's mark lands one frame after the results
        keyToPaint.push(...(await takeMeasures(page, 'search:keystroke-to-paint')));
        replyToPaint.push(...(await takeMeasures(page, 'search:reply-to-paint')));
      }
      if (keyToPaint.length === 0) throw new Error('no keystroke-to-paint measures were recorded');
      return {
        uiSearch: {
          dataset: `ICD-10-CM FY2026 order file, imported ${importedBy}; browser host + Chromium, picker limit 25`,
          queries: CODE_SEARCH_QUERIES.length,
          keystrokes,
          keyDelayMs: KEY_DELAY_MS,
          paintedKeystrokes: keyToPaint.length,
          keystrokeToPaint: summarise(keyToPaint),
          replyToPaint: summarise(replyToPaint),
          targetP95Ms: 16,
        },
      };
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};
