/**
 * Exporting coded results. Order, and why: the file is written under a temp name first, the
 * export goes on the audit trail in the same transaction that read the submissions, and only
 * after that commits does the file take its name. A failed audit (or any failure before)
 * deletes the temp file, so no PHI file ever exists without its audit entry; the reverse (an
 * entry whose file could not be named) can only follow a failing disk, and over-reports.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { WorkspaceDb } from '../../db/handles';
import { transaction } from '../../db/transaction';
import { AppFailure, ErrorCode } from '../../../../shared/result';
import { checkTarget, discard, publish, writeTemp } from './export-file';
import { codeCount, renderExport, type ExportFormat } from './formats';
import { exportRecords, type ExportSelection } from './records';
import type { Sealer } from './sealed-file';
import type { ExportResult } from '../../../../shared/results';

export interface ExportRequest {
  format: ExportFormat;
  selection: ExportSelection;
  target: string;
  /** null writes plain text: the user chose it explicitly. */
  sealer: Sealer | null;
}


/** The audit entry's detail: counts and hashes, never a chart id, a code or the file's name. */
export interface ExportAuditDetail {
  format: ExportFormat;
  charts: number;
  codes: number;
  encrypted: boolean;
  since: string | null;
  until: string | null;
  chosenCharts: number | null;
  bytes: number;
  fileSha256: string;
  fileNameSha256: string;
}

const sha256 = (data: Buffer | string): string => crypto.createHash('sha256').update(data).digest('hex');

export function exportResults(
  db: WorkspaceDb,
  request: ExportRequest,
  context: { now: Date; audit(detail: ExportAuditDetail): void },
): ExportResult {
  const target = checkTarget(request.target);
  let temp: string | null = null;
  try {
    const outcome = transaction(db, () => {
      const records = [...exportRecords(db, request.selection)];
      if (records.length === 0) throw new AppFailure(ErrorCode.NotFound, 'No submitted chart matches; nothing was written.');
      const text = Buffer.from(renderExport(request.format, records, context.now), 'utf8');
      const bytes = request.sealer ? request.sealer.seal(text) : text;
      temp = writeTemp(target, bytes);
      const codes = codeCount(records);
      context.audit({
        format: request.format,
        charts: records.length,
        codes,
        encrypted: request.sealer !== null,
        since: request.selection.since ?? null,
        until: request.selection.until ?? null,
        chosenCharts: request.selection.chartIds?.length ?? null,
        bytes: bytes.length,
        fileSha256: sha256(bytes),
        fileNameSha256: sha256(path.basename(target)),
      });
      return { path: target, format: request.format, charts: records.length, codes, bytes: bytes.length, encrypted: request.sealer !== null };
    });
    publish(temp!, target);
    temp = null;
    return outcome;
  } finally {
    discard(temp);
  }
}
