/**
 * Typed audit diff and accuracy over 10,000 audited charts (issue target: < 1 s). The charts are
 * synthetic and the same on every run: 5–15 diagnoses and 0–6 procedure lines each (PCS on
 * inpatient charts, CPT and HCPCS elsewhere), codes in the real systems' shapes with categories
 * shared so revisions occur, and about 30% changed by the auditor (one to three changes each,
 * of every kind).
 * One repetition: the diff of every chart, each chart's counts, the totals, and the groupings
 * per coder, per setting and per month. p50/p95 over the repetitions, after one warm-up.
 */
import { accuracyByCoder, accuracyByPeriod, accuracyBySetting, aggregateAccuracy, chartAccuracy, type AuditedChart } from '../../src/shared/accuracy';
import { AUDIT_FINDING_KINDS, auditDiff } from '../../src/shared/audit-diff';
import { SETTINGS, type ChartSetting, type CodedProcedure, type Coding } from '../../src/shared/domain';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const CHARTS = 10_000;
const CODERS = 40;
const REPETITIONS = 9;
// Some changes leave no finding (a reorder inside the claim's slots): 35% re-coded gives ~30% changed.
const CHANGED_SHARE = 0.35;
const TARGET_MS = 1000;

/** Deterministic draws (a linear congruential generator), so every run times the same charts. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

// 400 ICD-10-CM categories × 6 subcodes, 200 PCS tables × 8 codes, 300 CPT families × 5, HCPCS.
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DX = Array.from({ length: 400 }, (_, c) => `${LETTERS[c % 26]}${String(10 + (c % 90)).padStart(2, '0')}`).flatMap((cat, c) =>
  Array.from({ length: 6 }, (_, k) => (k === 0 ? `${cat}.9` : `${cat}.${k}${(c + k) % 10}`)),
);
const PCS = Array.from({ length: 200 }, (_, t) => `0${'DFGHJKLMNPQRSTUVWXY'[t % 19]}${'BCDFGHJPQRSTUVW'[t % 15]}`).flatMap((table) =>
  Array.from({ length: 8 }, (_, k) => `${table}${k}${'4Z'[k % 2]}Z${k % 3 === 0 ? 'Z' : '1'}`),
);
const CPT = Array.from({ length: 300 }, (_, f) => String(1000 + f * 31).padStart(4, '0')).flatMap((family) => Array.from({ length: 5 }, (_, k) => `${family}${k}`));
const HCPCS = Array.from({ length: 200 }, (_, i) => `${'AEGJL'[i % 5]}${String(1000 + i * 7).padStart(4, '0')}`);
const MODIFIERS = ['LT', 'RT', '59', '25', 'XS'];
const POA = ['Y', 'N', 'U', 'W'] as const;

const pickOf = <T>(from: readonly T[], next: () => number): T => from[Math.floor(next() * from.length)] as T;

function procedureLine(setting: ChartSetting, next: () => number): CodedProcedure {
  if (setting === 'inpatient') return { system: 'icd10pcs', code: pickOf(PCS, next), modifiers: [], units: 1, date: '2026-05-01' };
  const hcpcs = next() < 0.2;
  return {
    system: hcpcs ? 'hcpcs' : 'cpt',
    code: pickOf(hcpcs ? HCPCS : CPT, next),
    modifiers: next() < 0.3 ? [pickOf(MODIFIERS, next)] : [],
    units: next() < 0.15 ? 1 + Math.floor(next() * 8) : 1,
    date: null,
  };
}

function coderCoding(setting: ChartSetting, next: () => number): Coding {
  const codes = new Set<string>();
  const count = 5 + Math.floor(next() * 11);
  while (codes.size < count) codes.add(pickOf(DX, next));
  return {
    diagnoses: [...codes].map((code) => ({ code, poa: setting === 'inpatient' ? pickOf(POA, next) : null })),
    procedures: Array.from({ length: Math.floor(next() * 7) }, () => procedureLine(setting, next)),
  };
}

/** One auditor's change to a copy of the coding: every finding kind turns up across the charts. */
function change(coding: Coding, setting: ChartSetting, next: () => number): void {
  const dx = coding.diagnoses;
  const px = coding.procedures;
  const at = (n: number): number => Math.floor(next() * n);
  const sibling = (code: string): string => DX[DX.indexOf(code) - (DX.indexOf(code) % 6) + ((DX.indexOf(code) % 6) + 1) % 6] as string;
  switch (at(10)) {
    case 0: if (dx.length > 1) [dx[0], dx[1]] = [dx[1]!, dx[0]!]; break;
    case 1: dx.push({ code: pickOf(DX, next), poa: setting === 'inpatient' ? 'Y' : null }); break;
    case 2: if (dx.length > 1) dx.splice(1 + at(dx.length - 1), 1); break;
    case 3: { const i = 1 + at(dx.length - 1); if (dx[i]) dx[i] = { ...dx[i], code: sibling(dx[i].code) }; break; }
    case 4: { const i = at(dx.length); dx[i] = { ...dx[i]!, poa: dx[i]!.poa === 'Y' ? 'N' : 'Y' }; break; }
    case 5: px.push(procedureLine(setting, next)); break;
    case 6: if (px.length > 0) px.splice(at(px.length), 1); break;
    case 7: if (px.length > 0) { const i = at(px.length); px[i] = { ...px[i]!, code: `${px[i]!.code.slice(0, -1)}${'0123456789'[at(10)]}` }; } break;
    case 8: if (dx.length > 2) dx.splice(1, 0, dx.pop()!); break;
    default: if (px.length > 0) { const i = at(px.length); px[i] = { ...px[i]!, units: px[i]!.units + 1, modifiers: setting === 'inpatient' ? [] : ['59'] }; } break;
  }
}

