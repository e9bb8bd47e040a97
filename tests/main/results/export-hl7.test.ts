/** HL7 v2.6 BAR^P12 per submitted chart, parsed back with Medplum's HL7 v2 parser. */
import fs from 'node:fs';
import path from 'node:path';
import { Hl7Message, type Hl7Field, type Hl7Segment } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { barP12, hl7Escape } from '../../../src/main/services/interchange/out/hl7-bar';
import type { ExportRecord } from '../../../src/main/services/interchange/out/records';
import { demoApp, must } from '../helpers/app';
import { tempDir } from '../helpers/temp';
import { ANSWERS, markImported, submitCoded } from './helpers';

/** A field's text; '' when the segment ends before it (trailing empty fields are not written). */
const field = (segment: Hl7Segment, n: number): string => (segment.getField(n) as Hl7Field | undefined)?.toString() ?? '';

function messagesIn(file: string): Hl7Message[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text.split('\n').filter((m) => m !== '').map((m) => Hl7Message.parse(m.replace(/\r$/, '')));
}

describe('HL7 v2 BAR^P12 export', () => {
  it('writes one message per chart: DG1 per diagnosis (final, ranked, POA in DG1-26), PR1 per procedure with date, modifiers, pointer', async () => {
    const { app, profileId } = await demoApp();
    await submitCoded(app, 'IP-260102');
    await submitCoded(app, 'PF-260401');
    const file = path.join(tempDir(), 'bar.hl7');
    expect(await must(app, 'results.export', { format: 'hl7', path: file, plain: true })).toMatchObject({ charts: 2, encrypted: false });
    const [ip, pf] = messagesIn(file);

    expect(ip!.getSegment('MSH')!.getComponent(9, 1)).toBe('BAR');
    expect(ip!.getSegment('MSH')!.getComponent(9, 2)).toBe('P12');
    expect(field(ip!.getSegment('MSH')!, 12)).toBe('2.6');
    expect(field(ip!.getSegment('EVN')!, 5)).toBe(profileId);
    expect(ip!.getSegment('PID')!.getComponent(3, 1)).toBe('IP-260102');
    expect(field(ip!.getSegment('PID')!, 5)).toBe('');
    expect(field(ip!.getSegment('PV1')!, 2)).toBe('I');
    expect(field(ip!.getSegment('PV1')!, 44)).toBe('20260714');
    const answer = ANSWERS.get('IP-260102')!;
    expect(ip!.getAllSegments('DG1').map((s) => [field(s, 1), s.getComponent(3, 1), s.getComponent(3, 3), field(s, 6), field(s, 15), field(s, 26)])).toEqual(
      answer.diagnoses.map((d, i) => [String(i + 1), d.code, 'I10', 'F', String(i + 1), d.poa]),
    );
    expect(ip!.getAllSegments('PR1').map((s) => [s.getComponent(3, 1), s.getComponent(3, 3), field(s, 5)])).toEqual(
      answer.procedures.map((p) => [p.code, 'I10P', p.date!.replace(/-/g, '')]),
    );

    expect(field(pf!.getSegment('PV1')!, 2)).toBe('O');
    expect(pf!.getAllSegments('DG1').every((s) => field(s, 26) === '')).toBe(true);
    const pr1 = pf!.getAllSegments('PR1');
    expect(pr1.map((s) => [s.getComponent(3, 1), s.getComponent(3, 3), s.getComponent(15, 1), field(s, 16)])).toEqual([
      ['99214', 'C4', 'E11.65', ''],
      ['G2211', 'HCPCS', 'E11.65', ''],
      ['83036', 'C4', 'E11.65', 'QW'],
    ]);
  });

  it('names an imported chart by its source ids and escapes delimiters in them', async () => {
    const { app } = await demoApp();
    markImported(app, 'PF-260403', { encounter: 'V|100^7', patient: 'MRN&42', facility: 'North~Clinic' });
    await submitCoded(app, 'PF-260403');
    const file = path.join(tempDir(), 'bar.hl7');
    await must(app, 'results.export', { format: 'hl7', path: file, plain: true });
    const [m] = messagesIn(file);
    expect(field(m!.getSegment('PID')!, 3)).toBe('MRN\\T\\42^^^^PI');
    expect(field(m!.getSegment('PV1')!, 19)).toBe('V\\F\\100\\S\\7');
    expect(field(m!.getSegment('MSH')!, 4)).toBe('North\\R\\Clinic');
    expect(m!.getAllSegments('PR1')).toHaveLength(1);
  });

  it('repeats PR1-16 for several modifiers and keeps a line break out of a field', () => {
    const record: ExportRecord = {
      chartId: 'OS-1',
      version: 3,
      submittedAt: '2026-08-05T10:11:12.345Z',
      coderId: 'p1',
      setting: 'outpatient_surgery',
      admitDate: '2026-08-04',
      dischargeDate: '2026-08-04',
      payer: 'Medicare',
      source: null,
      coding: { diagnoses: [{ code: 'M17.11', poa: null }], procedures: [{ system: 'cpt', code: '27447', modifiers: ['RT', '59'], units: 1, date: null }] },
    };
    const m = Hl7Message.parse(barP12(record, 'C1', new Date('2026-08-06T00:00:00Z')).replace(/\r$/, ''));
    expect(field(m.getSegment('PR1')!, 16)).toBe('RT~59');
    expect(field(m.getSegment('PR1')!, 5)).toBe('20260804');
    expect(field(m.getSegment('EVN')!, 2)).toBe('20260805101112');
    expect(hl7Escape('a\r\nb\\c')).toBe('a b\\E\\c');
  });
});
