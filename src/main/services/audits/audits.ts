/**
 * Second-level audits in the auditor's workspace: draw a sample of submitted charts coded by
 * others (shared/audit-sample.ts), re-code a chart's submitted version blind (the coder's codes
 * hidden until the auditor commits) or in review, and on commit store the typed difference
 * (shared/audit-diff.ts) as findings. Accuracy follows the findings' outcomes
 * (shared/accuracy.ts). Every function runs inside the caller's transaction.
 */
import crypto from 'node:crypto';
import { aggregateAccuracy, accuracyByCoder, accuracyByPeriod, accuracyBySetting, chartAccuracy, FINDING_MOVES, type AuditedChart, type FindingOutcome, type JudgedFinding } from '../../../shared/accuracy';
import { auditDiff, type AuditFinding } from '../../../shared/audit-diff';
import { drawSample, type SampleSpec } from '../../../shared/audit-sample';
import type { AuditAccuracyReport, AuditMode, AuditView, SampleDrawn } from '../../../shared/audits';
import type { ChartSetting, Coding } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';

interface Candidate {
  chart_id: string;
  submitted_by: string;
  setting: ChartSetting;
  submitted_at: string;
}

/** The latest submitted version of every submitted chart coded by someone other than `auditorId`. */
function population(db: WorkspaceDb, auditorId: string, range: { from: string | null; to: string | null }): Candidate[] {
  return rows<Candidate>(
    db,
    `SELECT s.chart_id, s.submitted_by, c.setting, s.submitted_at FROM submissions s JOIN charts c ON c.id = s.chart_id
     WHERE s.version = c.version AND c.status = 'submitted' AND s.submitted_by <> ?
       AND (? IS NULL OR s.submitted_at >= ?) AND (? IS NULL OR s.submitted_at < ?)
     ORDER BY s.chart_id`,
    auditorId, range.from, range.from, range.to, range.to,
  );
}