interface AuditedPair {
  coder: Coding;
  auditor: Coding;
  setting: ChartSetting;
  coderId: string;
  submittedAt: string;
}

function auditedCharts(): AuditedPair[] {
  const next = random(2026);
  return Array.from({ length: CHARTS }, (_, i) => {
    const setting = SETTINGS[i % SETTINGS.length] as ChartSetting;
    const coder = coderCoding(setting, next);
    const auditor: Coding = { diagnoses: coder.diagnoses.map((d) => ({ ...d })), procedures: coder.procedures.map((p) => ({ ...p })) };
    if (next() < CHANGED_SHARE) for (let k = 1 + Math.floor(next() * 3); k > 0; k -= 1) change(auditor, setting, next);
    const day = 1 + (i % 180);
    return { coder, auditor, setting, coderId: `coder-${i % CODERS}`, submittedAt: new Date(Date.UTC(2026, 0, day)).toISOString() };
  });
}

function oneRepetition(charts: readonly AuditedPair[]): { diffMs: number; accuracyMs: number; findings: Record<string, number>; audited: AuditedChart[] } {
  const t0 = performance.now();
  const diffs = charts.map((c) => auditDiff(c.coder, c.auditor, c.setting));
  const t1 = performance.now();
  const audited = charts.map((c, i) => ({
    coderId: c.coderId,
    setting: c.setting,
    submittedAt: c.submittedAt,
    accuracy: chartAccuracy(c.coder, (diffs[i] ?? []).map((f) => ({ ...f, outcome: 'agreed' as const }))),
  }));
  aggregateAccuracy(audited.map((a) => a.accuracy));
  accuracyByCoder(audited);
  accuracyBySetting(audited);
  accuracyByPeriod(audited, 'month');
  const t2 = performance.now();
  const findings: Record<string, number> = Object.fromEntries(AUDIT_FINDING_KINDS.map((k) => [k, 0]));
  for (const f of diffs.flat()) findings[f.kind] = (findings[f.kind] ?? 0) + 1;
  return { diffMs: t1 - t0, accuracyMs: t2 - t1, findings, audited };
}

export const auditDiffBench: BenchModule = {
  name: 'auditDiff',
  run() {
    const charts = auditedCharts();
    const first = oneRepetition(charts);
    const diff: number[] = [];
    const accuracy: number[] = [];
    const total: number[] = [];
    for (let r = 0; r < REPETITIONS; r += 1) {
      const run = oneRepetition(charts);
      diff.push(run.diffMs);
      accuracy.push(run.accuracyMs);
      total.push(run.diffMs + run.accuracyMs);
    }
    const summary = aggregateAccuracy(first.audited.map((a) => a.accuracy));
    return {
      auditDiff: {
        charts: CHARTS,
        codes: charts.reduce((n, c) => n + c.coder.diagnoses.length + c.coder.procedures.length, 0),
        findingsByKind: first.findings,
        codeLevelPercent: summary.codeLevel.percent,
        recordLevelPercent: summary.recordLevel.percent,
        repetitions: REPETITIONS,
        total: summarise(total),
        diff: summarise(diff),
        accuracy: summarise(accuracy),
        targetMs: TARGET_MS,
      },
    };
  },
};
