/** `charts.import`: every path detected and read by its reader, the items applied batch by batch. */
import type { WorkspaceDb } from '../../db/handles';
import type { ChartImportSummary } from '../../../../shared/chart-import';
import type { ReadOptions } from '../incoming';
import { readSources } from '../read-sources';
import { applyItems, type ApplyOptions } from './apply-items';

export interface ImportChartsOptions extends Omit<ApplyOptions, 'batchItems' | 'batchBytes'> {
  read: ReadOptions;
}

/** A path that is no FHIR or HL7 v2 export fails before any chart is written (readSources detects all first). */
export function importCharts(db: WorkspaceDb, paths: readonly string[], options: ImportChartsOptions): Promise<ChartImportSummary> {
  const { read, ...apply } = options;
  return applyItems(db, readSources(paths, read), apply);
}
