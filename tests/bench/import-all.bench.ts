/**
 * Import of every current official file in ../shared that the registry recognises (the FY2026
 * CM and PCS order files, codes files, addenda, HCPCS, and whatever other importers exist when
 * it runs: POA, MCE, MUE, AOC, tabular, indexes, PCS XML; the fy2025/ copies are left out)
 * into a temp database, in planning order: total seconds, rows/s, per-file seconds, peak RSS.
 */
import path from 'node:path';
import { closeContentDb, openContentDb } from '../../src/main/services/codesets/content-db';
import { planImports } from '../../src/main/services/codesets/importers/plan';
import type { BenchModule } from './bench-module';

export const importAllBench: BenchModule = {
  name: 'import-all',
  run({ repoRoot, tempDir }) {
    const codesets = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets');
    const db = openContentDb(path.join(tempDir, 'content.db'));
    try {
      const started = performance.now();
      // The current set: FY2025 copies (kept for year-over-year tests) are left out.
      const plan = planImports([codesets]).filter((p) => !p.source.path.includes(`${path.sep}fy2025${path.sep}`));
      const files = plan.map(({ source, importer }) => {
        const t = performance.now();
        const summary = importer.run({ db, progress: () => undefined }, source);
        return { file: path.relative(codesets, source.path), kind: summary.kind, rows: summary.codes, seconds: round((performance.now() - t) / 1000) };
      });
      const seconds = (performance.now() - started) / 1000;
      const rows = files.reduce((sum, f) => sum + f.rows, 0);
      return {
        importAll: {
          files: files.length,
          kinds: [...new Set(files.map((f) => f.kind))],
          seconds: round(seconds),
          rows,
          rowsPerSecond: Math.round(rows / seconds),
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
          targetSeconds: 60,
          perFile: files,
        },
      };
    } finally {
      closeContentDb(db);
    }
  },
};

const round = (n: number) => Math.round(n * 1000) / 1000;
