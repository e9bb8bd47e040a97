/**
 * Loads the synthetic demo charts from resources/demo/charts/*.json into a workspace.
 * Idempotent: charts already present are left as they are (a coder's drafts survive).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceDb } from '../db/handles';
import { run } from '../db/rows';
import { transaction } from '../db/transaction';
import { z } from 'zod';
import { DOCUMENT_KINDS, SETTINGS } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const demoChartSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{2}-\d{6}$/),
    patient: z.object({ name: z.string().min(1), age: z.number().int().min(0).max(124), sex: z.enum(['F', 'M', 'U']) }),
    setting: z.enum(SETTINGS),
    admitDate: isoDate,
    dischargeDate: isoDate,
    payer: z.string().min(1),
    priority: z.number().int().min(1).max(5),
    dueInDays: z.number().int().min(0).max(60),
    documents: z
      .array(
        z.object({
          id: z.string().min(1),
          kind: z.enum(DOCUMENT_KINDS),
          title: z.string().min(1),
          author: z.string().min(1),
          date: isoDate,
          body: z.string().min(1),
        }),
      )
      .min(1),
  })
  .strict();
export type DemoChart = z.infer<typeof demoChartSchema>;

export function readDemoCharts(resourcesDir: string): DemoChart[] {
  const dir = path.join(resourcesDir, 'demo', 'charts');
  if (!fs.existsSync(dir)) throw new AppFailure(ErrorCode.NotFound, 'The demo charts are missing from this installation.');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = demoChartSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) {
        throw new AppFailure(ErrorCode.Internal, `Demo chart file ${file} is malformed.`, { file });
      }
      return parsed.data;
    });
}

const addDays = (isoDay: string, days: number): string => {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export interface ChartInsert {
  id: string;
  patientName: string;
  patientAge: number;
  patientSex: 'F' | 'M' | 'U';
  setting: DemoChart['setting'];
  admitDate: string;
  dischargeDate: string;
  payer: string;
  priority: number;
  dueDate: string;
  assignee: string;
  documents: DemoChart['documents'];
}

/** Inserts charts (skipping ids already present) in one transaction; returns how many were new. */
const INSERT_CHART = `INSERT OR IGNORE INTO charts(id, patient_name, patient_age, patient_sex, setting, admit_date,
  discharge_date, payer, priority, due_date, status, assignee, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)`;
const INSERT_DOCUMENT = 'INSERT INTO documents(id, chart_id, kind, title, author, doc_date, body, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

export function insertCharts(db: WorkspaceDb, charts: ChartInsert[], at: string): number {
  return transaction(db, () => {
    let added = 0;
    for (const c of charts) {
      const res = run(
        db, INSERT_CHART,
        c.id, c.patientName, c.patientAge, c.patientSex, c.setting, c.admitDate, c.dischargeDate,
        c.payer, c.priority, c.dueDate, c.assignee, at,
      );
      if (res.changes === 0) continue;
      added += 1;
      c.documents.forEach((d, i) => run(db, INSERT_DOCUMENT, d.id, c.id, d.kind, d.title, d.author, d.date, d.body, i));
    }
    return added;
  });
}

export function loadDemoCharts(db: WorkspaceDb, resourcesDir: string, assignee: string, now: Date): number {
  const today = now.toISOString().slice(0, 10);
  const charts = readDemoCharts(resourcesDir).map<ChartInsert>((c) => ({
    id: c.id,
    patientName: c.patient.name,
    patientAge: c.patient.age,
    patientSex: c.patient.sex,
    setting: c.setting,
    admitDate: c.admitDate,
    dischargeDate: c.dischargeDate,
    payer: c.payer,
    priority: c.priority,
    dueDate: addDays(today, c.dueInDays),
    assignee,
    documents: c.documents,
  }));
  return insertCharts(db, charts, now.toISOString());
}
