/** Hand-written R4 bundles: each bundle type, the three reference styles, payer, PDFs and Binaries. */
import { describe, expect, it } from 'vitest';
import { base64, bundle, collect, encounter, makePdf, note, patient, writeJson } from './helpers';

const org = { resourceType: 'Organization', id: 'o1', identifier: [{ system: 'urn:test:org', value: 'GEN' }], name: 'General Test Hospital' };
const doctor = { resourceType: 'Practitioner', id: 'dr1', identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '9990001' }], name: [{ family: 'Osei', given: ['Kofi'], suffix: ['MD'] }] };
const ward = { resourceType: 'Location', id: 'l1', name: 'Ward 4B' };

describe('a Bundle file', () => {
  it.each(['collection', 'transaction', 'batch', 'searchset'])('of type %s reads its encounter as a chart, then its note', async (type) => {
    const file = writeJson('b.json', bundle(type, [{ resource: note('n1', 'Encounter/e1') }, { resource: patient() }, { resource: encounter() }]));
    const { items, charts, refusals } = await collect(file);
    expect(refusals).toEqual([]);
    expect(items.map((i) => i.type)).toEqual(['chart', 'document']);
    expect(charts[0]).toMatchObject({
      sourceKey: 'fhir:Encounter/e1',
      sourceRef: 'Encounter/e1',
      format: 'fhir',
      patient: { name: 'Testperson, Alma Q', ref: 'Patient/p1', ageAtEncounter: 65, sex: 'F' },
      setting: 'inpatient',
      // 23:30 at -05:00 is still March 1 where it happened, not March 2 in UTC.
      admitDate: '2026-03-01',
      dischargeDate: '2026-03-04',
      payer: 'Not given',
    });
  });

  it.each(['document', 'message', 'history', 'transaction-response'])('of type %s is refused with the types CodeDesk reads', async (type) => {
    const file = writeJson('b.json', bundle(type, [{ resource: patient() }, { resource: encounter() }]));
    const { items, refusals } = await collect(file);
    expect(items).toHaveLength(1);
    expect(refusals[0]).toEqual({ file, line: null, reason: expect.stringContaining(`type '${type}' is not read; CodeDesk reads collection, transaction, batch and searchset`) });
  });

  it('resolves urn:uuid references through fullUrl, and absolute URLs ending in Type/id', async () => {
    const file = writeJson(
      'b.json',
      bundle('transaction', [
        { fullUrl: 'urn:uuid:0d4a-patient', resource: patient('p9') },
        { fullUrl: 'urn:uuid:0d4a-org', resource: { ...org, id: undefined } },
        { fullUrl: 'https://ehr.test/fhir/Practitioner/dr1', resource: doctor },
        {
          fullUrl: 'urn:uuid:0d4a-enc',
          resource: encounter('e7', {
            subject: { reference: 'urn:uuid:0d4a-patient' },
            serviceProvider: { reference: 'urn:uuid:0d4a-org' },
            participant: [{ individual: { reference: 'https://ehr.test/fhir/Practitioner/dr1' } }],
          }),
        },
        { resource: note('n1', 'urn:uuid:0d4a-enc', { author: [{ reference: 'https://ehr.test/fhir/Practitioner/dr1/_history/3' }] }) },
      ]),
    );
    const { charts, documents, refusals } = await collect(file);
    expect(refusals).toEqual([]);
    expect(charts[0]).toMatchObject({ sourceKey: 'fhir:Encounter/e7', patient: { ref: 'Patient/p9' }, facility: 'General Test Hospital', attending: 'Kofi Osei, MD' });
    expect(documents[0]).toMatchObject({ chartSourceKey: 'fhir:Encounter/e7', document: { author: 'Kofi Osei, MD' } });
  });

  it('resolves conditional references (Type?identifier=system|value) and takes the attending, location and payer', async () => {
    const coverage = (id: string, payor: object, period: object, order?: number) => ({
      resourceType: 'Coverage', id, status: 'active', beneficiary: { reference: 'Patient?identifier=urn:test:mrn|MRN-p1' }, payor: [payor], period, ...(order ? { order } : {}),
    });
    const file = writeJson(
      'b.json',
      bundle('collection', [
        { resource: patient() },
        { resource: org },
        { resource: doctor },
        { resource: { resourceType: 'Practitioner', id: 'dr2', name: [{ family: 'Other', given: ['Consultant'] }] } },
        { resource: ward },
        { resource: coverage('c-old', { display: 'Old Plan' }, { start: '2020-01-01', end: '2025-12-31' }) },
        { resource: coverage('c-2', { display: 'Secondary Plan' }, { start: '2026-01-01' }, 2) },
        { resource: coverage('c-1', { reference: 'Organization?identifier=urn:test:org|GEN' }, { start: '2026-01-01' }, 1) },
        {
          resource: encounter('e1', {
            identifier: [{ system: 'urn:test:visit', value: 'V2026-0042' }],
            subject: { reference: 'Patient?identifier=urn:test:mrn|MRN-p1' },
            serviceProvider: { reference: 'Organization?identifier=urn:test:org|GEN' },
            participant: [
              { type: [{ coding: [{ code: 'CON' }] }], individual: { reference: 'Practitioner/dr2' } },
              { type: [{ coding: [{ code: 'ATND' }] }], individual: { reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9990001' } },
            ],
            location: [{ location: { reference: 'Location/l1' } }, { location: { display: 'Second place' } }],
            reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code: '233604007', display: 'Pneumonia' }] }],
          }),
        },
        { resource: { resourceType: 'Condition', id: 'c1', code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }] }, encounter: { reference: 'Encounter/e1' } } },
        { resource: { resourceType: 'Condition', id: 'c1-again', code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }] }, encounter: { reference: 'Encounter/e1' } } },
        { resource: { resourceType: 'Procedure', id: 'pr1', status: 'completed', code: { coding: [{ system: 'http://snomed.info/sct', code: '80146002', display: 'Appendectomy' }] }, encounter: { reference: 'Encounter?identifier=urn:test:visit|V2026-0042' } } },
        { resource: { resourceType: 'Procedure', id: 'pr2', status: 'entered-in-error', code: { coding: [{ code: 'x' }] }, encounter: { reference: 'Encounter/e1' } } },
      ]),
    );
    const { charts, refusals } = await collect(file);
    expect(refusals).toEqual([]);
    expect(charts[0]).toMatchObject({
      accountNumber: 'V2026-0042',
      facility: 'General Test Hospital',
      attending: 'Kofi Osei, MD',
      location: 'Ward 4B',
      payer: 'General Test Hospital',
      hints: [
        { kind: 'reason', system: 'http://snomed.info/sct', code: '233604007', display: 'Pneumonia' },
        { kind: 'condition', system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' },
        { kind: 'procedure', system: 'http://snomed.info/sct', code: '80146002', display: 'Appendectomy' },
      ],
    });
  });

  it('names a self-paying patient\'s coverage "Self-pay", never the patient', async () => {
    const selfPay = { resourceType: 'Coverage', id: 'c1', status: 'active', beneficiary: { reference: 'Patient/p1' }, payor: [{ reference: 'Patient/p1', display: 'Alma Testperson' }] };
    const { charts } = await collect(writeJson('b.json', bundle('collection', [{ resource: patient() }, { resource: encounter() }, { resource: selfPay }])));
    expect(charts[0]!.payer).toBe('Self-pay');
  });

  it('reads a DiagnosticReport presentedForm PDF as bytes, and an attachment by url to a Binary in the bundle', async () => {
    const pdf = await makePdf('CT abdomen: no acute findings.');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const report = {
      resourceType: 'DiagnosticReport', id: 'r1', status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }] }],
      code: { text: 'CT abdomen' },
      encounter: { reference: 'Encounter/e1' },
      effectiveDateTime: '2026-03-02T14:00:00-05:00',
      resultsInterpreter: [{ reference: 'Practitioner/dr1' }],
      presentedForm: [{ contentType: 'application/pdf', data: pdf.toString('base64'), title: 'CT abdomen report' }],
    };
    const byUrl = note('n2', 'Encounter/e1', {
      type: { coding: [{ system: 'http://loinc.org', code: '18842-5' }], text: 'Discharge summary' },
      content: [{ attachment: { contentType: 'text/html', url: 'Binary/b1' } }, { attachment: { contentType: 'image/png', url: 'urn:uuid:bin-2' } }],
    });
    const file = writeJson(
      'b.json',
      bundle('collection', [
        { resource: patient() }, { resource: encounter() }, { resource: doctor }, { resource: report }, { resource: byUrl },
        { resource: { resourceType: 'Binary', id: 'b1', contentType: 'text/html', data: base64('<p>Discharged home.</p>') } },
        { fullUrl: 'urn:uuid:bin-2', resource: { resourceType: 'Binary', contentType: 'image/png', data: base64('\x89PNG fake') } },
        { resource: { resourceType: 'DiagnosticReport', id: 'r2', status: 'final', code: { text: 'CBC' }, encounter: { reference: 'Encounter/e1' } } },
      ]),
    );
    const { documents, refusals } = await collect(file);
    expect(refusals).toEqual([]);
    expect(documents.map((d) => d.document.sourceId)).toEqual(['DiagnosticReport/r1', 'DocumentReference/n2', 'DocumentReference/n2#2']);
    const [ct, html, png] = documents.map((d) => d.document);
    expect(ct).toMatchObject({ kind: 'radiology', title: 'CT abdomen report', author: 'Kofi Osei, MD', date: '2026-03-02', contentType: 'application/pdf', text: null });
    expect(Buffer.from(ct!.data!).equals(pdf)).toBe(true);
    expect(html).toMatchObject({ kind: 'discharge_summary', title: 'Discharge summary', contentType: 'text/html', text: '<p>Discharged home.</p>', data: null });
    expect(png).toMatchObject({ contentType: 'image/png', text: null });
    expect(png!.data!.length).toBeGreaterThan(0);
  });

  it('decodes text by its charset and keeps an unknown type as bytes', async () => {
    const latin = note('n1', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain; charset=ISO-8859-1', data: base64('Café crème', 'latin1') } }] });
    const plain = note('n2', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain', data: base64('Naïve utf-8') } }] });
    const odd = note('n3', 'Encounter/e1', { type: { text: 'Scanned form' }, content: [{ attachment: { contentType: 'Application/X-Unknown', data: base64('raw') } }] });
    const { documents } = await collect(writeJson('b.json', bundle('collection', [{ resource: patient() }, { resource: encounter() }, { resource: latin }, { resource: plain }, { resource: odd }])));
    expect(documents.map((d) => d.document.text)).toEqual(['Café crème', 'Naïve utf-8', null]);
    expect(documents[2]!.document).toMatchObject({ kind: 'other', title: 'Scanned form', contentType: 'application/x-unknown' });
    expect(Buffer.from(documents[2]!.document.data!).toString()).toBe('raw');
  });

  it('yields a note whose encounter is not in the file, for the ingest to match to a chart it already has', async () => {
    const file = writeJson('note.json', note('n1', 'https://ehr.test/fhir/Encounter/e-elsewhere', { context: { encounter: [{ reference: 'https://ehr.test/fhir/Encounter/e-elsewhere' }] } }));
    const { items } = await collect(file);
    expect(items).toEqual([expect.objectContaining({ type: 'document', chartSourceKey: 'fhir:Encounter/e-elsewhere', file, line: null })]);
  });

  it('refuses an entry that is not a FHIR resource, a note that names no encounter, and keeps an unknown charset as bytes', async () => {
    const orphan = note('n-orphan', 'urn:uuid:not-in-bundle');
    const cp1252 = note('n-1252', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain; charset=windows-1252', data: Buffer.from([0x93, 0x71, 0x94]).toString('base64') } }] });
    const unknown = note('n-x', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain; charset=x-martian', data: base64('zork') } }] });
    const file = writeJson(
      'b.json',
      bundle('batch', [{ resource: patient() }, { resource: { id: 'no-type' } }, { resource: encounter() }, { resource: orphan }, { resource: cp1252 }, { resource: unknown }]),
    );
    const { charts, documents, refusals } = await collect(file);
    expect(charts).toHaveLength(1);
    expect(refusals).toEqual([
      { file, line: null, reason: 'entry 2: not a FHIR resource (no resourceType)' },
      { file, line: null, reason: 'entry 4: DocumentReference/n-orphan names no encounter that a chart could be found by' },
    ]);
    expect(documents.map((d) => [d.document.contentType, d.document.text])).toEqual([
      ['text/plain', '\u201cq\u201d'],
      ['text/plain', null],
    ]);
    expect(Buffer.from(documents[1]!.document.data!).toString()).toBe('zork');
  });
});
