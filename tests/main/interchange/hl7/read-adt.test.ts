import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { charts, fixture, readAll, refusals, segment, writeHl7 } from './hl7-test-helpers';
import { tempDir } from '../../helpers/temp';

const MSH = (type: string, ctrl: string) => `MSH|^~\\&|EPICADT|STMARY^2.16.840.1.113883.3.9999^ISO|CODEDESK|HIM|202608021010||${type}|${ctrl}|P|2.5`;
const PID = 'PID|1||MRN4471203^^^STMARY^MR||Rivera^Maria^L||19580314|F';
/** A PV1 with class, visit number (PV1-19), admit (PV1-44) and discharge (PV1-45). */
const PV1 = (cls: string, visit: string, admit = '', discharge = '') =>
  segment('PV1', { 1: '1', 2: cls, 3: '4W^412^A', 19: visit, 44: admit, 45: discharge });

describe('HL7 ADT: one chart per visit', () => {
  it('merges A01 → A08 → A03 of one inpatient stay into one chart with the final state', async () => {
    const items = await readAll(fixture('adt-inpatient-stay-cr.hl7'));
    expect(refusals(items)).toEqual([]);
    expect(charts(items)).toEqual([
      {
        sourceKey: 'hl7:STMARY|V100234',
        format: 'hl7v2',
        sourceRef: 'V100234',
        accountNumber: 'V100234',
        patient: { name: 'Rivera, Maria L', ref: 'MRN4471203', ageAtEncounter: 68, sex: 'F' },
        setting: 'inpatient',
        admitDate: '2026-08-01',
        dischargeDate: '2026-08-04',
        payer: 'Medicare Part A',
        facility: 'ST MARY MEDICAL CENTER',
        // The A08 changed the attending and the bed; the A03 kept them.
        attending: 'Haddad, Leila',
        location: '4W 415-B',
        hints: [
          { kind: 'condition', system: 'I10', code: 'J18.9', display: 'Pneumonia, unspecified organism' },
          { kind: 'condition', system: 'I10', code: 'J96.01', display: 'Acute respiratory failure with hypoxia' },
          { kind: 'condition', system: 'I10', code: 'I10', display: 'Essential (primary) hypertension' },
          { kind: 'procedure', system: 'I10P', code: '5A1945Z', display: 'Respiratory Ventilation, 24-96 Consecutive Hours' },
        ],
        documents: [],
      },
    ]);
  });

  it('imports a chart still in house with discharge = admit date, which a later A03 updates', async () => {
    const text = fs.readFileSync(fixture('adt-inpatient-stay-cr.hl7'), 'latin1');
    const admitOnly = text.slice(0, text.indexOf('MSH|', 10));
    const file = path.join(tempDir(), 'a01.hl7');
    fs.writeFileSync(file, admitOnly, 'latin1');
    const [chart] = charts(await readAll(file));
    expect(chart).toMatchObject({ admitDate: '2026-08-01', dischargeDate: '2026-08-01', attending: 'Okafor, Chidi', location: '4W 412-A', hints: [] });
    // The A03 arriving in a later import names the same chart and carries the real discharge date.
    const discharge = path.join(tempDir(), 'a03.hl7');
    fs.writeFileSync(discharge, text.slice(text.lastIndexOf('MSH|')), 'latin1');
    expect(charts(await readAll(discharge))[0]).toMatchObject({ sourceKey: chart!.sourceKey, admitDate: '2026-08-01', dischargeDate: '2026-08-04' });
  });

  it('reads A04 outpatient (class O → the configured ambulatory setting) and emergency (E) visits', async () => {
    const items = await readAll(fixture('adt-outpatient-ed-crlf.hl7'));
    expect(refusals(items)).toEqual([]);
    const [outpatient, ed] = charts(items);
    expect(outpatient).toMatchObject({
      sourceKey: 'hl7:NORTHCLINIC|V2001',
      setting: 'outpatient_surgery',
      admitDate: '2026-09-10',
      dischargeDate: '2026-09-10',
      payer: 'Blue Cross Blue Shield of Illinois',
      facility: 'NORTH SURGERY CENTER',
      patient: { name: 'Chen, Wei', ref: 'N55012', ageAtEncounter: 55, sex: 'M' },
    });
    expect(ed).toMatchObject({
      sourceKey: 'hl7:NORTHCLINIC|V2002',
      setting: 'emergency',
      admitDate: '2026-09-11',
      dischargeDate: '2026-09-11',
      payer: 'Not given',
      attending: 'Marsh, Tobias',
      patient: { name: 'Okonkwo, Grace A', ageAtEncounter: 14, sex: 'F' },
    });
    const proFee = charts(await readAll(fixture('adt-outpatient-ed-crlf.hl7'), { ambulatorySetting: 'professional' }));
    expect(proFee[0]!.setting).toBe('professional');
  });

  it('keys a visit by the account number (PID-18) when PV1-19 is empty', async () => {
    const file = writeHl7([MSH('ADT^A04^ADT_A01', 'X1'), `${PID}${'|'.repeat(10)}ACC5`, PV1('O', '', '20260801')]);
    expect(charts(await readAll(file))[0]).toMatchObject({ sourceKey: 'hl7:STMARY|ACC5', sourceRef: 'ACC5', accountNumber: 'ACC5' });
  });

  it('reads an A08 for a visit never admitted in the file when it has the visit data, and refuses one without', async () => {
    const file = writeHl7([
      MSH('ADT^A08^ADT_A01', 'U1'),
      PID,
      PV1('I', 'V9', '20260801', '20260803'),
      MSH('ADT^A08^ADT_A01', 'U2'),
      PID,
      PV1('', 'V10'),
    ]);
    const items = await readAll(file);
    expect(charts(items).map((c) => [c.sourceKey, c.admitDate, c.dischargeDate])).toEqual([['hl7:STMARY|V9', '2026-08-01', '2026-08-03']]);
    expect(refusals(items)).toEqual([
      { file, line: 4, reason: 'The visit lacks patient class (PV1-2), admit date (PV1-44) in its ADT message' },
    ]);
  });

  it('clears a value an update sends as "" (a cancelled discharge goes back to discharge = admit)', async () => {
    const file = writeHl7([
      MSH('ADT^A03^ADT_A03', 'D1'),
      PID,
      PV1('I', 'V11', '20260801', '20260805'),
      MSH('ADT^A08^ADT_A01', 'D2'),
      PID,
      PV1('I', 'V11', '', '""'),
    ]);
    expect(charts(await readAll(file))[0]).toMatchObject({ admitDate: '2026-08-01', dischargeDate: '2026-08-01' });
  });

  it('takes the discharge date of an A03 without PV1-45 from its EVN event time', async () => {
    const file = writeHl7([MSH('ADT^A01^ADT_A01', 'E1'), PID, PV1('I', 'V12', '20260801'), MSH('ADT^A03^ADT_A03', 'E2'), 'EVN|A03|202608061130', PID, PV1('I', 'V12')]);
    expect(charts(await readAll(file))[0]).toMatchObject({ admitDate: '2026-08-01', dischargeDate: '2026-08-06' });
  });

  it('takes an A01/A04 admit date from EVN-6, else EVN-2, else MSH-7 when PV1-44 is empty', async () => {
    const file = writeHl7([
      MSH('ADT^A01^ADT_A01', 'V1'),
      'EVN|A01|202608071200||||202608070930',
      PID,
      PV1('I', 'V21'),
      MSH('ADT^A04^ADT_A01', 'V2'),
      'EVN|A04|202608081200',
      PID,
      PV1('O', 'V22'),
      MSH('ADT^A04^ADT_A01', 'V3'),
      PID,
      PV1('E', 'V23'),
    ]);
    expect(charts(await readAll(file)).map((c) => c.admitDate)).toEqual(['2026-08-07', '2026-08-08', '2026-08-02']);
  });

  it('picks the legal name (PID-5.7 L) and the MR identifier (PID-3.5) over aliases, and maps other sexes to U', async () => {
    const pid = segment('PID', { 1: '1', 3: '123456789^^^SSA^SS~MRN77^^^H^MR', 5: 'Smith^Jo^^^^^A~Smythe^Joanna^Q^^^^L', 7: '19800229', 8: 'X' });
    const file = writeHl7([MSH('ADT^A04^ADT_A01', 'N1'), pid, PV1('O', 'V24', '20260228')]);
    expect(charts(await readAll(file))[0]!.patient).toEqual({ name: 'Smythe, Joanna Q', ref: 'MRN77', ageAtEncounter: 45, sex: 'U' });
  });

  it('refuses a message with a date that is not a date, and a visit whose birth date is after its admission', async () => {
    const file = writeHl7([
      MSH('ADT^A01^ADT_A01', 'B1'),
      PID,
      PV1('I', 'V25', '2026-08-01'),
      MSH('ADT^A01^ADT_A01', 'B2'),
      PID.replace('19580314', '20261231'),
      PV1('I', 'V26', '20260801'),
    ]);
    expect(refusals(await readAll(file))).toEqual([
      { file, line: 4, reason: 'The birth date (PID-7) is after the admit date (PV1-44) in its ADT message' },
      { file, line: 1, reason: 'ADT^A01: Admit date (PV1-44) is not a date (YYYYMMDD…)' },
    ]);
  });

  it('refuses a visit whose dates contradict each other, naming the line of its first message', async () => {
    const file = writeHl7([MSH('ADT^A03^ADT_A03', 'C1'), PID, PV1('I', 'V13', '20260805', '20260801')]);
    const items = await readAll(file);
    expect(charts(items)).toEqual([]);
    expect(refusals(items)).toEqual([
      { file, line: 1, reason: 'The discharge date (PV1-45) is before the admit date (PV1-44) in its ADT message' },
    ]);
  });
});
