/** "Apply source changes": a change that arrived after submit, applied by a coder once the chart is reopened. */
import type { WorkspaceDb } from '../../db/handles';
import type { PendingSourceChange } from '../../../../shared/chart-import';
import { AppFailure, ErrorCode } from '../../../../shared/result';
import { chartRecord } from '../../charts/detail';
import { applyPending } from './pending';
import { sourceOfChart } from './store';

export function applySourceChange(db: WorkspaceDb, chartId: string, at: string): PendingSourceChange {
  const chart = chartRecord(db, chartId);
  const source = sourceOfChart(db, chartId);
  if (!source?.pending_json) throw new AppFailure(ErrorCode.Conflict, 'This chart has no source changes waiting.');
  if (chart.status === 'submitted') {
    throw new AppFailure(ErrorCode.Conflict, 'The chart is submitted: reopen it for correction first, then apply the source changes.');
  }
  return applyPending(db, chartId, source.pending_json, at);
}
