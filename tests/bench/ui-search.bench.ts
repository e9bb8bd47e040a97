/**
 * Keystroke-to-results-painted in the real UI: builds the app (electron-vite), imports the
 * FY2026 ICD-10-CM order file into a temp home, starts the browser host on it, and types the
 * picker queries key by key in Debian Chromium (playwright-core). The renderer's User Timing
 * measures give p50/p95 per painted keystroke (target p95 ≤ 16 ms), split into the frame floor
 * (keystroke to the first frame painted after it, on the same page: Chromium's 60 Hz clock),
 * CodeDesk's share beyond it, the round trip, the renderer's own share from the reply to the
 * paint, which frame after the keystroke painted its results, and how long each keystroke's
 * frame held the page waiting for its reply. Round trips made from the page without the UI
 * tell the transport (the host's WebSocket) from the main process's search.
 *
 * Frame accounting: Chromium renders the frame that echoes the typed character right after the
 * key's input task. The picker takes its reply at that frame's start from the call worker's
 * shared reply slot (waiting until 10 ms after the key at most), so results in time paint in
 * the echo's own frame (`paintedInFrame.first`); a reply that misses it comes as a message and
 * paints a frame interval later at the earliest.
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
async function importCm(repoRoot: string, home: string, file: string): Promise<string> {
  const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'codedesk.mjs'), '--home', home, 'codes', 'import', file], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent' },
  });
  if (cli.status === 0) return 'cli';
  process.stderr.write(`ui-search: the CLI import failed (${(cli.stderr || cli.stdout).trim().split('\n').at(-1) ?? ''}); importing in-process\n`);
  const db = openContentDb(path.join(home, 'content.db'));
  try {
    await importCodeFiles(db, [file]);
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

// The picker's User Timing names (src/renderer/features/coding/search-timing.ts; the renderer's
// DOM-typed module stays out of this Node build).
const KEYSTROKE_TO_PAINT = 'search:keystroke-to-paint';
const REPLY_TO_PAINT = 'search:reply-to-paint';
const KEYSTROKE_TO_ECHO = 'search:keystroke-to-echo';
const KEYSTROKE_TO_REPLY = 'search:keystroke-to-reply';
const KEYSTROKE_WAIT = 'search:keystroke-wait';
const SEARCH_MEASURES = [KEYSTROKE_TO_PAINT, REPLY_TO_PAINT, KEYSTROKE_TO_ECHO, KEYSTROKE_TO_REPLY, KEYSTROKE_WAIT];

interface Measure {
  name: string;
  duration: number;
  /** performance.now() time the measure starts (the keystroke's mark in the input handler). */
  startTime: number;
  id: number;
  firstFrame?: boolean;
  /** Paint measures: frame clock time from the keystroke's first frame to the painting one. */
  afterFirstFrameMs?: number;
  /** Wait measures: the reply came within the keystroke's wait. */
  inTime?: boolean;
}

/**
 * Records each keydown's own timestamp (when the browser received the key), so the bench can
 * also time from there: the picker's marks start in the input handler, after the browser has
 * inserted the character (about 2 ms later).
 */
const recordKeydowns = (page: Page) =>
  page.evaluate(`(() => {
    window.benchKeydowns = [];
    document.addEventListener('keydown', (e) => window.benchKeydowns.push(e.timeStamp), { capture: true, passive: true });
  })()`);

const takeKeydowns = (page: Page) => page.evaluate<number[]>('window.benchKeydowns.splice(0)');

/** Keydown to results painted: each paint measure from the last keydown before its keystroke mark. */
function fromKeydown(measures: readonly Measure[], keydowns: readonly number[]): number[] {
  const sorted = [...keydowns].sort((a, b) => a - b);
  return measures
    .filter((m) => m.name === KEYSTROKE_TO_PAINT)
    .flatMap((m) => {
      const before = sorted.filter((t) => t <= m.startTime).at(-1);
      return before === undefined ? [] : [m.startTime + m.duration - before];
    });
}

