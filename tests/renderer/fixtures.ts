/** Synthetic test data (no real patients). */
import type {
  ChartDetail,
  ChartDocument,
  ChartRow,
  CodeHit,
  ContentVersion,
  ProfileSummary,
  SessionStatus,
} from '../../src/shared/domain';

export const coderProfile: ProfileSummary = {
  id: 'p-1',
  displayName: 'Dana Coder',
  role: 'coder',
  createdAt: '2026-01-05T09:00:00Z',
};

export const unlockedStatus: SessionStatus = { unlocked: true, profile: coderProfile, idleLockMinutes: 15, activityIdleMinutes: 2, deviceId: 'dev-1', trailProblem: null };
export const lockedStatus: SessionStatus = { ...unlockedStatus, unlocked: false };

export function chartRow(i: number, overrides: Partial<ChartRow> = {}): ChartRow {
  return {
    id: `C-${String(i).padStart(5, '0')}`,
    patientAge: 40 + (i % 50),
    patientSex: i % 2 ? 'F' : 'M',
    setting: 'inpatient',
    admitDate: '2026-03-01',
    dischargeDate: '2026-03-04',
    payer: 'Medicare',
    priority: 2,
    dueDate: '2999-01-01',
    status: 'new',
    assignee: 'Dana Coder',
    version: 1,
    ...overrides,
  };
}

export function rows(from: number, count: number): ChartRow[] {
  return Array.from({ length: count }, (_, k) => chartRow(from + k));
}

export const docs: ChartDocument[] = [
  {
    id: 'd-1',
    chartId: 'C-00001',
    kind: 'history_physical',
    title: 'Admission H&P',
    author: 'Dr. Synthetic',
    date: '2026-03-01',
    contentType: 'text/plain',
    size: 98,
    body: 'Patient with pneumonia and type 2 diabetes.\nPneumonia confirmed on chest film.\nPlan: treat pneumonia.',
    dataBase64: null,
  },
  {
    id: 'd-2',
    chartId: 'C-00001',
    kind: 'discharge_summary',
    title: 'Discharge summary',
    author: 'Dr. Synthetic',
    date: '2026-03-04',
    contentType: 'text/plain',
    size: 36,
    body: 'Discharged home. Pneumonia resolved.',
    dataBase64: null,
  },
];

export function chartDetail(overrides: Partial<ChartDetail> = {}): ChartDetail {
  return {
    ...chartRow(1),
    patientName: 'Avery Testpatient',
    codingDate: '2026-03-04',
    documents: docs.map(({ body: _body, chartId: _chartId, dataBase64: _data, ...meta }) => meta),
    holdReason: null,
    holdNote: null,
    reopened: null,
    ...overrides,
  };
}

export const hits: CodeHit[] = [
  { system: 'icd10cm', code: 'J18', title: 'Pneumonia, unspecified organism (category)', billable: false },
  { system: 'icd10cm', code: 'J18.9', title: 'Pneumonia, unspecified organism', billable: true },
  { system: 'icd10cm', code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', billable: true },
];

export const demoVersion: ContentVersion = {
  id: 1,
  system: 'icd10cm',
  label: 'FY2026',
  effectiveFrom: '2025-10-01',
  effectiveTo: '2026-09-30',
  source: 'demo',
  isDemo: true,
  verified: false,
  codeCount: 120,
  importedAt: '2026-01-05T09:00:00Z',
};
