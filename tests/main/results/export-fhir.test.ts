/** FHIR R4 Claims from submitted charts in a real encrypted workspace, validated against the R4 definitions. */
import fs from 'node:fs';
import path from 'node:path';
import type { Bundle, Claim } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { fhirClaims } from '../../../src/main/services/interchange/out/fhir-bundle';
import { claimFor } from '../../../src/main/services/interchange/out/fhir-claim';
import { exportRecords } from '../../../src/main/services/interchange/out/records';
import { call, demoApp, must } from '../helpers/app';
import { tempDir } from '../helpers/temp';
import { ANSWERS, auditDetails, markImported, submitCoded } from './helpers';

async function exportFhir(app: Awaited<ReturnType<typeof demoApp>>['app'], selection = {}): Promise<Bundle<Claim>> {
  const file = path.join(tempDir(), 'claims.json');
  await must(app, 'results.export', { format: 'fhir', path: file, selection, plain: true });
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Bundle<Claim>;
}

const claimOf = (bundle: Bundle<Claim>, chartId: string): Claim => {
  const claim = bundle.entry?.map((e) => e.resource!).find((c) => c.identifier?.[0]?.value === chartId);
  if (!claim) throw new Error(`no claim for ${chartId}`);
  return claim;
};

describe('FHIR R4 Claim export', () => {
  it('writes an institutional inpatient claim: principal first, POA per diagnosis, PCS procedures with dates, version and coder', async () => {
    const { app, profileId } = await demoApp();
    await submitCoded(app, 'IP-260102');
    const bundle = await exportFhir(app);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry).toHaveLength(1);
    const claim = claimOf(bundle, 'IP-260102');
    expect(claim).toMatchObject({
      resourceType: 'Claim',
      status: 'active',
      use: 'claim',
      type: { coding: [{ code: 'institutional' }] },
      patient: { identifier: { system: 'urn:codedesk:chart', value: 'IP-260102' } },
      enterer: { identifier: { value: profileId } },
      billablePeriod: { start: '2026-07-14', end: '2026-07-16' },
    });
    expect(claim.identifier).toContainEqual({ system: 'urn:codedesk:submission', value: 'IP-260102/v1' });
    const answer = ANSWERS.get('IP-260102')!;
    expect(claim.diagnosis!.map((d) => [d.sequence, d.diagnosisCodeableConcept!.coding![0]!.code, d.type![0]!.coding![0]!.code, d.onAdmission?.coding?.[0]?.code])).toEqual(
      answer.diagnoses.map((d, i) => [i + 1, d.code, i === 0 ? 'principal' : 'secondary', d.poa]),
    );
    expect(claim.diagnosis![0]!.diagnosisCodeableConcept!.coding![0]!.system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
    expect(claim.procedure).toEqual(
      answer.procedures.map((p, i) => ({ sequence: i + 1, date: p.date, procedureCodeableConcept: { coding: [{ system: 'http://www.cms.gov/Medicare/Coding/ICD10', code: p.code }] } })),
    );
    expect(claim.item).toBeUndefined();
    // The patient's name never leaves: the claim names the account only.
    expect(JSON.stringify(bundle)).not.toMatch(/"name"/);
  });

  it('writes a professional claim: CPT/HCPCS lines with modifiers, units and pointers as diagnosis sequences; no POA', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'PF-260401');
    const claim = claimOf(await exportFhir(app), 'PF-260401');
    expect(claim.type!.coding![0]!.code).toBe('professional');
    expect(claim.diagnosis!.every((d) => d.onAdmission === undefined)).toBe(true);
    expect(claim.procedure).toBeUndefined();
    expect(claim.item!.map((i) => [i.productOrService.coding![0]!.system, i.productOrService.coding![0]!.code, i.modifier?.map((m) => m.coding![0]!.code), i.quantity!.value, i.diagnosisSequence])).toEqual([
      ['http://www.ama-assn.org/go/cpt', '99214', undefined, 1, [2, 1, 3, 4]],
      ['https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', 'G2211', undefined, 1, [2]],
      ['http://www.ama-assn.org/go/cpt', '83036', ['QW'], 1, [2]],
    ]);
    expect(claim.item![2]!.modifier![0]!.coding![0]!.system).toBe('https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets');
    expect(claim.item![0]!.encounter).toEqual([{ identifier: { system: 'urn:codedesk:chart', value: 'PF-260401' } }]);
  });

  it('names an imported chart by its source Patient and Encounter references, and the facility as provider', async () => {
    const { app } = await demoApp();
    markImported(app, 'PF-260403', { encounter: 'Encounter/enc-17', patient: 'Patient/pat-9', facility: 'General Hospital' });
    await submitCoded(app, 'PF-260403');
    const claim = claimOf(await exportFhir(app), 'PF-260403');
    expect(claim.patient).toEqual({ reference: 'Patient/pat-9' });
    expect(claim.item![0]!.encounter).toEqual([{ reference: 'Encounter/enc-17' }]);
    expect(claim.extension).toEqual([{ url: expect.stringContaining('Claim.encounter'), valueReference: { reference: 'Encounter/enc-17' } }]);
    expect(claim.provider).toEqual({ type: 'Organization', display: 'General Hospital' });
  });

  it('exports a reopened chart at its latest submitted version only, and not while it is being corrected', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'IP-260102');
    await submitCoded(app, 'PF-260403');
    await must(app, 'charts.reopen', { chartId: 'IP-260102', reason: 'coder_correction' });
    expect((await exportFhir(app)).entry!.map((e) => e.resource!.id)).toEqual(['PF-260403-v1']);
    const v2 = structuredClone(ANSWERS.get('IP-260102')!);
    v2.diagnoses.pop();
    expect(await submitCoded(app, 'IP-260102', v2)).toBe(2);
    const bundle = await exportFhir(app);
    expect(bundle.entry!.map((e) => e.resource!.id).sort()).toEqual(['IP-260102-v2', 'PF-260403-v1']);
    expect(claimOf(bundle, 'IP-260102').diagnosis).toHaveLength(v2.diagnoses.length);
  });

  it('selects by submission date and by chart', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'PF-260403');
    await submitCoded(app, 'PF-260404');
    const today = new Date().toISOString().slice(0, 10);
    expect((await exportFhir(app, { chartIds: ['PF-260404'] })).entry!.map((e) => e.resource!.id)).toEqual(['PF-260404-v1']);
    expect((await exportFhir(app, { since: today, until: today })).entry).toHaveLength(2);
    const none = await call(app, 'results.export', { format: 'fhir', path: path.join(tempDir(), 'x.json'), selection: { until: '2000-01-01' }, plain: true });
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/No submitted chart matches/) } });
  });
});

