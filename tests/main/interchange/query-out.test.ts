/** A physician query out: HL7 v2 MDM^T02 read back by CodeDesk's own MDM reader, and FHIR R4 Communications validated against R4. */
import fs from 'node:fs';
import path from 'node:path';
import { type Hl7Field, type Hl7Message, type Hl7Segment } from '@medplum/core';
import type { Communication } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/main/services/interchange/hl7/parse-message';
import { readMdm } from '../../../src/main/services/interchange/hl7/read-mdm';
import { splitMessages } from '../../../src/main/services/interchange/hl7/split-messages';
import { DEFAULT_READ_OPTIONS } from '../../../src/main/services/interchange/incoming';
import { assertValidFhir } from '../../../src/main/services/interchange/out/fhir-validate';
import { answerCommunication, queryCommunication, queryCommunications } from '../../../src/main/services/interchange/out/query-fhir';
import { queryMdm } from '../../../src/main/services/interchange/out/query-hl7';
import type { QueryExportRecord } from '../../../src/main/services/interchange/out/query-record';
import type { QueryStatus } from '../../../src/shared/queries';
import { tempDir } from '../helpers/temp';
import { documents, readAll, refusals } from './hl7/hl7-test-helpers';

const SPAN = 'Lactate 4.1 | MAP 58^\nstarted norepinephrine & 30 mL/kg; T 38.9 °C';

const answered: QueryExportRecord = {
  queryId: 'Q-2026-0042',
  chartId: 'IP-260102',
  status: 'answered',
  coderId: 'profile-7',
  setting: 'inpatient',
  admitDate: '2026-08-01',
  dischargeDate: '2026-08-06',
  source: { format: 'hl7v2', sourceRef: 'V100234', patientRef: 'MRN4471203', facility: 'STMARY' },
  createdAt: '2026-08-04T09:15:00.000Z',
  sentAt: '2026-08-04T10:30:00.000Z',
  answeredAt: '2026-08-05T14:02:11.000Z',
  topic: 'sepsis',
  question: 'Based on the clinical indicators below, please clarify the condition treated.\nSee the ED note ~ and the H&P.',
  format: 'multiple_choice',
  options: ['Sepsis due to urinary tract infection', 'Septic shock', 'Urinary tract infection without sepsis'],
  yesNoPurpose: null,
  indicators: [
    { documentId: 'doc-3', documentTitle: 'ED note', documentDate: '2026-08-01', start: 40, end: 40 + SPAN.length, text: SPAN },
    { documentId: 'doc-5', documentTitle: 'History and physical', documentDate: '2026-08-02', start: 0, end: 15, text: 'WBC 17.2\\ bands' },
  ],
  addressedTo: 'Dr. Leila Haddad',
  answer: { kind: 'option', optionIndex: 1, text: 'Lactate cleared after 24 h.', agreed: true },
};

const EXPECTED_TEXT = [
  'Format: Multiple choice',
  'Addressed to: Dr. Leila Haddad',
  'Question: Based on the clinical indicators below, please clarify the condition treated.',
  'See the ED note ~ and the H&P.',
  'Option 1: Sepsis due to urinary tract infection',
  'Option 2: Septic shock',
  'Option 3: Urinary tract infection without sepsis',
  'Option 4: Other (please specify)',
  'Option 5: Clinically undetermined',
  `Indicator 1: ED note, 2026-08-01, characters 40-${40 + SPAN.length}:`,
  'Lactate 4.1 | MAP 58^',
  'started norepinephrine & 30 mL/kg; T 38.9 °C',
  'Indicator 2: History and physical, 2026-08-02, characters 0-15:',
  'WBC 17.2\\ bands',
  'Answer: Septic shock',
  'Lactate cleared after 24 h.',
].join('\n');

const AT = new Date('2026-08-06T08:00:00.000Z');

/** The message as CodeDesk's HL7 reader parses it. */
function parsed(record: QueryExportRecord): Hl7Message {
  const raw = splitMessages(queryMdm(record, 'CTRL1', AT));
  expect(raw).toHaveLength(1);
  const result = parseMessage(raw[0]!);
  if (!result.ok) throw new Error(result.reason);
  expect(result.type).toBe('MDM^T02');
  return result.message;
}

const field = (segment: Hl7Segment, n: number): string => (segment.getField(n) as Hl7Field | undefined)?.toString() ?? '';

