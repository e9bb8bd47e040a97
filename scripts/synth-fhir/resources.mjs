// FHIR R4 resources shaped as a US Core bulk export sends them (after the Synthea export in
// ../shared/data/fhir): meta.profile, Patient/<id> subject references, conditional
// `Type?identifier=system|value` references to Practitioner, Organization and Location,
// base64 attachments, timestamps with a UTC offset.

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';
/** Identifier systems on a reserved domain (.invalid): nothing real is named. */
export const SYS = {
  org: 'https://synth.codedesk.invalid/organization',
  location: 'https://synth.codedesk.invalid/location',
  mrn: 'https://synth.codedesk.invalid/mrn',
  visit: 'https://synth.codedesk.invalid/visit',
  member: 'https://synth.codedesk.invalid/member',
  npi: 'http://hl7.org/fhir/sid/us-npi',
};
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';

const meta = (profile) => ({ profile: [US_CORE + profile] });
const cc = (system, code, display) => ({ coding: [{ system, code, display }], text: display });
export const orgRef = (org) => ({ reference: `Organization?identifier=${SYS.org}|${org.identifier[0].value}`, display: org.name });
export const practitionerRef = (p) => ({ reference: `Practitioner?identifier=${SYS.npi}|${p.identifier[0].value}`, display: `Dr. ${p.name[0].given[0]} ${p.name[0].family}` });
const locationRef = (l) => ({ reference: `Location?identifier=${SYS.location}|${l.identifier[0].value}`, display: l.name });

export function organization({ id, name, type, address, phone }) {
  const [code, display] = type === 'pay' ? ['pay', 'Payer'] : ['prov', 'Healthcare Provider'];
  return {
    resourceType: 'Organization', id, meta: meta('us-core-organization'),
    identifier: [{ system: SYS.org, value: id }], active: true,
    type: [cc('http://terminology.hl7.org/CodeSystem/organization-type', code, display)],
    name, telecom: [{ system: 'phone', value: phone }], address: [address],
  };
}

export function location({ id, name, org, address, phone }) {
  return {
    resourceType: 'Location', id, meta: meta('us-core-location'),
    identifier: [{ system: SYS.location, value: id }], status: 'active', name,
    telecom: [{ system: 'phone', value: phone }], address,
    managingOrganization: { identifier: { system: SYS.org, value: org.id }, display: org.name },
  };
}

export function practitioner({ id, npi, given, family, gender, address }) {
  return {
    resourceType: 'Practitioner', id, meta: meta('us-core-practitioner'),
    identifier: [{ system: SYS.npi, value: npi }], active: true,
    name: [{ family, given: [given], prefix: ['Dr.'] }], address: [address], gender,
  };
}

export function patient({ id, mrn, given, family, gender, birthDate, address, phone }) {
  return {
    resourceType: 'Patient', id, meta: meta('us-core-patient'),
    identifier: [{ type: cc(V2_0203, 'MR', 'Medical Record Number'), system: SYS.mrn, value: mrn }],
    name: [{ use: 'official', family, given }], telecom: [{ system: 'phone', value: phone, use: 'home' }],
    gender, birthDate, address: [address],
  };
}

export function coverage({ id, patientId, payer, plan, memberId, start }) {
  return {
    resourceType: 'Coverage', id, meta: meta('us-core-coverage'),
    identifier: [{ type: cc(V2_0203, 'MB', 'Member Number'), system: SYS.member, value: memberId }],
    status: 'active', type: cc('urn:oid:2.16.840.1.113883.3.221.5', plan[0], plan[1]),
    subscriberId: memberId, beneficiary: { reference: `Patient/${patientId}` }, relationship: cc('http://terminology.hl7.org/CodeSystem/subscriber-relationship', 'self', 'Self'),
    period: { start }, payor: [orgRef(payer)],
  };
}

