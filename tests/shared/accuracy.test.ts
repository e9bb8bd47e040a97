/** Audit accuracy: Wilson intervals, finding outcomes, the two measures and their groupings. */
import { describe, expect, it } from 'vitest';
import {
  FINDING_MOVES, FINDING_OUTCOMES, accuracyByCoder, accuracyByPeriod, accuracyBySetting, aggregateAccuracy, chartAccuracy, countsAsError, periodOf, wilson95,
  type AuditedChart, type ChartAccuracy, type FindingOutcome,
} from '../../src/shared/accuracy';
import { auditDiff } from '../../src/shared/audit-diff';
import type { Coding } from '../../src/shared/domain';
import { AppFailure } from '../../src/shared/result';

const CODER: Coding = {
  diagnoses: [{ code: 'I21.4', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }, { code: 'I10', poa: 'Y' }, { code: 'N18.30', poa: 'Y' }],
  procedures: [{ system: 'icd10pcs', code: '027034Z', modifiers: [], units: 1, date: null }],
};
// Revises E11.9, deletes N18.30, adds E78.5, changes the POA of I10 and revises the PCS code.
const AUDITOR: Coding = {
  diagnoses: [{ code: 'I21.4', poa: 'Y' }, { code: 'E11.65', poa: 'Y' }, { code: 'I10', poa: 'N' }, { code: 'E78.5', poa: 'Y' }],
  procedures: [{ system: 'icd10pcs', code: '02703DZ', modifiers: [], units: 1, date: null }],
};
const judged = (outcome: FindingOutcome) => auditDiff(CODER, AUDITOR, 'inpatient').map((f) => ({ ...f, outcome }));

describe('wilson95', () => {
  it('matches published Wilson intervals (Newcombe 1998) and the textbook 8 of 10', () => {
    expect(wilson95(8, 10)).toEqual({ low: 49, high: 94.3 });
    expect(wilson95(81, 263)).toEqual({ low: 25.5, high: 36.6 });
    expect(wilson95(15, 148)).toEqual({ low: 6.2, high: 16 });
  });

  it('stays within 0–100 at the extremes and gives none for no trials', () => {
    expect(wilson95(0, 10)).toEqual({ low: 0, high: 27.8 });
    expect(wilson95(10, 10)).toEqual({ low: 72.2, high: 100 });
    expect(wilson95(0, 0)).toBeNull();
  });

  it('refuses counts that cannot be', () => {
    expect(() => wilson95(11, 10)).toThrow(AppFailure);
    expect(() => wilson95(-1, 10)).toThrow(AppFailure);
    expect(() => wilson95(1.5, 10)).toThrow(AppFailure);
  });
});

describe('finding outcomes', () => {
  it('counts every outcome but a withdrawal, a pending rebuttal included', () => {
    expect(FINDING_OUTCOMES.filter(countsAsError)).toEqual(['open', 'agreed', 'rebutted', 'upheld']);
  });

  it('lets the coder agree or rebut (with a comment) and the auditor decide a rebuttal', () => {
    expect(FINDING_MOVES.map((m) => `${m.from}>${m.to} ${m.by} ${m.comment}`)).toEqual([
      'open>agreed coder optional',
      'open>rebutted coder required',
      'rebutted>upheld auditor optional',
      'rebutted>withdrawn auditor optional',
    ]);
  });
});

