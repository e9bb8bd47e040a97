/** Status changes: submit (immutable submission of the chart's version), hold with a reason, release a hold. */
import type { ContentDb } from '../codesets/content-db';
import type { WorkspaceDb } from '../db/handles';
import { run } from '../db/rows';
import { transaction } from '../db/transaction';
import { problemKey, type Coding, type HoldReason, type ValidationProblem } from '../../../shared/domain';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { getCoding } from './coding';
import { chartRecord, codingDateOf } from './detail';
import { hasErrors, validateCoding } from './validate';

/** The edits on the chart's draft, or on `other` codes for it (an auditor's re-coding). */
export function validateChart(workspace: WorkspaceDb, content: ContentDb, chartId: string, other?: Coding): ValidationProblem[] {
  const chart = chartRecord(workspace, chartId);
  const coding = other ?? getCoding(workspace, chartId).coding;
  return validateCoding(
    content,
    { setting: chart.setting, codingDate: codingDateOf(chart), patient: { age: chart.patient_age, sex: chart.patient_sex } },
    coding,
  );
}

export function submitChart(
  workspace: WorkspaceDb,
  content: ContentDb,
  args: { chartId: string; userId: string; deviceId: string; at: string; acknowledgedWarnings?: readonly string[] },
): { submitted: boolean; problems: ValidationProblem[]; version: number } {
  return transaction(workspace, () => {
    const chart = chartRecord(workspace, args.chartId);
    if (chart.status === 'submitted') {
      throw new AppFailure(ErrorCode.Conflict, 'This chart is already submitted.');
    }
    const problems = validateChart(workspace, content, args.chartId);
    const version = chart.version;
    if (hasErrors(problems)) return { submitted: false, problems, version };
    // A warning needs the coder's acknowledgement; an acknowledged one is recorded by the caller.
    const acknowledged = new Set(args.acknowledgedWarnings ?? []);
    if (problems.some((p) => p.severity === 'warning' && !acknowledged.has(problemKey(p)))) return { submitted: false, problems, version };
    const { coding } = getCoding(workspace, args.chartId);
    // A reopened chart's next submit is a new row beside the old one: version N never changes.
    run(
      workspace,
      'INSERT INTO submissions(chart_id, version, coding_json, submitted_at, submitted_by, device_id) VALUES (?, ?, ?, ?, ?, ?)',
      args.chartId, version, JSON.stringify(coding), args.at, args.userId, args.deviceId,
    );
    run(
      workspace,
      "UPDATE charts SET status = 'submitted', hold_reason = NULL, hold_note = NULL, updated_at = ? WHERE id = ?",
      args.at, args.chartId,
    );
    return { submitted: true, problems, version };
  });
}

export function holdChart(
  workspace: WorkspaceDb,
  args: { chartId: string; reason: HoldReason; note: string; at: string },
): void {
  const chart = chartRecord(workspace, args.chartId);
  if (chart.status === 'submitted') throw new AppFailure(ErrorCode.Conflict, 'A submitted chart cannot be put on hold.');
  run(
    workspace,
    "UPDATE charts SET status = 'on_hold', hold_reason = ?, hold_note = ?, updated_at = ? WHERE id = ?",
    args.reason, args.note, args.at, args.chartId,
  );
}

export function releaseChart(workspace: WorkspaceDb, args: { chartId: string; at: string }): void {
  const chart = chartRecord(workspace, args.chartId);
  if (chart.status !== 'on_hold') throw new AppFailure(ErrorCode.Conflict, 'This chart is not on hold.');
  run(
    workspace,
    "UPDATE charts SET status = 'in_progress', hold_reason = NULL, hold_note = NULL, updated_at = ? WHERE id = ?",
    args.at, args.chartId,
  );
}