/** Takes (and clears) the picker's measures; see src/renderer/features/coding/search-timing.ts. */
const takeMeasures = (page: Page) =>
  page.evaluate((names) => {
    const out: Measure[] = [];
    for (const name of names) {
      for (const e of performance.getEntriesByName(name, 'measure') as unknown as { duration: number; startTime: number; detail?: unknown }[]) {
        const detail = (e.detail ?? {}) as { id?: number; firstFrame?: boolean; afterFirstFrameMs?: number | null; inTime?: boolean };
        out.push({
          name,
          duration: e.duration,
          startTime: e.startTime,
          id: detail.id ?? -1,
          ...(detail.firstFrame === undefined ? {} : { firstFrame: detail.firstFrame }),
          ...(typeof detail.afterFirstFrameMs === 'number' ? { afterFirstFrameMs: detail.afterFirstFrameMs } : {}),
          ...(detail.inTime === undefined ? {} : { inTime: detail.inTime }),
        });
      }
      performance.clearMeasures(name);
    }
    return out;
  }, SEARCH_MEASURES);

/** The page's frame interval: the median gap between 60 animation frames. (A string, so the
 * bench's transpiler adds no helpers the page lacks.) */
const frameInterval = (page: Page) =>
  page.evaluate<number>(`new Promise((resolve) => {
    const times = [];
    requestAnimationFrame(function tick(t) {
      times.push(t);
      if (times.length < 61) return requestAnimationFrame(tick);
      resolve(times.slice(1).map((v, i) => v - times[i]).sort((a, b) => a - b)[30]);
    });
  })`);

/**
 * Round trips from the page with no UI work around them: a trivial call (the transport's own
 * floor) and the picker's searches (every prefix of the first queries), over a WebSocket to the
 * host as the picker's call worker sends them, so the report can tell the transport from the
 * main process's search.
 */
const roundTrips = (page: Page, searchInput: Record<string, unknown>, prefixes: readonly string[]) =>
  page.evaluate<{ trivial: number[]; search: number[] }>(
    `(async ({ searchInput, prefixes }) => {
      const token = sessionStorage.getItem('codedesk.hostToken');
      const pause = () => new Promise((r) => setTimeout(r, 40));
      const socket = new WebSocket('ws://' + location.host + '/api/socket', ['codedesk.v1', token]);
      await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
      let id = 0;
      const send = async (method, input) => {
        const started = performance.now();
        await new Promise((resolve) => {
          socket.onmessage = resolve;
          socket.send(JSON.stringify({ id: ++id, method, input }));
        });
        const took = performance.now() - started;
        await pause();
        return took;
      };
      const trivial = [];
      for (let i = 0; i < 100; i++) trivial.push(await send('codes.versions', {}));
      const search = [];
      for (const query of prefixes) search.push(await send('codes.search', { ...searchInput, query }));
      socket.close();
      return { trivial, search };
    })(${JSON.stringify({ searchInput, prefixes })})`,
  );

/**
 * Splits keystroke-to-paint into the frame floor (keystroke to the first frame painted after
 * it, on the same page) and what CodeDesk adds beyond it, per painted keystroke.
 */
function figures(measures: readonly Measure[], frameIntervalMs: number) {
  const byId = (name: string) => new Map(measures.filter((m) => m.name === name).map((m) => [m.id, m]));
  const paints = measures.filter((m) => m.name === KEYSTROKE_TO_PAINT);
  const echoes = byId(KEYSTROKE_TO_ECHO);
  const replies = byId(KEYSTROKE_TO_REPLY);
  const waits = measures.filter((m) => m.name === KEYSTROKE_WAIT);
  if (paints.length === 0) throw new Error('no keystroke-to-paint measures were recorded');
  const floor = paints.map((m) => echoes.get(m.id)?.duration).filter((d): d is number => d !== undefined);
  const beyond = paints.flatMap((m) => {
    const echo = echoes.get(m.id);
    return echo ? [Math.max(0, m.duration - echo.duration)] : [];
  });
  const roundTrip = paints.map((m) => replies.get(m.id)?.duration).filter((d): d is number => d !== undefined);
  const inFirst = paints.filter((m) => m.firstFrame === true).length;
  // Which frame after the keystroke painted its results: 1 = the echo's own frame.
  const frameOf = (m: Measure) => (m.afterFirstFrameMs === undefined ? null : Math.round(m.afterFirstFrameMs / frameIntervalMs) + 1);
  const share = (keep: (frame: number) => boolean) => {
    const count = paints.filter((m) => {
      const frame = frameOf(m);
      return frame !== null && keep(frame);
    }).length;
    return Math.round((count / paints.length) * 1000) / 1000;
  };
  return {
    paintedKeystrokes: paints.length,
    keystrokeToPaint: summarise(paints.map((m) => m.duration)),
    frameFloor: summarise(floor),
    // CodeDesk's share: what a keystroke waits past the frame floor (round trip, render, later frames).
    codeDeskBeyondFloor: summarise(beyond),
    keystrokeToReply: summarise(roundTrip),
    replyToPaint: summarise(measures.filter((m) => m.name === REPLY_TO_PAINT).map((m) => m.duration)),
    resultsInFirstFrameShare: Math.round((inFirst / paints.length) * 1000) / 1000,
    // 1 = the echo's own frame (the reply taken at its start); 2+ = the reply came as a message.
    paintedInFrame: { first: share((f) => f === 1), second: share((f) => f === 2), third: share((f) => f === 3), later: share((f) => f > 3) },
    keystrokeToPaintWhenSecondFrame: summarise(paints.filter((m) => frameOf(m) === 2).map((m) => m.duration)),
    // The price of the first frame: how long each keystroke's task held the page for its reply.
    pageHeldForReply: summarise(waits.map((m) => m.duration)),
    replyInTimeShare: waits.length === 0 ? 0 : Math.round((waits.filter((m) => m.inTime === true).length / waits.length) * 1000) / 1000,
  };
}