export function sampleCharts(
  db: WorkspaceDb,
  args: { auditorId: string; spec: SampleSpec; from: string | null; to: string | null; at: string },
): SampleDrawn {
  const candidates = population(db, args.auditorId, { from: args.from, to: args.to === null ? null : `${args.to}T24` });
  const sample = drawSample(
    candidates.map((c) => ({ chartId: c.chart_id, coderId: c.submitted_by, setting: c.setting, submittedAt: c.submitted_at })),
    args.spec,
  );
  const id = `S-${crypto.randomBytes(8).toString('hex')}`;
  run(db, 'INSERT INTO audit_samples(id, drawn_by, drawn_at, seed, spec_json, population, chart_ids_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    id, args.auditorId, args.at, sample.seed, JSON.stringify({ size: args.spec.size, strata: args.spec.strata, from: args.from, to: args.to }), candidates.length, JSON.stringify(sample.chartIds));
  return { sampleId: id, seed: sample.seed, population: candidates.length, chartIds: sample.chartIds, perStratum: sample.perStratum };
}

/** An audits row as stored (audit-wire.ts reads the same rows). */
export interface AuditRow {
  id: string;
  chart_id: string;
  version: number;
  coder_id: string;
  auditor_id: string;
  mode: AuditMode;
  status: 'in_progress' | 'committed';
  auditor_coding_json: string;
  started_at: string;
  committed_at: string | null;
}

function auditRow(db: WorkspaceDb, id: string): AuditRow {
  const a = row<AuditRow>(db, 'SELECT * FROM audits WHERE id = ?', id);
  if (!a) throw new AppFailure('NOT_FOUND', 'No audit with that id in this workspace.');
  return a;
}

function submittedCoding(db: WorkspaceDb, chartId: string, version: number): Coding {
  const s = row<{ coding_json: string }>(db, 'SELECT coding_json FROM submissions WHERE chart_id = ? AND version = ?', chartId, version);
  if (!s) throw new AppFailure('NOT_FOUND', 'That version of the chart was never submitted.');
  return JSON.parse(s.coding_json) as Coding;
}

/**
 * Starts (or resumes) the caller's audit of the chart's latest submitted version. An auditor
 * never audits their own coding. Blind starts from no codes; review from the coder's.
 */
export function startAudit(db: WorkspaceDb, args: { chartId: string; auditorId: string; mode: AuditMode; sampleId: string | null; at: string }): AuditView {
  const c = row<{ status: string; version: number }>(db, 'SELECT status, version FROM charts WHERE id = ?', args.chartId);
  if (!c) throw new AppFailure('NOT_FOUND', 'No chart with that id in this workspace.');
  if (c.status !== 'submitted') throw new AppFailure('CONFLICT', 'Only a submitted chart can be audited.');
  const s = row<{ submitted_by: string }>(db, 'SELECT submitted_by FROM submissions WHERE chart_id = ? AND version = ?', args.chartId, c.version);
  if (!s) throw new AppFailure('CONFLICT', 'Only a submitted chart can be audited.');
  if (s.submitted_by === args.auditorId) throw new AppFailure('FORBIDDEN', 'An auditor cannot audit their own coding.');
  const existing = row<{ id: string }>(db, 'SELECT id FROM audits WHERE chart_id = ? AND version = ? AND auditor_id = ?', args.chartId, c.version, args.auditorId);
  if (existing) return auditView(db, existing.id);
  const id = `A-${crypto.randomBytes(8).toString('hex')}`;
  const start: Coding = args.mode === 'review' ? submittedCoding(db, args.chartId, c.version) : { diagnoses: [], procedures: [] };
  run(db, `INSERT INTO audits(id, chart_id, version, coder_id, auditor_id, sample_id, mode, status, auditor_coding_json, started_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?, ?)`,
    id, args.chartId, c.version, s.submitted_by, args.auditorId, args.sampleId, args.mode, JSON.stringify(start), args.at, args.at);
  return auditView(db, id);
}

export function saveAuditCoding(db: WorkspaceDb, args: { auditId: string; auditorId: string; coding: Coding; at: string }): AuditView {
  const a = auditRow(db, args.auditId);
  if (a.auditor_id !== args.auditorId) throw new AppFailure('FORBIDDEN', 'Only the auditor who started this audit may change it.');
  if (a.status !== 'in_progress') throw new AppFailure('CONFLICT', 'This audit is committed: its codes no longer change.');
  run(db, 'UPDATE audits SET auditor_coding_json = ?, updated_at = ? WHERE id = ?', JSON.stringify(args.coding), args.at, args.auditId);
  return auditView(db, args.auditId);
}

/** Commits the auditor's codes: the typed difference against the coder's submitted version becomes the findings. */
export function commitAudit(db: WorkspaceDb, args: { auditId: string; auditorId: string; at: string }): AuditView {
  const a = auditRow(db, args.auditId);
  if (a.auditor_id !== args.auditorId) throw new AppFailure('FORBIDDEN', 'Only the auditor who started this audit may commit it.');
  if (a.status !== 'in_progress') throw new AppFailure('CONFLICT', 'This audit is already committed.');
  const auditor = JSON.parse(a.auditor_coding_json) as Coding;
  if (auditor.diagnoses.length === 0) throw new AppFailure('BAD_INPUT', 'Code the chart before committing: an audit with no diagnosis would call every code wrong.');
  const setting = row<{ setting: ChartSetting }>(db, 'SELECT setting FROM charts WHERE id = ?', a.chart_id)?.setting as ChartSetting;
  const findings = auditDiff(submittedCoding(db, a.chart_id, a.version), auditor, setting);
  for (const f of findings) {
    run(db, `INSERT INTO audit_findings(audit_id, finding_id, kind, coder_code, auditor_code, coder_line, detail, outcome, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)`, a.id, f.id, f.kind, f.coderCode, f.auditorCode, f.coderLine, f.detail, args.at);
  }
  run(db, "UPDATE audits SET status = 'committed', committed_at = ?, updated_at = ? WHERE id = ?", args.at, args.at, a.id);
  return auditView(db, a.id);
}

interface FindingRow {
  finding_id: string;
  kind: AuditFinding['kind'];
  coder_code: string | null;
  auditor_code: string | null;
  coder_line: number | null;
  detail: string;
  outcome: AuditView['findings'][number]['outcome'];
  coder_comment: string | null;
  auditor_comment: string | null;
}

/** What the auditor sees: in a blind audit the coder's codes stay hidden until the commit. */
export function auditView(db: WorkspaceDb, id: string): AuditView {
  const a = auditRow(db, id);
  const hidden = a.mode === 'blind' && a.status === 'in_progress';
  const findings = rows<FindingRow>(db, 'SELECT * FROM audit_findings WHERE audit_id = ? ORDER BY rowid', id);
  const coder = hidden ? null : submittedCoding(db, a.chart_id, a.version);
  const auditor = JSON.parse(a.auditor_coding_json) as Coding;
  return {
    id: a.id,
    chartId: a.chart_id,
    setting: row<{ setting: ChartSetting }>(db, 'SELECT setting FROM charts WHERE id = ?', a.chart_id)?.setting ?? 'inpatient',
    version: a.version,
    coderId: a.coder_id,
    auditorId: a.auditor_id,
    mode: a.mode,
    status: a.status,
    startedAt: a.started_at,
    committedAt: a.committed_at,
    auditorCoding: auditor,
    coderCoding: coder,
    findings: findings.map((f) => ({
      id: f.finding_id, kind: f.kind, coderCode: f.coder_code, auditorCode: f.auditor_code, coderLine: f.coder_line, detail: f.detail,
      outcome: f.outcome, coderComment: f.coder_comment, auditorComment: f.auditor_comment,
    })),
    accuracy: coder && a.status === 'committed' ? chartAccuracy(coder, findings.map((f) => ({ kind: f.kind, coderLine: f.coder_line, outcome: f.outcome }))) : null,
  };
}

/** Both accuracy measures over the committed audits (optionally of one coder), per coder and per setting. */
export function accuracyReport(db: WorkspaceDb, args: { from: string; to: string; coderId: string | null }): AuditAccuracyReport {
  // Two reads for any number of audits: the audited submissions, then every finding of them.
  const audits = rows<{ id: string; coder_id: string; setting: ChartSetting; submitted_at: string; coding_json: string }>(
    db,
    `SELECT a.id, a.coder_id, c.setting, s.submitted_at, s.coding_json FROM audits a JOIN charts c ON c.id = a.chart_id
     JOIN submissions s ON s.chart_id = a.chart_id AND s.version = a.version
     WHERE a.status = 'committed' AND s.submitted_at >= ? AND s.submitted_at < ? AND (? IS NULL OR a.coder_id = ?)`,
    args.from, `${args.to}T24`, args.coderId, args.coderId,
  );
  const wanted = new Set(audits.map((a) => a.id));
  const findings = new Map<string, JudgedFinding[]>();
  for (const f of rows<{ audit_id: string; kind: AuditFinding['kind']; coder_line: number | null; outcome: FindingOutcome }>(
    db,
    "SELECT f.audit_id, f.kind, f.coder_line, f.outcome FROM audit_findings f JOIN audits a ON a.id = f.audit_id WHERE a.status = 'committed'",
  )) {
    if (!wanted.has(f.audit_id)) continue;
    const list = findings.get(f.audit_id) ?? [];
    list.push({ kind: f.kind, coderLine: f.coder_line, outcome: f.outcome });
    findings.set(f.audit_id, list);
  }
  const charts: AuditedChart[] = audits.map((a) => ({
    coderId: a.coder_id,
    setting: a.setting,
    submittedAt: a.submitted_at,
    accuracy: chartAccuracy(JSON.parse(a.coding_json) as Coding, findings.get(a.id) ?? []),
  }));
  return {
    from: args.from,
    to: args.to,
    team: aggregateAccuracy(charts.map((c) => c.accuracy)),
    byCoder: accuracyByCoder(charts),
    bySetting: accuracyBySetting(charts),
    byWeek: accuracyByPeriod(charts, 'week'),
  };
}

/** An auditor auditing a chart may not code it: the audit would grade their own work. */
export function assertNotAuditing(db: WorkspaceDb, chartId: string, userId: string): void {
  if (row(db, 'SELECT 1 FROM audits WHERE chart_id = ? AND auditor_id = ?', chartId, userId)) {
    throw new AppFailure('FORBIDDEN', 'You are auditing this chart, so you cannot code it: record your codes in the audit.');
  }
}

/** A coder's response to a finding (agree, or rebut with a comment), or the auditor's decision on a rebuttal. */
export function moveFinding(
  db: WorkspaceDb,
  args: { auditId: string; findingId: string; to: FindingOutcome; by: 'coder' | 'auditor'; userId: string; comment: string; at: string },
): AuditView {
  const a = auditRow(db, args.auditId);
  if (a.status !== 'committed') throw new AppFailure('CONFLICT', 'This audit is not committed yet: it has no findings to answer.');
  if (args.by === 'coder' && a.coder_id !== args.userId) throw new AppFailure('FORBIDDEN', 'Only the coder whose chart was audited answers its findings.');
  if (args.by === 'auditor' && a.auditor_id !== args.userId) throw new AppFailure('FORBIDDEN', 'Only the auditor of this audit decides on its rebuttals.');
  const f = row<{ outcome: FindingOutcome }>(db, 'SELECT outcome FROM audit_findings WHERE audit_id = ? AND finding_id = ?', args.auditId, args.findingId);
  if (!f) throw new AppFailure('NOT_FOUND', 'No such finding in this audit.');
  const move = FINDING_MOVES.find((m) => m.by === args.by && m.from === f.outcome && m.to === args.to);
  if (!move) throw new AppFailure('CONFLICT', `This finding is ${f.outcome}: it cannot become ${args.to} now.`);
  const comment = args.comment.trim();
  if (move.comment === 'required' && comment === '') throw new AppFailure('BAD_INPUT', 'A rebuttal needs a comment saying why the code is right (the documentation or guideline behind it). Nothing was changed.');
  const column = args.by === 'coder' ? 'coder_comment' : 'auditor_comment';
  run(db, `UPDATE audit_findings SET outcome = ?, ${column} = ?, updated_at = ? WHERE audit_id = ? AND finding_id = ?`, args.to, comment || null, args.at, args.auditId, args.findingId);
  return auditView(db, args.auditId);
}

/** The audits this profile may see: a coder's own charts', an auditor's own audits, every one for a supervisor. */
export function listAudits(db: WorkspaceDb, who: { id: string; role: 'coder' | 'auditor' | 'supervisor' }): AuditView[] {
  const ids =
    who.role === 'supervisor'
      ? rows<{ id: string }>(db, 'SELECT id FROM audits ORDER BY started_at, id')
      : rows<{ id: string }>(db, `SELECT id FROM audits WHERE ${who.role === 'coder' ? 'coder_id' : 'auditor_id'} = ? ORDER BY started_at, id`, who.id);
  // A coder never sees an audit still in progress (a blind one would show the auditor's work in the making).
  return ids.map((r) => auditView(db, r.id)).filter((v) => who.role !== 'coder' || v.status === 'committed');
}
