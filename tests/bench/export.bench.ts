/**
 * Export of 10,000 submitted charts in each format, in a real encrypted workspace (charts and
 * submissions inserted directly, with the demo answer codings round-robin): the whole export as
 * the API runs it (read, build, FHIR validation, encryption with a fresh scrypt key, temp write,
 * name), target < 10 s each, and the per-claim build time p50/p95.
 * CODEDESK_BENCH_EXPORT_CHARTS overrides the count (for a quick run).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { insertCharts, readDemoCharts, type ChartInsert } from '../../src/main/services/charts/demo';
import { transaction } from '../../src/main/services/db/transaction';
import { exportResults } from '../../src/main/services/interchange/out/export';
import { csvRows } from '../../src/main/services/interchange/out/csv';
import { claimFor } from '../../src/main/services/interchange/out/fhir-claim';
import { assertValidFhir } from '../../src/main/services/interchange/out/fhir-validate';
import { barP12 } from '../../src/main/services/interchange/out/hl7-bar';
import { exportRecords, type ExportRecord } from '../../src/main/services/interchange/out/records';
import { sealer } from '../../src/main/services/interchange/out/sealed-file';
import { closeWorkspace, openWorkspace } from '../../src/main/services/workspace/open';
import type { Coding } from '../../src/shared/domain';
import type { ExportFormat } from '../../src/shared/results';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const CHARTS = Number(process.env.CODEDESK_BENCH_EXPORT_CHARTS ?? 10_000);
const PASSPHRASE = 'vellum otter quarry lantern';

function answers(repoRoot: string): Map<string, Coding> {
  const out = new Map<string, Coding>();
  for (const name of ['answer-key-a.json', 'answer-key-b.json']) {
    const key = JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'demo', name), 'utf8')) as Record<string, Coding>;
    for (const [id, coding] of Object.entries(key)) out.set(id, coding);
  }
  return out;
}

function perClaim(records: readonly ExportRecord[], format: ExportFormat): number[] {
  const at = new Date();
  return records.map((r, i) => {
    const start = performance.now();
    if (format === 'fhir') assertValidFhir(claimFor(r), { index: i, total: records.length });
    else if (format === 'hl7') barP12(r, 'B', at);
    else csvRows(r);
    return performance.now() - start;
  });
}

export const exportBench: BenchModule = {
  name: 'export',
  async run({ repoRoot, tempDir }) {
    const db = openWorkspace(path.join(tempDir, 'workspace.db'), crypto.randomBytes(32), { create: true });
    try {
      const demo = readDemoCharts(path.join(repoRoot, 'resources'));
      const key = answers(repoRoot);
      const charts: ChartInsert[] = Array.from({ length: CHARTS }, (_, i) => {
        const source = demo[i % demo.length]!;
        return { ...source, id: `BX-${String(i).padStart(6, '0')}`, patientName: 'Bench Patient', patientAge: source.patient.age, patientSex: source.patient.sex, priority: 3, dueDate: '2026-12-01', assignee: 'Bench Coder', documents: [] };
      });
      insertCharts(db, charts, '2026-09-01T00:00:00.000Z');
      transaction(db, () => {
        const insert = db.prepare("INSERT INTO submissions(chart_id, version, coding_json, submitted_at, submitted_by, device_id) VALUES (?, 1, ?, ?, 'bench-coder', 'bench-device')");
        charts.forEach((c, i) => insert.run(c.id, JSON.stringify(key.get(demo[i % demo.length]!.id)), `2026-09-${String((i % 28) + 1).padStart(2, '0')}T12:00:00.000Z`));
        db.exec("UPDATE charts SET status = 'submitted'");
      });
      const records = [...exportRecords(db, {})];
      perClaim(records.slice(0, 50), 'fhir'); // load the R4 definitions outside the timings
      const figures: Record<string, unknown> = {};
      for (const format of ['fhir', 'hl7', 'csv'] as const) {
        const start = performance.now();
        const seal = await sealer(PASSPHRASE);
        const out = exportResults(db, { format, selection: {}, target: path.join(tempDir, `export.${format}`), sealer: seal }, { now: new Date(), audit: () => undefined });
        seal.wipe();
        const ms = performance.now() - start;
        figures[`export${format[0]!.toUpperCase()}${format.slice(1)}`] = {
          charts: out.charts,
          codes: out.codes,
          megabytes: Math.round(out.bytes / 1e5) / 10,
          seconds: Math.round(ms) / 1000,
          targetSeconds: 10,
          perClaim: summarise(perClaim(records, format)),
        };
      }
      return figures;
    } finally {
      closeWorkspace(db);
    }
  },
};