export const uiSearchBench: BenchModule = {
  name: 'ui-search',
  async run({ repoRoot, tempDir }) {
    const file = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets', 'icd10cm', 'icd10cm_order_2026.txt');
    if (!fs.existsSync(file)) throw new Error(`missing official file ${file}`);
    build(repoRoot);
    const home = path.join(tempDir, 'home');
    fs.mkdirSync(home);
    const importedBy = await importCm(repoRoot, home, file);
    const host = await startHost(repoRoot, home);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // The picker's own search input (chart date, limit), for the round trips without the UI.
      let searchInput: Record<string, unknown> | null = null;
      page.on('websocket', (socket) =>
        socket.on('framesent', ({ payload }) => {
          const message = JSON.parse(String(payload)) as { method?: string; input?: Record<string, unknown> };
          if (message.method === 'codes.search' && message.input) searchInput = message.input;
        }),
      );
      await openAChart(page, host.url);
      await recordKeydowns(page);
      // Without isolation the page cannot share memory with its call worker and never waits.
      const crossOriginIsolated = await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true);
      const box = page.getByRole('combobox', { name: 'Search codes' });
      const settled = page.getByRole('listbox', { name: 'Code results' }).getByRole('option').first().or(page.getByText('No codes match.'));
      const measures: Measure[] = [];
      const keydownToPaint: number[] = [];
      let keystrokes = 0;
      for (const query of CODE_SEARCH_QUERIES) {
        await box.fill('');
        await box.pressSequentially(query, { delay: KEY_DELAY_MS });
        keystrokes += query.length;
        await settled.waitFor();
        await page.waitForTimeout(50); // the last paint's mark lands one frame after the results
        const taken = await takeMeasures(page);
        keydownToPaint.push(...fromKeydown(taken, await takeKeydowns(page)));
        measures.push(...taken);
      }
      return {
        uiSearch: {
          dataset: `ICD-10-CM FY2026 order file, imported ${importedBy}; browser host + Chromium, picker limit 25`,
          queries: CODE_SEARCH_QUERIES.length,
          keystrokes,
          keyDelayMs: KEY_DELAY_MS,
          crossOriginIsolated,
          ...(await (async () => {
            const interval = await frameInterval(page);
            return { frameIntervalMs: Math.round(interval * 100) / 100, ...figures(measures, interval), keydownToPaint: summarise(keydownToPaint) };
          })()),
          withoutUi: await (async () => {
            const prefixes = CODE_SEARCH_QUERIES.slice(0, 30).flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
            // The picker's searches must have gone over the socket, or the figures below time a fallback.
            if (!searchInput) throw new Error('the picker sent no codes.search over the WebSocket');
            const trips = await roundTrips(page, searchInput, prefixes);
            return {
              trivialCallRoundTrip: summarise(trips.trivial),
              searchRoundTrip: summarise(trips.search),
            };
          })(),
          targetP95Ms: 16,
        },
      };
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};