describe('chartAccuracy', () => {
  it('counts the coder’s codes plus the auditor’s additions, each disagreed code once', () => {
    expect(judged('open').map((f) => f.kind)).toEqual(['secondary_added', 'secondary_deleted', 'secondary_revised', 'poa_changed', 'procedure_revised']);
    // 5 coder codes + 1 added = 6; E11.9, N18.30, I10 and 027034Z are not agreed; I21.4 is.
    expect(chartAccuracy(CODER, judged('open'))).toEqual({ codesConsidered: 6, codesAgreed: 1, changed: true });
  });

  it('counts a code named by two findings once', () => {
    const both = [{ kind: 'poa_changed' as const, coderLine: 2, outcome: 'upheld' as const }, { kind: 'resequenced' as const, coderLine: 2, outcome: 'agreed' as const }];
    expect(chartAccuracy(CODER, both)).toEqual({ codesConsidered: 5, codesAgreed: 4, changed: true });
  });

  it('restores agreement when a finding is withdrawn, and keeps it lost while a rebuttal waits', () => {
    const findings = judged('upheld');
    const poa = findings.findIndex((f) => f.kind === 'poa_changed');
    const withdrawn = findings.map((f, i) => (i === poa ? { ...f, outcome: 'withdrawn' as const } : f));
    const rebutted = findings.map((f, i) => (i === poa ? { ...f, outcome: 'rebutted' as const } : f));
    expect(chartAccuracy(CODER, withdrawn).codesAgreed).toBe(2);
    expect(chartAccuracy(CODER, rebutted).codesAgreed).toBe(1);
  });

  it('calls a chart unchanged when every finding is withdrawn', () => {
    expect(chartAccuracy(CODER, judged('withdrawn'))).toEqual({ codesConsidered: 5, codesAgreed: 5, changed: false });
    expect(chartAccuracy(CODER, [])).toEqual({ codesConsidered: 5, codesAgreed: 5, changed: false });
  });

  it('refuses a finding that points past the coding', () => {
    expect(() => chartAccuracy(CODER, [{ kind: 'units_changed', coderLine: 1, outcome: 'open' }])).toThrow(AppFailure);
  });
});

describe('aggregateAccuracy', () => {
  const charts: ChartAccuracy[] = [
    { codesConsidered: 10, codesAgreed: 10, changed: false },
    { codesConsidered: 6, codesAgreed: 4, changed: true },
    { codesConsidered: 4, codesAgreed: 4, changed: false },
    { codesConsidered: 0, codesAgreed: 0, changed: false },
  ];

  it('gives both measures, labelled, each with its interval', () => {
    expect(aggregateAccuracy(charts)).toEqual({
      codeLevel: { label: 'Accuracy (code level)', agreed: 18, considered: 20, percent: 90, ci: wilson95(18, 20) },
      recordLevel: { label: 'Accuracy (record level)', unchanged: 3, audited: 4, percent: 75, ci: wilson95(3, 4) },
    });
  });

  it('shows no figure for no audits', () => {
    const none = aggregateAccuracy([]);
    expect([none.codeLevel.percent, none.codeLevel.ci, none.recordLevel.percent, none.recordLevel.ci]).toEqual([null, null, null, null]);
  });
});

describe('grouping', () => {
  const chart = (coderId: string, setting: AuditedChart['setting'], submittedAt: string, changed: boolean): AuditedChart => ({
    coderId, setting, submittedAt, accuracy: { codesConsidered: 4, codesAgreed: changed ? 3 : 4, changed },
  });
  const charts = [
    chart('u2', 'professional', '2026-01-01T10:00:00Z', true),
    chart('u1', 'inpatient', '2025-12-29', false),
    chart('u1', 'emergency', '2026-01-31T23:59:59Z', true),
    chart('u2', 'inpatient', '2026-02-01T00:00:00+02:00', false),
  ];
  const records = (groups: ReturnType<typeof accuracyByCoder>) => groups.map((g) => `${g.key} ${g.summary.recordLevel.unchanged}/${g.summary.recordLevel.audited}`);

  it('groups per coder (by id) and per setting (in the settings’ order)', () => {
    expect(records(accuracyByCoder(charts))).toEqual(['u1 1/2', 'u2 1/2']);
    expect(records(accuracyBySetting(charts))).toEqual(['inpatient 2/2', 'emergency 0/1', 'professional 0/1']);
  });

  it('groups per UTC day, ISO week and month, in time order', () => {
    expect(records(accuracyByPeriod(charts, 'month'))).toEqual(['2025-12 1/1', '2026-01 1/3']);
    expect(records(accuracyByPeriod(charts, 'week'))).toEqual(['2026-W01 1/2', '2026-W05 1/2']);
    expect(records(accuracyByPeriod(charts, 'day'))).toEqual(['2025-12-29 1/1', '2026-01-01 0/1', '2026-01-31 1/2']);
  });

  it('names ISO weeks across year ends', () => {
    expect(periodOf('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodOf('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodOf('2026-05-04', 'week')).toBe('2026-W19');
    expect(() => periodOf('yesterday', 'day')).toThrow(AppFailure);
  });
});
