/**
 * Work for long kill runs: submitted charts are final, so once most demo charts are
 * submitted the rig adds copies of them under new ids (IP-900000, …), each with its source's
 * answer coding. Added by the rig between kills, as a hospital feed would add charts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceDb } from '../../../src/main/services/db/handles';
import { insertCharts, readDemoCharts } from '../../../src/main/services/charts/demo';
import type { Coding } from '../../../src/shared/domain';

/** The demo charts' answer codings (answer-key-a.json and -b.json), by chart id. */
export function answerKey(resourcesDir: string): Map<string, Coding> {
  const out = new Map<string, Coding>();
  for (const name of ['answer-key-a.json', 'answer-key-b.json']) {
    const key = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'demo', name), 'utf8')) as Record<string, Coding>;
    for (const [id, coding] of Object.entries(key)) out.set(id, coding);
  }
  return out;
}

/** Inserts `count` copies after the `made` already made; returns the new total made. */
export function addChartCopies(db: WorkspaceDb, resourcesDir: string, answers: Map<string, Coding>, made: number, count: number): number {
  const demo = readDemoCharts(resourcesDir);
  const copies = Array.from({ length: count }, (_, i) => {
    const n = made + i;
    const source = demo[n % demo.length]!;
    const id = `${source.id.slice(0, 2)}-${900000 + n}`;
    const answer = answers.get(source.id);
    if (!answer) throw new Error(`no answer coding for ${source.id}`);
    answers.set(id, answer);
    return {
      id,
      patientName: source.patient.name,
      patientAge: source.patient.age,
      patientSex: source.patient.sex,
      setting: source.setting,
      admitDate: source.admitDate,
      dischargeDate: source.dischargeDate,
      payer: source.payer,
      priority: source.priority,
      dueDate: '2026-12-31',
      assignee: 'Fault Coder',
      documents: source.documents,
    };
  });
  insertCharts(db, copies, new Date().toISOString());
  return made + count;
}
