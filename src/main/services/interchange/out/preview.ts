/**
 * What an export would write, before it is written: the charts (latest submission each), the
 * counts per format, and the first chart in each format. Nothing leaves the app here.
 */
import type { WorkspaceDb } from '../../db/handles';
import type { ExportPreview } from '../../../../shared/results';
import { claimFor } from './fhir-claim';
import { csvFile } from './csv';
import { barP12 } from './hl7-bar';
import { exportRecords, type ExportSelection } from './records';

export function previewExport(db: WorkspaceDb, selection: ExportSelection, options: { now: Date; rowLimit: number }): ExportPreview {
  const records = [...exportRecords(db, selection)];
  let diagnoses = 0;
  let procedures = 0;
  for (const r of records) {
    diagnoses += r.coding.diagnoses.length;
    procedures += r.coding.procedures.length;
  }
  const first = records[0];
  return {
    total: records.length,
    charts: records.slice(0, options.rowLimit).map((r) => ({
      chartId: r.chartId,
      version: r.version,
      submittedAt: r.submittedAt,
      setting: r.setting,
      diagnoses: r.coding.diagnoses.length,
      procedures: r.coding.procedures.length,
    })),
    counts: {
      fhir: { claims: records.length },
      // MSH, EVN, PID, PV1 per message, then a DG1 per diagnosis and a PR1 per procedure.
      hl7: { messages: records.length, segments: 4 * records.length + diagnoses + procedures },
      csv: { rows: diagnoses + procedures },
    },
    sample: first
      ? {
          chartId: first.chartId,
          fhir: JSON.stringify(claimFor(first), null, 2),
          hl7: barP12(first, 'PREVIEW', options.now).replace(/\r/g, '\n'),
          csv: csvFile([first]).replace(/\r\n/g, '\n'),
        }
      : null,
  };
}
