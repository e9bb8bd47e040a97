/**
 * One submission as a FHIR R4 Claim (use 'claim', status 'active'). Decisions:
 * - type: institutional for inpatient, outpatient surgery and emergency (UB-04 facility
 *   claims), professional for pro-fee (CMS-1500).
 * - The first diagnosis is 'principal' in every setting: UB-04 FL 67 and CMS-1500 box 21 A
 *   both carry the first-listed diagnosis in the principal position. Others are 'secondary'.
 *   Types come from CARIN BB's claim diagnosis type code system, which has all three roles
 *   (R4's example ex-diagnosistype has no 'secondary').
 * - POA (onAdmission) on inpatient claims only, in CMS's POA indicator system (Y N U W 1).
 * - patient: the source's Patient reference (FHIR) or medical record number (HL7); for a chart
 *   made here, an identifier-only reference by chart id. Never a name: the billing system
 *   matches the account, and the export carries no more PHI than that needs.
 * - R4 Claim has no encounter element: each item carries item.encounter, and the claim the R5
 *   cross-version extension, so a claim without lines still names its encounter.
 * - enterer: the coder (profile id); provider: the facility when the source named one (the
 *   billing provider is the hospital, not the coder), else the coder.
 */
import type { Claim, ClaimDiagnosis, ClaimItem, ClaimProcedure, Encounter, Organization, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import { codeLines, encounterRef } from './lines';
import type { ExportRecord } from './records';

export const SYSTEMS = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10pcs: 'http://www.cms.gov/Medicare/Coding/ICD10',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  poa: 'https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/HospitalAcqCond/Coding',
  diagnosisType: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  priority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  chart: 'urn:codedesk:chart',
  submission: 'urn:codedesk:submission',
  profile: 'urn:codedesk:profile',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
} as const;

const ENCOUNTER_EXTENSION = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Claim.encounter';

/** A FHIR id: letters, digits, '-' and '.', at most 64. */
const fhirId = (text: string): string => text.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);

function patientOf(record: ExportRecord): Reference<Patient> {
  const ref = record.source?.patientRef;
  if (ref && /^Patient\/[A-Za-z0-9.-]{1,64}$/.test(ref)) return { reference: ref };
  if (ref) return { identifier: { type: { coding: [{ system: SYSTEMS.identifierType, code: 'MR' }] }, value: ref } };
  return { identifier: { system: SYSTEMS.chart, value: record.chartId } };
}

function encounterOf(record: ExportRecord): Reference<Encounter> {
  const ref = encounterRef(record);
  if (record.source?.format === 'fhir' && /^Encounter\/[A-Za-z0-9.-]{1,64}$/.test(ref)) return { reference: ref };
  if (record.source) return { identifier: { type: { coding: [{ system: SYSTEMS.identifierType, code: 'VN' }] }, value: ref } };
  return { identifier: { system: SYSTEMS.chart, value: record.chartId } };
}

const coder = (record: ExportRecord): Reference<Practitioner> => ({ type: 'Practitioner', identifier: { system: SYSTEMS.profile, value: record.coderId } });

const codeable = (system: string, code: string) => ({ coding: [{ system, code }] });

/** Two-digit modifiers are CPT's; letters (LT, QW…) are HCPCS Level II modifiers. */
const modifierOf = (m: string) => codeable(/^\d{2}$/.test(m) ? SYSTEMS.cpt : SYSTEMS.hcpcs, m);

export function claimFor(record: ExportRecord): Claim {
  const lines = codeLines(record);
  const encounter = encounterOf(record);
  const diagnosis: ClaimDiagnosis[] = lines.diagnoses.map((d) => ({
    sequence: d.sequence,
    diagnosisCodeableConcept: codeable(SYSTEMS.icd10cm, d.code),
    type: [codeable(SYSTEMS.diagnosisType, d.role)],
    ...(d.poa ? { onAdmission: codeable(SYSTEMS.poa, d.poa) } : {}),
  }));
  const pcs = lines.procedures.filter((p) => p.system === 'icd10pcs');
  const procedure: ClaimProcedure[] = pcs.map((p, i) => ({
    sequence: i + 1,
    ...(p.date ? { date: p.date } : {}),
    procedureCodeableConcept: codeable(SYSTEMS.icd10pcs, p.code),
  }));
  const item: ClaimItem[] = lines.procedures
    .filter((p) => p.system !== 'icd10pcs')
    .map((p, i) => ({
      sequence: i + 1,
      productOrService: codeable(SYSTEMS[p.system], p.code),
      ...(p.modifiers.length ? { modifier: p.modifiers.map(modifierOf) } : {}),
      quantity: { value: p.units },
      ...(p.pointers.length ? { diagnosisSequence: p.pointers } : {}),
      servicedDate: record.dischargeDate,
      encounter: [encounter],
    }));
  const facility = record.source?.facility;
  return {
    resourceType: 'Claim',
    id: fhirId(`${record.chartId}-v${record.version}`),
    extension: [{ url: ENCOUNTER_EXTENSION, valueReference: encounter }],
    identifier: [
      { system: SYSTEMS.chart, value: record.chartId },
      { system: SYSTEMS.submission, value: `${record.chartId}/v${record.version}` },
    ],
    status: 'active',
    type: codeable(SYSTEMS.claimType, record.setting === 'professional' ? 'professional' : 'institutional'),
    use: 'claim',
    patient: patientOf(record),
    billablePeriod: { start: record.admitDate, end: record.dischargeDate },
    created: record.submittedAt,
    enterer: coder(record),
    provider: facility ? ({ type: 'Organization', display: facility } satisfies Reference<Organization>) : coder(record),
    priority: codeable(SYSTEMS.priority, 'normal'),
    insurance: [{ sequence: 1, focal: true, coverage: { display: record.payer } }],
    ...(diagnosis.length ? { diagnosis } : {}),
    ...(procedure.length ? { procedure } : {}),
    ...(item.length ? { item } : {}),
  };
}
