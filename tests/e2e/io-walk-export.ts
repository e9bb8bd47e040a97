/**
 * A one-encounter FHIR bulk export written by the io-walk spec beside the Synthea export: an
 * inpatient NSTEMI stay with a text H&P and a real PDF echocardiogram report, billed to a payer
 * whose made-up name occurs nowhere else, so the queue's search finds this chart alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makePdf } from '../../scripts/synth-fhir-export.mjs';

export const WALK_CHART = {
  payerSearch: 'Quorvel',
  payer: 'Quorvel Mutual Health Plan',
  facility: 'Brenmoor Valley Hospital',
  attending: 'Dr. Ivra Kelsamor',
  /** A word of the text note and one of the PDF, for find-in-chart. */
  noteWord: 'troponin',
  pdfWord: 'ejection',
  noteTitle: 'History and physical note',
  pdfTitle: 'Echocardiogram report',
};

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const ORG = 'https://walk.codedesk.invalid/organization';
const NPI = 'http://hl7.org/fhir/sid/us-npi';

const NOTE = `History and physical

Chief complaint: chest pressure since this morning.
The patient is a 68-year-old man with type 2 diabetes mellitus without complications who had
substernal chest pressure for three hours. ECG: ST depression in V4-V6. Initial troponin 0.9
ng/mL, repeat 2.4 ng/mL. Assessment: non-ST elevation myocardial infarction. Admit to cardiology
for heparin infusion and catheterization in the morning. Continue metformin.
`;

export async function writeWalkExport(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const pdf = await makePdf('Echocardiogram report', ['Left ventricular ejection fraction estimated at 40 percent.', 'Hypokinesis of the inferior wall. No pericardial effusion.']);
  const payer = { resourceType: 'Organization', id: 'walk-payer', meta: { profile: [`${US_CORE}us-core-organization`] }, identifier: [{ system: ORG, value: 'walk-payer' }], active: true, name: WALK_CHART.payer };
  const facility = { resourceType: 'Organization', id: 'walk-facility', meta: { profile: [`${US_CORE}us-core-organization`] }, identifier: [{ system: ORG, value: 'walk-facility' }], active: true, name: WALK_CHART.facility };
  const practitioner = { resourceType: 'Practitioner', id: 'walk-dr', meta: { profile: [`${US_CORE}us-core-practitioner`] }, identifier: [{ system: NPI, value: '9999000017' }], name: [{ family: 'Kelsamor', given: ['Ivra'], prefix: ['Dr.'] }] };
  const patient = { resourceType: 'Patient', id: 'walk-patient', meta: { profile: [`${US_CORE}us-core-patient`] }, name: [{ family: 'Tamsel', given: ['Oridra'] }], gender: 'male', birthDate: '1958-03-14' };
  const coverage = { resourceType: 'Coverage', id: 'walk-coverage', status: 'active', beneficiary: { reference: 'Patient/walk-patient' }, payor: [{ reference: `Organization?identifier=${ORG}|walk-payer`, display: WALK_CHART.payer }] };
  const period = { start: '2026-07-06T08:10:00-04:00', end: '2026-07-09T11:30:00-04:00' };
  const encounter = {
    resourceType: 'Encounter', id: 'walk-encounter', meta: { profile: [`${US_CORE}us-core-encounter`] }, status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject: { reference: 'Patient/walk-patient' }, period,
    participant: [{ individual: { reference: `Practitioner?identifier=${NPI}|9999000017`, display: WALK_CHART.attending } }],
    serviceProvider: { reference: `Organization?identifier=${ORG}|walk-facility`, display: WALK_CHART.facility },
  };
  const doc = (id: string, loinc: string, title: string, contentType: string, data: Buffer) => ({
    resourceType: 'DocumentReference', id, meta: { profile: [`${US_CORE}us-core-documentreference`] }, status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: loinc, display: title }] }, subject: { reference: 'Patient/walk-patient' },
    date: period.start, author: [{ reference: `Practitioner?identifier=${NPI}|9999000017` }],
    content: [{ attachment: { contentType, data: data.toString('base64'), title } }], context: { encounter: [{ reference: 'Encounter/walk-encounter' }], period },
  });
  const files: Record<string, object[]> = {
    Organization: [payer, facility],
    Practitioner: [practitioner],
    Patient: [patient],
    Coverage: [coverage],
    Encounter: [encounter],
    DocumentReference: [
      doc('walk-note', '34117-2', WALK_CHART.noteTitle, 'text/plain; charset=utf-8', Buffer.from(NOTE, 'utf8')),
      doc('walk-echo', '18748-4', WALK_CHART.pdfTitle, 'application/pdf', pdf),
    ],
  };
  for (const [type, resources] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, `${type}.000.ndjson`), `${resources.map((r) => JSON.stringify(r)).join('\n')}\n`);
  }
}
