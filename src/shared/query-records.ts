/** A physician query as the workspace keeps it: the draft as composed, its status and dates, the answer. */
import type { ChartStatus, HoldReason } from './domain';
import type { QueryAnswer, QueryDates, QueryDraft, QueryStatus } from './queries';

export interface QueryRecord {
  id: string;
  chartId: string;
  /** Profile id of the coder who wrote it. */
  createdBy: string;
  status: QueryStatus;
  draft: QueryDraft;
  answer: QueryAnswer | null;
  dates: QueryDates;
}

export const QUERY_EXPORT_FORMATS = ['hl7', 'fhir'] as const;
export type QueryExportFormat = (typeof QUERY_EXPORT_FORMATS)[number];

/** A query moved, and the chart's status after it (a sent query holds the chart; the last answer releases it). */
export interface QueryChange {
  query: QueryRecord;
  chart: { status: ChartStatus; holdReason: HoldReason | null; holdNote: string | null };
}
