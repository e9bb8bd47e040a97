/** Counts of one batch and of the whole import, and the audit entry a batch writes. */
import type { ChartImportSummary } from '../../../../shared/chart-import';
import type { Refusal } from '../incoming';

export type ChartOutcome = 'created' | 'updated' | 'unchanged' | 'flagged';
export type DocumentOutcome = 'created' | 'updated' | 'unchanged' | 'flagged';

/** One `charts.import` audit entry per committed batch: counts and chart ids, nothing about patients (flat, as the trail takes it). */
export interface ChartImportBatchAudit {
  batch: number;
  items: number;
  created: number;
  updated: number;
  flagged: number;
  documentsCreated: number;
  documentsUpdated: number;
  documentsFlagged: number;
  refused: number;
  chartIds: string[];
}

export const IMPORT_NOTE = 'refusals are per resource; the rest of each file was imported';

export class Tally {
  readonly charts = { created: 0, updated: 0, unchanged: 0, flagged: 0 };
  readonly documents = { created: 0, updated: 0, unchanged: 0, flagged: 0 };
  readonly refused: Refusal[] = [];
  /** Charts this batch wrote to (created, updated, flagged, or a document of theirs written). */
  readonly touched = new Set<string>();

  chart(outcome: ChartOutcome, chartId: string): void {
    this.charts[outcome] += 1;
    if (outcome !== 'unchanged') this.touched.add(chartId);
  }

  document(outcome: DocumentOutcome, chartId: string): void {
    this.documents[outcome] += 1;
    if (outcome !== 'unchanged') this.touched.add(chartId);
  }

  get wrote(): boolean {
    return this.touched.size > 0;
  }

  audit(batch: number, items: number): ChartImportBatchAudit {
    const { created, updated, flagged } = this.charts;
    const d = this.documents;
    return {
      batch,
      items,
      created,
      updated,
      flagged,
      documentsCreated: d.created,
      documentsUpdated: d.updated,
      documentsFlagged: d.flagged,
      refused: this.refused.length,
      chartIds: [...this.touched],
    };
  }

  add(other: Tally): void {
    for (const k of Object.keys(this.charts) as (keyof Tally['charts'])[]) this.charts[k] += other.charts[k];
    for (const k of Object.keys(this.documents) as (keyof Tally['documents'])[]) this.documents[k] += other.documents[k];
    this.refused.push(...other.refused);
  }

  summary(): ChartImportSummary {
    return { ...this.charts, documents: { ...this.documents }, refused: [...this.refused], note: IMPORT_NOTE };
  }
}
