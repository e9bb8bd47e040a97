/**
 * One physician query as FHIR R4 Communication resources. Decisions:
 * - The query is one Communication: sender the coder, recipient the provider asked (by the name or
 *   id the coder wrote), subject and encounter as fhir-claim.ts names them (identifiers, no name),
 *   category a local 'query' code, topic the template (or 'custom'), sent when it was sent.
 * - Its payload is the query as queryParts reads it, one string a part (format, addressee,
 *   question, each offered choice, each indicator with its document, date and span), so the
 *   receiver sees what the provider saw; the same parts the MDM^T02 writes as OBX lines.
 * - Status: draft → preparation, sent → in-progress, answered → completed, cancelled → stopped;
 *   closed keeps what it closed from: completed when answered, stopped when it was cancelled
 *   ('completed' would claim an answer that never came).
 * - The answer is a second Communication, inResponseTo the query: it has its own sender (the
 *   provider), time and status, as an answer in a real exchange does, and the query resource stays
 *   the query as sent. Its 'received' is when CodeDesk recorded the answer; when the provider
 *   sent it is not known, so 'sent' is left out.
 */
import type { Communication, CommunicationPayload, Encounter, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import { SYSTEMS } from './fhir-claim';
import { queryParts, queryVisitRef, type QueryExportRecord } from './query-record';

export const QUERY_SYSTEMS = {
  query: 'urn:codedesk:query',
  topic: 'urn:codedesk:query-topic',
  category: 'urn:codedesk:communication-category',
} as const;

/** A FHIR id: letters, digits, '-' and '.', at most 64. */
const fhirId = (text: string): string => text.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);

/** As fhir-claim.ts: the source's Patient reference, or its MRN, or our chart id; never a name. */
function patientOf(record: QueryExportRecord): Reference<Patient> {
  const ref = record.source?.patientRef;
  if (ref && /^Patient\/[A-Za-z0-9.-]{1,64}$/.test(ref)) return { reference: ref };
  if (ref) return { identifier: { type: { coding: [{ system: SYSTEMS.identifierType, code: 'MR' }] }, value: ref } };
  return { identifier: { system: SYSTEMS.chart, value: record.chartId } };
}

/** As fhir-claim.ts: the FHIR source's Encounter, an HL7 source's visit number, or our chart id. */
function encounterOf(record: QueryExportRecord): Reference<Encounter> {
  const ref = queryVisitRef(record);
  if (record.source?.format === 'fhir' && /^Encounter\/[A-Za-z0-9.-]{1,64}$/.test(ref)) return { reference: ref };
  if (record.source) return { identifier: { type: { coding: [{ system: SYSTEMS.identifierType, code: 'VN' }] }, value: ref } };
  return { identifier: { system: SYSTEMS.chart, value: record.chartId } };
}

const coder = (record: QueryExportRecord): Reference<Practitioner> => ({ type: 'Practitioner', identifier: { system: SYSTEMS.profile, value: record.coderId } });
const provider = (record: QueryExportRecord): Reference<Practitioner> => ({ type: 'Practitioner', display: record.addressedTo || 'Not named' });

function queryStatus(record: QueryExportRecord): Communication['status'] {
  switch (record.status) {
    case 'draft':
      return 'preparation';
    case 'sent':
      return 'in-progress';
    case 'answered':
      return 'completed';
    case 'cancelled':
      return 'stopped';
    case 'closed':
      return record.answer ? 'completed' : 'stopped';
  }
}

const payloadOf = (record: QueryExportRecord, answer: boolean): CommunicationPayload[] =>
  queryParts(record)
    .filter((part) => (part.code === 'ANSWER') === answer)
    .map((part) => ({ contentString: part.lines.join('\n') }));

const common = (record: QueryExportRecord) => ({
  subject: patientOf(record),
  encounter: encounterOf(record),
  category: [{ coding: [{ system: QUERY_SYSTEMS.category, code: 'query', display: 'Physician query' }], text: 'query' }],
  topic: { coding: [{ system: QUERY_SYSTEMS.topic, code: record.topic }] },
});

export function queryCommunication(record: QueryExportRecord): Communication {
  return {
    resourceType: 'Communication',
    id: fhirId(record.queryId),
    identifier: [{ system: QUERY_SYSTEMS.query, value: record.queryId }],
    status: queryStatus(record),
    ...common(record),
    ...(record.sentAt ? { sent: record.sentAt } : {}),
    sender: coder(record),
    recipient: [provider(record)],
    payload: payloadOf(record, false),
  };
}

/** The provider's answer, in response to the query; null while there is none. */
export function answerCommunication(record: QueryExportRecord): Communication | null {
  if (!record.answer) return null;
  return {
    resourceType: 'Communication',
    id: fhirId(`${record.queryId}-answer`),
    identifier: [{ system: QUERY_SYSTEMS.query, value: `${record.queryId}/answer` }],
    inResponseTo: [{ reference: `Communication/${fhirId(record.queryId)}` }],
    status: 'completed',
    ...common(record),
    ...(record.answeredAt ? { received: record.answeredAt } : {}),
    sender: provider(record),
    recipient: [coder(record)],
    payload: payloadOf(record, true),
  };
}

/** The query, then its answer when there is one. */
export function queryCommunications(record: QueryExportRecord): Communication[] {
  const answer = answerCommunication(record);
  return answer ? [queryCommunication(record), answer] : [queryCommunication(record)];
}
