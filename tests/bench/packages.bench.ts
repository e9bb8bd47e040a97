/**
 * Work packages at the size a lead sends: 40 charts, each with four notes of a few KB of text,
 * every fifth with a 300 KB PDF-sized blob (random bytes: it does not compress). Per round a
 * fresh coder: make (lead), open (coder), code all 40, result (coder), apply (lead), all
 * through the API on real encrypted workspaces. Target: open and apply under 2 s each.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { callApi } from '../../src/main/api';
import { CodeDeskApp } from '../../src/main/app';
import { insertCharts, type ChartInsert } from '../../src/main/services/charts/demo';
import { createProfile } from '../../src/main/services/users/profiles';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const ROUNDS = 6;
const CHARTS = 40;
const SCRYPT = { scrypt: { N: 2 ** 10, r: 8, p: 1 } };
const PASSPHRASE = 'correct horse battery staple';
const NOTE = 'Patient seen on rounds. Vital signs stable. Assessment and plan discussed with the team. ';

async function must<M extends MethodName>(app: CodeDeskApp, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await callApi(app, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

function chartsFor(round: number): ChartInsert[] {
  return Array.from({ length: CHARTS }, (_, i) => ({
    id: `BP-${String(round * 100 + i).padStart(6, '0')}`,
    patientName: 'Bench Patient',
    patientAge: 40 + (i % 50),
    patientSex: i % 2 ? 'F' : 'M',
    setting: 'inpatient',
    admitDate: '2026-08-01',
    dischargeDate: '2026-08-04',
    payer: 'Medicare',
    priority: 3,
    dueDate: '2026-12-01',
    assignee: 'Bench Lead',
    documents: ['history_physical', 'progress_note', 'progress_note', 'discharge_summary'].map((kind, d) => ({
      id: `d${d}`,
      kind: kind as ChartInsert['documents'][number]['kind'],
      title: kind,
      author: 'A. Doctor, MD',
      date: '2026-08-02',
      body: `${NOTE.repeat(30 + d * 10)} ${i}`,
    })),
  }));
}

export const packagesBench: BenchModule = {
  name: 'packages',
  async run({ repoRoot, tempDir }) {
    const resourcesDir = path.join(repoRoot, 'resources');
    const lead = new CodeDeskApp({ home: tempDir, resourcesDir });
    const coder = new CodeDeskApp({ home: tempDir, resourcesDir });
    const times = { make: [] as number[], open: [] as number[], result: [] as number[], apply: [] as number[] };
    const sizes: number[] = [];
    try {
      const made = await createProfile(tempDir, { displayName: 'Bench Lead', role: 'supervisor', passphrase: PASSPHRASE, deviceId: lead.deviceId }, SCRYPT);
      lead.startSession(made.profile, made.key);
      const db = lead.requireSession().db;
      for (let round = 0; round < ROUNDS; round++) {
        const charts = chartsFor(round);
        insertCharts(db, charts, new Date().toISOString());
        for (const c of charts.filter((_, i) => i % 5 === 0)) {
          const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(300 * 1024)]);
          db.prepare("UPDATE documents SET content_type = 'application/pdf', data = ? WHERE chart_id = ? AND id = 'd0'").run(pdf, c.id);
        }
        const coderProfile = await createProfile(tempDir, { displayName: `Bench Coder ${round}`, role: 'coder', passphrase: PASSPHRASE, deviceId: coder.deviceId }, SCRYPT);
        coder.startSession(coderProfile.profile, coderProfile.key);
        const work = path.join(tempDir, `work-${round}.cdpkg`);
        const result = path.join(tempDir, `result-${round}.cdpkg`);

        let t = performance.now();
        const pkg = await must(lead, 'packages.create', { chartIds: charts.map((c) => c.id), recipientId: coderProfile.profile.id, expiresDays: 14, path: work });
        times.make.push(performance.now() - t);
        sizes.push(pkg.bytes);
        t = performance.now();
        await must(coder, 'packages.open', { path: work });
        times.open.push(performance.now() - t);
        for (const c of charts) await must(coder, 'coding.save', { chartId: c.id, revision: 0, coding: { diagnoses: [{ code: 'I21.4', poa: 'Y' }], procedures: [] } });
        t = performance.now();
        await must(coder, 'packages.result', { recipientId: made.profile.id, expiresDays: 14, path: result });
        times.result.push(performance.now() - t);
        t = performance.now();
        const applied = await must(lead, 'packages.apply', { path: result });
        times.apply.push(performance.now() - t);
        if (applied.applied.length !== CHARTS) throw new Error('the bench result did not apply every chart');
        fs.rmSync(work);
      }
      const sorted = [...sizes].sort((a, b) => a - b);
      return {
        packages: {
          charts: CHARTS,
          rounds: ROUNDS,
          packageBytes: sorted[Math.floor(sorted.length / 2)],
          make: summarise(times.make),
          open: summarise(times.open),
          result: summarise(times.result),
          apply: summarise(times.apply),
          targetMs: 2000,
        },
      };
    } finally {
      coder.close();
      lead.close();
    }
  },
};