const CLASS_DISPLAY = { IMP: 'inpatient encounter', AMB: 'ambulatory', EMER: 'emergency', HH: 'home health', VR: 'virtual' };
const ENCOUNTER_TYPE = {
  IMP: ['32485007', 'Hospital admission (procedure)'], EMER: ['50849002', 'Emergency room admission (procedure)'],
  AMB: ['185347001', 'Encounter for problem (procedure)'], HH: ['439708006', 'Home visit (procedure)'], VR: ['448337001', 'Telemedicine consultation with patient (procedure)'],
};

export function encounter({ id, visit, cls, patient: p, period, attending, location: loc, facility, reason }) {
  return {
    resourceType: 'Encounter', id, meta: meta('us-core-encounter'),
    identifier: [{ use: 'usual', type: cc(V2_0203, 'VN', 'Visit number'), system: SYS.visit, value: visit }],
    status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls, display: CLASS_DISPLAY[cls] },
    type: [cc(SNOMED, ...ENCOUNTER_TYPE[cls])],
    subject: { reference: `Patient/${p.id}`, display: `${p.name[0].given.join(' ')} ${p.name[0].family}` },
    participant: [{ type: [cc('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', cls === 'IMP' ? 'ATND' : 'PPRF', cls === 'IMP' ? 'attender' : 'primary performer')], period, individual: practitionerRef(attending) }],
    period, reasonCode: [{ coding: [{ system: SNOMED, code: reason[0], display: reason[1] }] }],
    ...(cls === 'IMP' ? { hospitalization: { dischargeDisposition: cc('http://terminology.hl7.org/CodeSystem/discharge-disposition', 'home', 'Home') } } : {}),
    location: [{ location: locationRef(loc) }], serviceProvider: orgRef(facility),
  };
}

const attachment = (contentType, bytes, title) => ({ contentType, data: bytes.toString('base64'), title });

export function documentReference({ id, type, patientId, date, author, facility, encounterId, period, contentType, bytes }) {
  return {
    resourceType: 'DocumentReference', id, meta: meta('us-core-documentreference'),
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id}` }], status: 'current', docStatus: 'final',
    type: { coding: [{ system: LOINC, code: type[0], display: type[1] }], text: type[1] },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: { reference: `Patient/${patientId}` }, date, author: [practitionerRef(author)], custodian: orgRef(facility),
    content: [{ attachment: attachment(contentType, bytes, type[1]), format: { system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode', code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient', display: 'mimeType Sufficient' } }],
    context: { encounter: [{ reference: `Encounter/${encounterId}` }], period },
  };
}

export function diagnosticReport({ id, type, patientId, date, author, facility, encounterId, contentType, bytes }) {
  return {
    resourceType: 'DiagnosticReport', id, meta: meta('us-core-diagnosticreport-note'), status: 'final',
    category: [cc('http://terminology.hl7.org/CodeSystem/v2-0074', 'LAB', 'Laboratory')],
    code: cc(LOINC, type[0], type[1]), subject: { reference: `Patient/${patientId}` }, encounter: { reference: `Encounter/${encounterId}` },
    effectiveDateTime: date, issued: date, performer: [practitionerRef(author), orgRef(facility)],
    presentedForm: [attachment(contentType, bytes, type[1])],
  };
}

export function condition({ id, patientId, encounterId, code, date }) {
  return {
    resourceType: 'Condition', id, meta: meta('us-core-condition-encounter-diagnosis'),
    clinicalStatus: cc('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active', 'Active'),
    verificationStatus: cc('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'confirmed', 'Confirmed'),
    category: [cc('http://terminology.hl7.org/CodeSystem/condition-category', 'encounter-diagnosis', 'Encounter Diagnosis')],
    code: cc(SNOMED, code[0], code[1]), subject: { reference: `Patient/${patientId}` }, encounter: { reference: `Encounter/${encounterId}` },
    onsetDateTime: date, recordedDate: date,
  };
}

export function procedure({ id, patientId, encounterId, code, period, location: loc }) {
  return {
    resourceType: 'Procedure', id, meta: meta('us-core-procedure'), status: 'completed',
    code: cc(SNOMED, code[0], code[1]), subject: { reference: `Patient/${patientId}` }, encounter: { reference: `Encounter/${encounterId}` },
    performedPeriod: period, location: locationRef(loc),
  };
}