describe('query as HL7 v2 MDM^T02', () => {
  it('is read back by CodeDesk’s MDM reader as a document of the same visit, text and line breaks intact', () => {
    const result = readMdm(parsed(answered), DEFAULT_READ_OPTIONS);
    expect(result).toEqual({
      ok: true,
      chartSourceKey: 'hl7:STMARY|V100234',
      documents: [
        {
          sourceId: 'Q-2026-0042',
          kind: 'other',
          title: 'Physician query',
          author: 'profile-7',
          date: '2026-08-04',
          contentType: 'text/plain',
          text: EXPECTED_TEXT,
          data: null,
        },
      ],
    });
  });

  it('reads back from a file through the whole HL7 import reader, refusing nothing', async () => {
    const file = path.join(tempDir(), 'query.hl7');
    fs.writeFileSync(file, `${queryMdm(answered, 'CTRL1', AT)}\n`);
    const items = await readAll(file);
    expect(refusals(items)).toEqual([]);
    expect(documents(items).map((d) => d.document.text)).toEqual([EXPECTED_TEXT]);
  });

  it('carries identifiers only, the TXA header, and one OBX per part with the answer time', () => {
    const m = parsed(answered);
    const msh = m.getSegment('MSH')!;
    expect([msh.getComponent(9, 1), msh.getComponent(9, 2), field(msh, 12), field(msh, 18)]).toEqual(['MDM', 'T02', '2.6', 'UNICODE UTF-8']);
    expect([field(m.getSegment('EVN')!, 1), field(m.getSegment('EVN')!, 2), field(m.getSegment('EVN')!, 5)]).toEqual(['T02', '20260804103000', 'profile-7']);
    const pid = m.getSegment('PID')!;
    expect([field(pid, 3), field(pid, 5), field(pid, 18)]).toEqual(['MRN4471203^^^^MR', '', 'IP-260102']);
    const pv1 = m.getSegment('PV1')!;
    expect([field(pv1, 2), field(pv1, 19), field(pv1, 44), field(pv1, 45)]).toEqual(['I', 'V100234', '20260801', '20260806']);
    const txa = m.getSegment('TXA')!;
    expect([2, 3, 4, 6, 9, 10, 12, 17, 19].map((n) => field(txa, n))).toEqual([
      'QUERY^Physician query',
      'TX',
      '20260804103000',
      '20260804091500',
      'profile-7',
      '^Dr. Leila Haddad',
      'Q-2026-0042',
      'AU',
      'AV',
    ]);
    const obx = m.getAllSegments('OBX');
    expect(obx.map((s) => `${s.getComponent(3, 1)}/${field(s, 4)}`)).toEqual([
      'QUERY-FORMAT/1',
      'QUERY-ADDRESSEE/1',
      'QUERY-QUESTION/1',
      ...[1, 2, 3, 4, 5].map((i) => `QUERY-OPTION/${i}`),
      'QUERY-INDICATOR/1',
      'QUERY-INDICATOR/2',
      'QUERY-ANSWER/1',
    ]);
    expect(obx.every((s) => field(s, 2) === 'TX' && field(s, 11) === 'F')).toBe(true);
    expect(field(obx[obx.length - 1]!, 14)).toBe('20260805140211');
    expect(field(obx[0]!, 14)).toBe('');
  });

  it('maps the query status to TXA-17 completion and TXA-19 availability', () => {
    const statusOf = (status: QueryStatus, answer = answered.answer) => {
      const txa = parsed({ ...answered, status, answer }).getSegment('TXA')!;
      return `${field(txa, 17)}/${field(txa, 19)}`;
    };
    expect(statusOf('draft', null)).toBe('IP/AV');
    expect(statusOf('sent', null)).toBe('DO/AV');
    expect(statusOf('answered')).toBe('AU/AV');
    expect(statusOf('cancelled', null)).toBe('DO/CA');
    expect(statusOf('closed')).toBe('AU/AV');
    expect(statusOf('closed', null)).toBe('DO/CA');
  });

  it('writes a yes/no query with its purpose and offered answers; a draft is dated when written; a chart made here is named by its id', () => {
    const draft: QueryExportRecord = {
      ...answered,
      status: 'draft',
      source: null,
      sentAt: null,
      answeredAt: null,
      answer: null,
      format: 'yes_no',
      options: [],
      yesNoPurpose: 'establish_poa',
      question: 'Was the documented stage 3 pressure injury present on admission?',
      addressedTo: 'NPI1234567890',
    };
    const m = parsed(draft);
    expect(field(m.getSegment('PID')!, 3)).toBe('IP-260102^^^^AN');
    expect(field(m.getSegment('PV1')!, 19)).toBe('IP-260102');
    expect(field(m.getSegment('TXA')!, 4)).toBe('20260804091500');
    expect(field(m.getSegment('TXA')!, 10)).toBe('NPI1234567890');
    const result = readMdm(m, DEFAULT_READ_OPTIONS);
    if (!result.ok) throw new Error(result.reason);
    const text = result.documents[0]!.text ?? '';
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Format: Yes/no (establish present on admission)',
      'Addressed to: NPI1234567890',
      'Question: Was the documented stage 3 pressure injury present on admission?',
      'Option 1: Yes',
      'Option 2: No',
      'Option 3: Other (please specify)',
      'Option 4: Clinically undetermined',
    ]);
    expect(text).not.toContain('Answer:');
  });
});

