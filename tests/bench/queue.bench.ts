/**
 * The chart queue with 10,000 charts in a real encrypted workspace: one page (100 rows) per
 * call, as the renderer asks for them — default order, every sortable column both ways,
 * filters and quick search — through the same listCharts the API uses.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { chartListInput, chartSortKeys } from '../../src/shared/contract';
import { insertCharts, type ChartInsert } from '../../src/main/services/charts/demo';
import { listCharts } from '../../src/main/services/charts/queue';
import { closeWorkspace, openWorkspace } from '../../src/main/services/workspace/open';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

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

export const queueBench: BenchModule = {
  name: 'queue',
  run({ tempDir }) {
    const db = openWorkspace(path.join(tempDir, 'workspace.db'), crypto.randomBytes(32), { create: true });
    try {
      insertCharts(db, syntheticCharts(), new Date().toISOString());
      const inputs = [
        {},
        ...chartSortKeys.flatMap((key) => [{ sort: [{ key, desc: false }] }, { sort: [{ key, desc: true }] }]),
        { status: ['new'] },
        { setting: ['emergency'], sort: [{ key: 'dueDate', desc: false }] },
        { search: 'medicare' },
        { search: 'BQ-0042' },
        { offset: 9_900 },
        { offset: 5_000, sort: [{ key: 'payer', desc: true }] },
      ].map((i) => chartListInput.parse({ limit: 100, ...i }));
      for (const input of inputs) listCharts(db, input); // warm the page cache
      const times: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const input of inputs) {
          const start = performance.now();
          listCharts(db, input);
          times.push(performance.now() - start);
        }
      }
      return {
        queuePage: { charts: CHARTS, pageSize: 100, queries: inputs.length, runs: times.length, ...summarise(times) },
      };
    } finally {
      closeWorkspace(db);
    }
  },
};
