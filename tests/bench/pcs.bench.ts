/**
 * ICD-10-PCS: importing the real FY2026 tables XML (seconds, codes/s), and the table builder
 * (pcsBuild) over a few hundred random prefixes of valid codes, as a coder steps through it.
 */
import path from 'node:path';
import { closeContentDb, openContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import { pcsBuild } from '../../src/main/services/codesets/pcs/build';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const PREFIXES = 500;

/** A small deterministic generator, so every run times the same prefixes. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const pcsBench: BenchModule = {
  name: 'pcs',
  async run({ repoRoot, tempDir }) {
    const pcs = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets', 'icd10pcs');
    const db = openContentDb(path.join(tempDir, 'content.db'));
    try {
      const tables = await importCodeFiles(db, [path.join(pcs, 'icd10pcs_tables_2026.xml')]);
      const definitions = await importCodeFiles(db, [path.join(pcs, 'icd10pcs_definitions_2026.xml')]);
      const coldStart = performance.now();
      pcsBuild(db, { prefix: '', date: '2026-01-15' });
      const coldMs = performance.now() - coldStart;

      // Random walks: at each step pick one of the options offered, keep every prefix.
      const random = seeded(2026);
      const prefixes: string[] = [];
      while (prefixes.length < PREFIXES) {
        let prefix = '';
        for (let i = 0; i < 7 && prefixes.length < PREFIXES; i++) {
          const step = pcsBuild(db, { prefix, date: '2026-01-15' });
          const option = step.options[Math.floor(random() * step.options.length)];
          if (!option) break;
          prefix += option.value;
          prefixes.push(prefix);
        }
      }
      const times = prefixes.map((prefix) => {
        const start = performance.now();
        pcsBuild(db, { prefix, date: '2026-01-15' });
        return performance.now() - start;
      });
      const codes = tables.files[0]?.codes ?? 0;
      return {
        pcsTablesImport: {
          file: 'icd10pcs_tables_2026.xml',
          seconds: Math.round(tables.seconds * 1000) / 1000,
          codes,
          codesPerSecond: Math.round(codes / tables.seconds),
          definitionsSeconds: Math.round(definitions.seconds * 1000) / 1000,
        },
        pcsBuild: { calls: times.length, firstCallLoadMs: Math.round(coldMs * 1000) / 1000, ...summarise(times) },
      };
    } finally {
      closeContentDb(db);
    }
  },
};