describe('query as FHIR R4 Communication', () => {
  const valid = (resources: readonly Communication[]) =>
    resources.forEach((resource, index) => expect(() => assertValidFhir(resource, { index, total: resources.length })).not.toThrow());

  it('writes the query (sender the coder, recipient the provider, payload the parts) and the answer in response to it, both valid R4', () => {
    const [query, answer] = queryCommunications(answered);
    valid([query!, answer!]);
    expect(query).toMatchObject({
      resourceType: 'Communication',
      id: 'Q-2026-0042',
      identifier: [{ system: 'urn:codedesk:query', value: 'Q-2026-0042' }],
      status: 'completed',
      category: [{ text: 'query' }],
      topic: { coding: [{ code: 'sepsis' }] },
      subject: { identifier: { type: { coding: [{ code: 'MR' }] }, value: 'MRN4471203' } },
      encounter: { identifier: { type: { coding: [{ code: 'VN' }] }, value: 'V100234' } },
      sent: '2026-08-04T10:30:00.000Z',
      sender: { type: 'Practitioner', identifier: { system: 'urn:codedesk:profile', value: 'profile-7' } },
      recipient: [{ type: 'Practitioner', display: 'Dr. Leila Haddad' }],
    });
    expect(query!.payload!.map((p) => p.contentString).join('\n')).toBe(EXPECTED_TEXT.slice(0, EXPECTED_TEXT.indexOf('\nAnswer:')));
    expect(answer).toMatchObject({
      id: 'Q-2026-0042-answer',
      inResponseTo: [{ reference: 'Communication/Q-2026-0042' }],
      status: 'completed',
      received: '2026-08-05T14:02:11.000Z',
      sender: { display: 'Dr. Leila Haddad' },
      recipient: [{ identifier: { value: 'profile-7' } }],
      payload: [{ contentString: 'Answer: Septic shock\nLactate cleared after 24 h.' }],
    });
    expect(answer!.sent).toBeUndefined();
    // The patient's name never leaves: the resources name the account only.
    expect(JSON.stringify([query, answer])).not.toMatch(/"name"/);
  });

  it('maps the status: draft preparation, sent in-progress, cancelled stopped, closed as what it closed from', () => {
    const unanswered = { ...answered, answer: null, answeredAt: null };
    const statusOf = (record: QueryExportRecord) => queryCommunication(record).status;
    expect(statusOf({ ...unanswered, status: 'draft', sentAt: null })).toBe('preparation');
    expect(statusOf({ ...unanswered, status: 'sent' })).toBe('in-progress');
    expect(statusOf({ ...answered, status: 'answered' })).toBe('completed');
    expect(statusOf({ ...unanswered, status: 'cancelled' })).toBe('stopped');
    expect(statusOf({ ...answered, status: 'closed' })).toBe('completed');
    expect(statusOf({ ...unanswered, status: 'closed' })).toBe('stopped');
    const draft = queryCommunication({ ...unanswered, status: 'draft', sentAt: null });
    expect(draft.sent).toBeUndefined();
    expect(answerCommunication(unanswered)).toBeNull();
    expect(queryCommunications(unanswered)).toHaveLength(1);
    valid([draft]);
  });

  it('names a FHIR source’s Patient and Encounter by reference, and a chart made here by its id', () => {
    const fhir = queryCommunication({ ...answered, source: { format: 'fhir', sourceRef: 'Encounter/enc-9', patientRef: 'Patient/pat-4', facility: null } });
    expect([fhir.subject, fhir.encounter]).toEqual([{ reference: 'Patient/pat-4' }, { reference: 'Encounter/enc-9' }]);
    const local = queryCommunication({ ...answered, source: null });
    expect([local.subject, local.encounter]).toEqual([
      { identifier: { system: 'urn:codedesk:chart', value: 'IP-260102' } },
      { identifier: { system: 'urn:codedesk:chart', value: 'IP-260102' } },
    ]);
    valid([fhir, local]);
  });
});
