/**
 * What a query export reads: one physician query with its chart's visit and source, as the
 * MDM^T02 and FHIR Communication writers need it, and the labelled parts (question, choices,
 * indicators, answer) both write, so the two formats say the same. The draft fields are the query
 * as the provider read it; dates are ISO timestamps.
 */
import type { ChartSetting } from '../../../../shared/domain';
import {
  answerChoice,
  offeredChoices,
  QUERY_FORMAT_LABELS,
  YES_NO_PURPOSE_LABELS,
  type QueryAnswer,
  type QueryDraft,
  type QueryStatus,
} from '../../../../shared/queries';
import type { ExportRecord } from './records';

export interface QueryExportRecord extends QueryDraft {
  queryId: string;
  status: QueryStatus;
  /** Profile id of the coder who wrote the query. */
  coderId: string;
  setting: ChartSetting;
  admitDate: string;
  dischargeDate: string;
  /** Where an imported chart came from; null for charts made here. */
  source: ExportRecord['source'];
  createdAt: string;
  sentAt: string | null;
  answeredAt: string | null;
  /** Null until the provider answers. */
  answer: QueryAnswer | null;
}

/** What the receiving system names the visit by: the source's reference, else our chart id (as lines.ts encounterRef). */
export function queryVisitRef(record: Pick<QueryExportRecord, 'source' | 'chartId'>): string {
  return record.source?.sourceRef ?? record.chartId;
}

/** When the query was issued: sent, else (a draft) written. */
export function queryIssuedAt(record: Pick<QueryExportRecord, 'sentAt' | 'createdAt'>): string {
  return record.sentAt ?? record.createdAt;
}

/** Text with its line breaks kept, as lines (CR, LF or CRLF). */
const textLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

export type QueryPartCode = 'FORMAT' | 'ADDRESSEE' | 'QUESTION' | 'OPTION' | 'INDICATOR' | 'ANSWER';

/** One labelled piece of the query as a person reads it; both formats write the same pieces. */
export interface QueryPart {
  code: QueryPartCode;
  /** 1-based among the parts of its code (options and indicators are numbered). */
  index: number;
  /** The first line starts with its label ("Question: …"), so the text reads on its own. */
  lines: string[];
}

function formatLine(record: QueryExportRecord): string {
  const purpose = record.format === 'yes_no' && record.yesNoPurpose ? ` (${YES_NO_PURPOSE_LABELS[record.yesNoPurpose].toLowerCase()})` : '';
  return `Format: ${QUERY_FORMAT_LABELS[record.format]}${purpose}`;
}

/** The query's pieces in reading order; the answer only once there is one. */
export function queryParts(record: QueryExportRecord): QueryPart[] {
  const [first = '', ...rest] = textLines(record.question);
  const parts: QueryPart[] = [
    { code: 'FORMAT', index: 1, lines: [formatLine(record)] },
    { code: 'ADDRESSEE', index: 1, lines: [`Addressed to: ${record.addressedTo}`] },
    { code: 'QUESTION', index: 1, lines: [`Question: ${first}`, ...rest] },
    ...offeredChoices(record).map((choice, i): QueryPart => ({ code: 'OPTION', index: i + 1, lines: [`Option ${i + 1}: ${choice}`] })),
    ...record.indicators.map(
      (indicator, i): QueryPart => ({
        code: 'INDICATOR',
        index: i + 1,
        lines: [`Indicator ${i + 1}: ${indicator.documentTitle}, ${indicator.documentDate}, characters ${indicator.start}-${indicator.end}:`, ...textLines(indicator.text)],
      }),
    ),
  ];
  if (record.answer) {
    const words = record.answer.text.trim() === '' ? [] : textLines(record.answer.text);
    parts.push({ code: 'ANSWER', index: 1, lines: [`Answer: ${answerChoice(record, record.answer)}`, ...words] });
  }
  return parts;
}
