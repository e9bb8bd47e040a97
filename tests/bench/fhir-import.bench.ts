/**
 * Importing a hospital's FHIR bulk export at volume (issue 12, "Measured"): the synthetic export
 * of scripts/synth-fhir-export.mjs (10,000 encounters, 50,000 documents; BENCH_FHIR_ENCOUNTERS
 * sets another count) imported into a real encrypted workspace through the API method
 * `charts.import`, as the app and the CLI call it. Reports the generator's own time, the
 * import's time, rows/s, peak memory (RSS sampled every 25 ms during the import, and the
 * process's high-water mark — exact when this bench runs alone: `npm run bench -- fhirImport`),
 * a second import of the same export (nothing should change), and the queue's page query with
 * the imported charts beside the queue bench's figure for 10,000 directly inserted charts.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { callApi, isMethodName } from '../../src/main/api';
import { CodeDeskApp } from '../../src/main/app';
import { value } from '../../src/main/services/db/rows';
import { listCharts } from '../../src/main/services/charts/queue';
import { createProfile } from '../../src/main/services/users/profiles';
import { chartListInput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';
import type { BenchModule } from './bench-module';
import { measureQueuePages, queuePageInputs, syntheticQueueFigure } from './queue.bench';

const IMPORT_METHOD = 'charts.import';
const TARGET_SECONDS = 60;
const TARGET_MB = 500;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (ms: number) => Math.round(ms / 10) / 100;

async function generate(repoRoot: string, out: string, encounters: number): Promise<{ seconds: number; files: Record<string, number> }> {
  const script = path.join(repoRoot, 'scripts', 'synth-fhir-export.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [script, '--encounters', String(encounters), '--out', out, '--seed', 'bench'], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as { seconds: number; files: Record<string, number> };
}

/** Runs `work` while sampling RSS; the sampler only sees the import when the import yields. */
async function withRssSampling<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; rssBeforeMb: number; rssPeakSampledMb: number; samples: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  let samples = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    samples++;
  }, 25);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, ms, rssBeforeMb: mb(before), rssPeakSampledMb: mb(peak), samples };
  } finally {
    clearInterval(timer);
  }
}

/** `charts.import`'s answer, read loosely: its output type belongs to the ingest (summary counts, refusals). */
function summaryOf(answer: unknown): Record<string, unknown> {
  if (!answer || typeof answer !== 'object') return {};
  const a = answer as Record<string, unknown>;
  const count = (k: string) => (typeof a[k] === 'number' ? a[k] : undefined);
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), refused: Array.isArray(a.refused) ? a.refused.length : count('refused') };
}

export const fhirImportBench: BenchModule = {
  name: 'fhirImport',
  async run({ repoRoot, tempDir }) {
    const encounters = Number(process.env.BENCH_FHIR_ENCOUNTERS ?? 10_000);
    const exportDir = path.join(tempDir, 'export');
    const generated = await generate(repoRoot, exportDir, encounters);
    const documentsInExport = (generated.files.DocumentReference ?? 0) + (generated.files.DiagnosticReport ?? 0);
    const generator = { encounters, documents: documentsInExport, seconds: generated.seconds };
    if (!isMethodName(IMPORT_METHOD)) {
      return { fhirImport: { generator, skipped: `import path not available yet (no ${IMPORT_METHOD} API method on this branch)` } };
    }

    const app = new CodeDeskApp({ home: path.join(tempDir, 'home'), resourcesDir: path.join(repoRoot, 'resources') });
    try {
      const made = await createProfile(
        path.join(tempDir, 'home'),
        { displayName: 'Bench Coder', role: 'coder', passphrase: 'correct horse battery staple', deviceId: app.deviceId },
        { scrypt: { N: 2 ** 10, r: 8, p: 1 } },
      );
      app.startSession(made.profile, made.key);
      const db = app.requireSession().db;
      // `as string`: the untyped overload, so this compiles before and after the method exists.
      const importOnce = async (): Promise<unknown> => {
        const answer: Result<unknown> = await callApi(app, IMPORT_METHOD as string, { paths: [exportDir] });
        if (!answer.ok) throw new Error(`${IMPORT_METHOD} failed: ${answer.error.code} ${answer.error.message}`);
        return answer.value;
      };

      const first = await withRssSampling(importOnce);
      const charts = value<number>(db, 'SELECT count(*) FROM charts') ?? 0;
      const documents = value<number>(db, 'SELECT count(*) FROM documents') ?? 0;
      const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      const memory = process.memoryUsage();
      const again = await withRssSampling(importOnce);

      const firstPage = listCharts(db, chartListInput.parse({ limit: 1 })).rows[0];
      const payerWord = firstPage?.payer.split(/\s+/)[0] ?? 'medicare';
      const idFragment = firstPage?.id.slice(0, -2) ?? '';
      const inputs = queuePageInputs(payerWord, idFragment, charts);
      const imported = { charts, pageSize: 100, queries: inputs.length, ...measureQueuePages(db, inputs) };
      const before = syntheticQueueFigure(path.join(tempDir, 'queue-synthetic.db'));

      return {
        fhirImport: {
          generator,
          import: {
            seconds: seconds(first.ms),
            charts,
            documents,
            chartsPerSecond: Math.round(charts / (first.ms / 1000)),
            documentsPerSecond: Math.round(documents / (first.ms / 1000)),
            summary: summaryOf(first.result),
            rssBeforeMb: first.rssBeforeMb,
            rssPeakSampledMb: first.rssPeakSampledMb,
            rssSamples: first.samples,
            maxRssProcessMb: maxRssMb,
            memoryAfterMb: { rss: mb(memory.rss), heapUsed: mb(memory.heapUsed), heapTotal: mb(memory.heapTotal), external: mb(memory.external), arrayBuffers: mb(memory.arrayBuffers) },
            withinTargets: { seconds: first.ms / 1000 < TARGET_SECONDS, memory: first.rssPeakSampledMb < TARGET_MB },
          },
          reimport: { seconds: seconds(again.ms), summary: summaryOf(again.result), rssPeakSampledMb: again.rssPeakSampledMb },
          queuePage: { imported, syntheticInserted: before },
        },
      };
    } finally {
      app.close();
    }
  },
};
