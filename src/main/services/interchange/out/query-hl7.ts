/**
 * One physician query as an HL7 v2.6 MDM^T02 (original document notification and content), the
 * message DOMAIN.md names for sending a query out; CodeDesk's own MDM reader (hl7/read-mdm.ts)
 * reads it back as a document of its visit. Decisions:
 * - MSH, EVN, PID and PV1 as hl7-bar.ts writes them: identifiers only, no patient name; MSH-4 the
 *   source's facility, PV1-19 the source's visit number, so the document finds the same chart.
 *   MSH-18 says UTF-8: indicators quote the record, which is not always ASCII.
 * - TXA-2 'QUERY^Physician query': table 0270 has no query type, so a local code with its text
 *   (the reader files it as 'other' under that title). TXA-3 'TX' (text). TXA-4 when the query was
 *   sent (written, for a draft), TXA-6 when it was written, TXA-9 the coder (originator), TXA-10
 *   the provider asked (assigned authenticator: the one who must answer), TXA-12 the query id.
 * - TXA-17 (table 0271) and TXA-19 (table 0273) from the query status: draft IP (in progress);
 *   sent DO (documented); answered AU (authenticated: the provider has answered); cancelled DO and
 *   TXA-19 CA (canceled); closed as the status it closed from (AU if answered, else DO + CA).
 * - One OBX (type TX, OBX-3 a local code QUERY-<part>) per part of queryParts: format, addressee,
 *   question, each offered choice (OBX-4 its number), each indicator, the answer (OBX-14 its
 *   time). A part's lines are OBX-5 repetitions, which the reader turns back into line breaks.
 */
import { hl7Escape, hl7Time } from './hl7-bar';
import { queryIssuedAt, queryParts, queryVisitRef, type QueryExportRecord } from './query-record';

const CLASS: Record<QueryExportRecord['setting'], string> = { inpatient: 'I', outpatient_surgery: 'O', emergency: 'E', professional: 'O' };

/** A segment from field values by HL7 number (already escaped); trailing empty fields are dropped. */
function segment(name: string, values: Record<number, string>): string {
  const fields = Array.from({ length: Math.max(0, ...Object.keys(values).map(Number)) }, (_, i) => values[i + 1] ?? '');
  while (fields.length && fields[fields.length - 1] === '') fields.pop();
  return [name, ...fields].join('|');
}

/** PID-3's identifier type, as hl7-bar.ts decides it: the HL7 source's MRN, a FHIR Patient id, else our account. */
const patientIdType = (record: QueryExportRecord): string => (!record.source?.patientRef ? 'AN' : record.source.format === 'hl7v2' ? 'MR' : 'PI');

/** TXA-17 completion status and TXA-19 availability status. */
function documentStatus(record: QueryExportRecord): { completion: string; availability: string } {
  const answered = record.answer !== null;
  switch (record.status) {
    case 'draft':
      return { completion: 'IP', availability: 'AV' };
    case 'sent':
      return { completion: 'DO', availability: 'AV' };
    case 'answered':
      return { completion: 'AU', availability: 'AV' };
    case 'cancelled':
      return { completion: 'DO', availability: 'CA' };
    case 'closed':
      return answered ? { completion: 'AU', availability: 'AV' } : { completion: 'DO', availability: 'CA' };
  }
}

/** An XCN for a person CodeDesk knows only by what the coder typed: an id alone, else a name as the family name. */
function person(text: string): string {
  if (text === '') return '';
  return /^[A-Za-z0-9._-]+$/.test(text) ? hl7Escape(text) : `^${hl7Escape(text)}`;
}

export function queryMdm(record: QueryExportRecord, controlId: string, at: Date): string {
  const e = hl7Escape;
  const account = e(record.chartId);
  const patientId = record.source?.patientRef ? e(record.source.patientRef.replace(/^Patient\//, '')) : account;
  const visit = e(queryVisitRef(record).replace(/^Encounter\//, ''));
  const issued = hl7Time(queryIssuedAt(record));
  const status = documentStatus(record);
  const segments = [
    `MSH|^~\\&|CODEDESK|${e(record.source?.facility ?? '')}|||${hl7Time(at.toISOString())}||MDM^T02^MDM_T02|${e(controlId)}|P|2.6||||||UNICODE UTF-8`,
    segment('EVN', { 1: 'T02', 2: issued, 5: e(record.coderId) }),
    segment('PID', { 1: '1', 3: `${patientId}^^^^${patientIdType(record)}`, 18: account }),
    segment('PV1', { 1: '1', 2: CLASS[record.setting], 19: visit, 44: hl7Time(record.admitDate), 45: hl7Time(record.dischargeDate) }),
    segment('TXA', {
      1: '1',
      2: 'QUERY^Physician query',
      3: 'TX',
      4: issued,
      6: hl7Time(record.createdAt),
      9: e(record.coderId),
      10: person(record.addressedTo),
      12: e(record.queryId),
      17: status.completion,
      19: status.availability,
    }),
    ...queryParts(record).map((part, i) =>
      segment('OBX', {
        1: String(i + 1),
        2: 'TX',
        3: `QUERY-${part.code}^${part.code.toLowerCase()}^L`,
        4: String(part.index),
        5: part.lines.map(e).join('~'),
        11: 'F',
        14: part.code === 'ANSWER' && record.answeredAt ? hl7Time(record.answeredAt) : '',
      }),
    ),
  ];
  return `${segments.join('\r')}\r`;
}
