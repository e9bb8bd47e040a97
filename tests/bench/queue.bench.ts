/**
 * The chart queue with 10,000 charts in a real encrypted workspace: one page (100 rows) per
 * call, as the renderer asks for them — default order, every sortable column both ways,
 * filters and quick search — through the same listCharts the API uses.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { chartListInput, chartSortKeys, type MethodParsedInput } from '../../src/shared/contract';
import type { WorkspaceDb } from '../../src/main/services/db/handles';
import { insertCharts, type ChartInsert } from '../../src/main/services/charts/demo';
import { listCharts } from '../../src/main/services/charts/queue';
import { closeWorkspace, openWorkspace } from '../../src/main/services/workspace/open';
import type { BenchModule } from './bench-module';
import { summarise, type TimingSummary } from './stats';

const CHARTS = 10_000;
const SETTINGS = ['inpatient', 'outpatient_surgery', 'emergency', 'professional'] as const;
const PAYERS = ['Medicare', 'Medicaid', 'BlueCross PPO', 'Aetna HMO', 'UnitedHealthcare', 'Cigna', 'Tricare', 'Self-pay'];

function syntheticCharts(): ChartInsert[] {
  return Array.from({ length: CHARTS }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return {
      id: `BQ-${String(i).padStart(6, '0')}`,
      patientName: 'Bench Patient',
      patientAge: i % 100,
      patientSex: i % 2 ? 'F' : 'M',
      setting: SETTINGS[i % 4]!,
      admitDate: `2026-08-${day}`,
      dischargeDate: `2026-09-${day}`,
      payer: PAYERS[i % PAYERS.length]!,
      priority: (i % 5) + 1,
      dueDate: `2026-12-${day}`,
      assignee: `Coder ${i % 7}`,
      documents: [],
    };
  });
}

/**
 * The queries the queue asks for, one page each: default order, every sortable column both
 * ways, filters, a word search and an id search (`payerWord`, `idFragment`: words that occur in
 * the charts measured), deep offsets.
 */
export function queuePageInputs(payerWord: string, idFragment: string, charts: number): MethodParsedInput<'charts.list'>[] {
  return [
    {},
    ...chartSortKeys.flatMap((key) => [{ sort: [{ key, desc: false }] }, { sort: [{ key, desc: true }] }]),
    { status: ['new'] },
    { setting: ['emergency'], sort: [{ key: 'dueDate', desc: false }] },
    { search: payerWord },
    { search: idFragment },
    { offset: Math.max(0, charts - 100) },
    { offset: Math.floor(charts / 2), sort: [{ key: 'payer', desc: true }] },
  ].map((i) => chartListInput.parse({ limit: 100, ...i }));
}

/** Each input once to warm the page cache, then five timed rounds of all of them. */
export function measureQueuePages(db: WorkspaceDb, inputs: MethodParsedInput<'charts.list'>[]): { runs: number } & TimingSummary {
  for (const input of inputs) listCharts(db, input);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const input of inputs) {
      const start = performance.now();
      listCharts(db, input);
      times.push(performance.now() - start);
    }
  }
  return { runs: times.length, ...summarise(times) };
}

/** The figure as this bench has always reported it: 10,000 synthetic charts inserted directly. */
export function syntheticQueueFigure(dbPath: string): Record<string, unknown> {
  const db = openWorkspace(dbPath, crypto.randomBytes(32), { create: true });
  try {
    insertCharts(db, syntheticCharts(), new Date().toISOString());
    const inputs = queuePageInputs('medicare', 'BQ-0042', CHARTS);
    return { charts: CHARTS, pageSize: 100, queries: inputs.length, ...measureQueuePages(db, inputs) };
  } finally {
    closeWorkspace(db);
  }
}

export const queueBench: BenchModule = {
  name: 'queue',
  run({ tempDir }) {
    return { queuePage: syntheticQueueFigure(path.join(tempDir, 'workspace.db')) };
  },
};
