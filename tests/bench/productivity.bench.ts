/**
 * The productivity report at team scale, in a real encrypted workspace: 500 coders × 90 days,
 * about 22 charts a coder a day (990,000 charts) and ten activity events a chart (about 9.9
 * million), each event projected through the same projectActivity the app runs on every audit
 * entry. Then the screen's report query (team and one coder, 90 and 7 days) and the XLSX and
 * CSV exports of the 90-day team report. The raw events themselves are not stored here: the
 * report never reads them (they are the audit trail), only the day figures they project to.
 * CODEDESK_BENCH_CODERS scales the team down for a quick run.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SETTINGS } from '../../src/shared/domain';
import { DEFAULT_UNIT_WEIGHTS } from '../../src/shared/metrics';
import { projectActivity, type ActivityEvent } from '../../src/main/services/activity/project';
import { productivityReport } from '../../src/main/services/activity/productivity';
import { productivityCsv, productivityXlsx } from '../../src/main/services/activity/productivity-export';
import type { WorkspaceDb } from '../../src/main/services/db/handles';
import { closeWorkspace, openWorkspace } from '../../src/main/services/workspace/open';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const CODERS = Number(process.env.CODEDESK_BENCH_CODERS ?? 500);
const DAYS = 90;
const CHARTS_PER_DAY = 22;
const END = Date.parse('2026-11-30T00:00:00Z');
const DAY_MS = 86_400_000;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function seed(db: WorkspaceDb): { charts: number; events: number; projectMs: number } {
  const insertChart = db.prepare(
    `INSERT INTO charts(id, patient_name, patient_age, patient_sex, setting, admit_date, discharge_date, payer, priority, due_date, status, assignee, updated_at)
     VALUES (?, 'Bench Patient', 50, 'F', ?, ?, ?, 'Medicare', 3, ?, ?, ?, ?)`,
  );
  const insertSubmission = db.prepare(
    "INSERT INTO submissions(chart_id, version, coding_json, submitted_at, submitted_by, device_id) VALUES (?, 1, '{}', ?, ?, 'bench')",
  );
  let charts = 0;
  let events = 0;
  let projectMs = 0;
  const project = (e: ActivityEvent): void => {
    const t = performance.now();
    projectActivity(db, e);
    projectMs += performance.now() - t;
    events += 1;
  };
  for (let d = 0; d < DAYS; d += 1) {
    const dayStart = END - (DAYS - d) * DAY_MS;
    const day = dayOf(dayStart);
    db.transaction(() => {
      for (let c = 0; c < CODERS; c += 1) {
        const user = `coder-${String(c).padStart(3, '0')}`;
        for (let n = 0; n < CHARTS_PER_DAY; n += 1) {
          const id = `B${d}-${c}-${n}`;
          const setting = SETTINGS[(c + n) % 4]!;
          const submitted = (n + d + c) % 20 !== 0; // one chart in twenty still open
          const discharge = dayOf(dayStart - ((n % 9) + 1) * DAY_MS);
          const at = (minutes: number): string => new Date(dayStart + (8 * 60 + n * 20 + minutes) * 60_000).toISOString();
          insertChart.run(id, setting, discharge, discharge, day, submitted ? 'submitted' : 'in_progress', user, at(0));
          charts += 1;
          project({ at: new Date(dayStart - 3 * 3_600_000).toISOString(), userId: user, action: 'package.open', chartId: id, detail: { assignedAt: new Date(dayStart - 4 * 3_600_000).toISOString() } });
          project({ at: at(0), userId: user, action: 'chart.open', chartId: id, detail: {} });
          for (let k = 1; k <= 4; k += 1) project({ at: at(k * 3), userId: user, action: 'chart.activity', chartId: id, detail: { activeSeconds: 150 + ((n * 7 + k) % 60), idleMinutes: 2 } });
          project({ at: at(5), userId: user, action: 'coding.change', chartId: id, detail: { added: ['A', 'B', 'C'], removed: [], reordered: false } });
          project({ at: at(10), userId: user, action: 'coding.change', chartId: id, detail: { added: ['D'], removed: ['B'], reordered: false } });
          project({ at: at(12), userId: user, action: 'chart.open', chartId: id, detail: {} });
          if (submitted) {
            insertSubmission.run(id, at(14), user);
            project({ at: at(14), userId: user, action: 'chart.submit', chartId: id, detail: { version: 1, acknowledgedWarnings: [] } });
          } else project({ at: at(14), userId: user, action: 'chart.hold', chartId: id, detail: { reason: 'missing_documentation' } });
        }
      }
    }).immediate();
  }
  return { charts, events, projectMs };
}

function timed(fn: () => unknown, runs: number): ReturnType<typeof summarise> {
  fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return summarise(times);
}

export const productivityBench: BenchModule = {
  name: 'productivity',
  async run({ tempDir }) {
    const db = openWorkspace(path.join(tempDir, 'team.db'), crypto.randomBytes(32), { create: true });
    try {
      const started = performance.now();
      const seeded = seed(db);
      const seedMs = performance.now() - started;
      const to = dayOf(END - DAY_MS);
      const range90 = { from: dayOf(END - DAYS * DAY_MS), to };
      const range7 = { from: dayOf(END - 7 * DAY_MS), to };
      const args = { weights: DEFAULT_UNIT_WEIGHTS, names: new Map<string, string>(), assignee: null };
      let t = performance.now();
      const team90 = timed(() => productivityReport(db, { ...range90, userId: null, ...args }), 10);
      const team7 = timed(() => productivityReport(db, { ...range7, userId: null, ...args }), 10);
      const coder90 = timed(() => productivityReport(db, { ...range90, userId: 'coder-007', ...args, assignee: 'coder-007' }), 10);
      t = performance.now();
      const report = productivityReport(db, { ...range90, userId: null, ...args }, { coderDaysLimit: null });
      const exportReportMs = performance.now() - t;
      t = performance.now();
      const xlsx = await productivityXlsx(report);
      const xlsxMs = performance.now() - t;
      t = performance.now();
      const csv = productivityCsv(report);
      const csvMs = performance.now() - t;
      return {
        productivity: {
          coders: CODERS,
          days: DAYS,
          charts: seeded.charts,
          activityEvents: seeded.events,
          coderDayRows: report.coderDays?.length ?? null,
          projectionEventsPerSecond: Math.round(seeded.events / (seeded.projectMs / 1000)),
          projectionMeanUs: Math.round((seeded.projectMs / seeded.events) * 1000 * 10) / 10,
          seedSeconds: Math.round(seedMs / 100) / 10,
          reportTeam90Days: team90,
          reportTeam7Days: team7,
          reportOneCoder90Days: coder90,
          reportTargetMs: 1000,
          exportReportMs: Math.round(exportReportMs),
          xlsxExportMs: Math.round(xlsxMs),
          xlsxBytes: xlsx.length,
          xlsxTargetMs: 10_000,
          csvExportMs: Math.round(csvMs),
          csvBytes: Buffer.byteLength(csv),
          backlog: report.backlog.count,
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
      };
    } finally {
      closeWorkspace(db);
    }
  },
};
