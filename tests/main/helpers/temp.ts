/** Temp folders and workspaces for tests: real encrypted SQLite on temp files. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { WorkspaceDb } from '../../../src/main/services/db/handles';
import { afterEach } from 'vitest';
import { openWorkspace } from '../../../src/main/services/workspace/open';
import { insertCharts, type ChartInsert } from '../../../src/main/services/charts/demo';

const dirs: string[] = [];
const dbs: Database.Database[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'codedesk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function tempWorkspace(): WorkspaceDb {
  const db = openWorkspace(path.join(tempDir(), 'workspace.db'), crypto.randomBytes(32), { create: true });
  dbs.push(db);
  return db;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const RESOURCES = path.join(REPO_ROOT, 'resources');
export const CODESETS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets');

export function chart(overrides: Partial<ChartInsert> = {}): ChartInsert {
  return {
    id: 'IP-000001',
    patientName: 'Test Patient',
    patientAge: 60,
    patientSex: 'F',
    setting: 'inpatient',
    admitDate: '2026-08-01',
    dischargeDate: '2026-08-04',
    payer: 'Medicare',
    priority: 3,
    dueDate: '2026-12-01',
    assignee: 'coder one',
    documents: [{ id: 'd1', kind: 'history_physical', title: 'H&P', author: 'A. Doctor, MD', date: '2026-08-01', body: 'Body text' }],
    ...overrides,
  };
}

export function seedCharts(db: WorkspaceDb, count: number): void {
  const settings = ['inpatient', 'outpatient_surgery', 'emergency', 'professional'] as const;
  const payers = ['Medicare', 'Medicaid', 'Aetna HMO', 'Cigna'];
  const charts = Array.from({ length: count }, (_, i) =>
    chart({
      id: `XX-${String(i).padStart(6, '0')}`,
      patientAge: i % 100,
      setting: settings[i % 4]!,
      payer: payers[i % 4]!,
      priority: (i % 5) + 1,
      dueDate: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
      documents: [],
    }),
  );
  insertCharts(db, charts, '2026-11-22T00:00:00.000Z');
}