describe('an invalid Claim', () => {
  it('is caught by the R4 validator, naming the element, not its value', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'PF-260403');
    const records = [...exportRecords(app.session!.db, {})];
    const missing = (r: (typeof records)[number]) => ({ ...claimFor(r), patient: undefined }) as unknown as Claim;
    expect(() => fhirClaims(records, missing)).toThrow(/Claim 1 of 1 is not valid FHIR R4: Missing required property \(Claim\.patient\)/);
    const badType = (r: (typeof records)[number]) => ({ ...claimFor(r), created: 20260801 }) as unknown as Claim;
    expect(() => fhirClaims(records, badType)).toThrow(/Claim\.created/);
  });

  it('makes the export refuse with a clear message, writing no file and no audit entry', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'PF-260403');
    // A stored submission whose units are not a number (damaged, or written by a faulty tool).
    const db = app.session!.db;
    db.prepare("INSERT INTO charts SELECT 'PF-BROKEN', patient_name, patient_age, patient_sex, setting, admit_date, discharge_date, payer, priority, due_date, 'submitted', assignee, NULL, NULL, updated_at, 1 FROM charts WHERE id = 'PF-260403'").run();
    db.prepare("INSERT INTO submissions(chart_id, version, coding_json, submitted_at, submitted_by, device_id) VALUES ('PF-BROKEN', 1, ?, '2026-08-02T00:00:00Z', 'p', 'd')").run(
      JSON.stringify({ diagnoses: [{ code: 'D22.5', poa: null }], procedures: [{ system: 'cpt', code: '11402', modifiers: [], units: 'two', date: null }] }),
    );
    const dir = tempDir();
    const out = await call(app, 'results.export', { format: 'fhir', path: path.join(dir, 'claims.json'), plain: true });
    expect(out).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^Claim 1 of 2 is not valid FHIR R4: Invalid JSON type: expected number, but got string \(Claim\.item\[0\]\.quantity\.value\)\. Nothing was written\.$/) } });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(auditDetails(app, 'results.export')).toEqual([]);
  });
});
