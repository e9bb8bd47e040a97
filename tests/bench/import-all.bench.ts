/**
 * Import of every current official file in ../shared that the registry recognises (the FY2026
 * CM and PCS order files, codes files, addenda, HCPCS, and whatever other importers exist when
 * it runs: POA, MCE, MUE, AOC, tabular, indexes, PCS XML; the fy2025/ copies are left out)
 * into a temp database, in planning order: total seconds, rows/s, per-file seconds, peak RSS.
 *
 * The import runs in a fresh child process (node + tsx), so peakRssMb is that child's own
 * high-water mark (resourceUsage().maxRSS): module loading, the database and this one run of
 * every import, and nothing from benches that ran before it in the parent.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './bench-module';

async function childMain(codesets: string, dbPath: string): Promise<void> {
  const { closeContentDb, openContentDb } = await import('../../src/main/services/codesets/content-db');
  const { planImports } = await import('../../src/main/services/codesets/importers/plan');
  const db = openContentDb(dbPath);
  try {
    const started = performance.now();
    // The current set: FY2025 copies (kept for year-over-year tests) are left out.
    const plan = (await planImports([codesets])).filter((p) => !p.source.path.includes(`${path.sep}fy2025${path.sep}`));
    const files = [];
    for (const { source, importer } of plan) {
      const t = performance.now();
      const summary = await importer.run({ db, progress: () => undefined }, source);
      files.push({ file: path.relative(codesets, source.path), kind: summary.kind, rows: summary.codes, seconds: round((performance.now() - t) / 1000) });
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = files.reduce((sum, f) => sum + f.rows, 0);
    const figures = {
      files: files.length,
      kinds: [...new Set(files.map((f) => f.kind))],
      seconds: round(seconds),
      rows,
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      peakRssCovers: 'a fresh child process: module loading, the content db and this import of every file',
      targetSeconds: 60,
      perFile: files,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    closeContentDb(db);
  }
}

export const importAllBench: BenchModule = {
  name: 'import-all',
  run({ repoRoot, tempDir }) {
    const codesets = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets');
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', codesets, path.join(tempDir, 'content.db')], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 4 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`import-all child failed: ${child.stderr.slice(-2000)}`);
    return { importAll: JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as unknown };
  },
};

const round = (n: number) => Math.round(n * 1000) / 1000;

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--child') {
  childMain(process.argv[3] ?? '.', process.argv[4] ?? 'content.db').catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
