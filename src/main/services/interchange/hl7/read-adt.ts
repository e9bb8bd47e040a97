/**
 * One ADT^A01/A03/A04/A08 message → what it says about its visit, as an update: a field the
 * message leaves empty keeps what earlier messages said, `""` clears it (HL7's explicit null).
 * A message that cannot be an update (no PID/PV1, an unreadable date, a patient class we do not
 * code) is refused whole, with a PHI-free reason.
 */
import type { Hl7Message, Hl7Segment } from '@medplum/core';
import type { ChartSetting } from '../../../../shared/domain';
import type { IncomingHint, ReadOptions } from '../incoming';
import { NO_VISIT_NUMBER, visitId, type VisitId } from './visit-key';
import { formatName, hl7Date, providerName, repetitionCount, safeCode, sent, value, type Sent } from './values';

export const ADT_EVENTS = ['A01', 'A03', 'A04', 'A08'] as const;
export type AdtEvent = (typeof ADT_EVENTS)[number];

export interface VisitUpdate {
  visit: VisitId;
  line: number;
  patientName: Sent<string>;
  mrn: Sent<string>;
  birthDate: Sent<string>;
  sex: Sent<'F' | 'M' | 'U'>;
  setting: Sent<ChartSetting>;
  admitDate: Sent<string>;
  dischargeDate: Sent<string>;
  attending: Sent<string>;
  location: Sent<string>;
  facility: Sent<string>;
  payer: Sent<string>;
  /** Present when the message carries DG1 (PR1) segments: they replace the earlier list. */
  conditions: IncomingHint[] | undefined;
  procedures: IncomingHint[] | undefined;
}

export type AdtResult = { ok: true; update: VisitUpdate } | { ok: false; reason: string };

class Refused extends Error {}

const nonEmpty = (text: string): string | undefined => text || undefined;

function date(seg: Hl7Segment | undefined, field: number, label: string): Sent<string> {
  return sent(seg, field, (s) => {
    const text = value(s, field);
    if (!text) return undefined;
    const iso = hl7Date(text);
    if (!iso) throw new Refused(`${label} is not a date (YYYYMMDD…)`);
    return iso;
  });
}

function setting(pv1: Hl7Segment, options: ReadOptions): ChartSetting | undefined {
  const patientClass = value(pv1, 2).toUpperCase();
  if (patientClass === '' || patientClass === '""') return undefined;
  if (patientClass === 'I') return 'inpatient';
  if (patientClass === 'O') return options.ambulatorySetting;
  if (patientClass === 'E') return 'emergency';
  throw new Refused(`Patient class ${safeCode(patientClass)} (PV1-2) is not read (I, O and E are)`);
}

/** PID-5 may repeat (legal name, alias…): the legal name ('L'), else the first. */
function patientName(pid: Hl7Segment): string | undefined {
  const count = repetitionCount(pid, 5);
  let rep = 0;
  for (let r = count - 1; r >= 0; r--) if (value(pid, 5, 7, 1, r).toUpperCase() === 'L') rep = r;
  return nonEmpty(formatName(value(pid, 5, 1, 1, rep), value(pid, 5, 2, 1, rep), value(pid, 5, 3, 1, rep)));
}

/** PID-3 repeats over identifier types: the medical record number ('MR'), else the first. */
function mrn(pid: Hl7Segment): string | undefined {
  const count = repetitionCount(pid, 3);
  let rep = 0;
  for (let r = count - 1; r >= 0; r--) if (value(pid, 3, 5, 1, r).toUpperCase() === 'MR') rep = r;
  return nonEmpty(value(pid, 3, 1, 1, rep));
}

function sex(pid: Hl7Segment): 'F' | 'M' | 'U' | undefined {
  const code = value(pid, 8).toUpperCase();
  if (!code) return undefined;
  return code === 'F' || code === 'M' ? code : 'U';
}

/** PV1-3 point of care, room and bed: '4W 412-A'. */
function location(pv1: Hl7Segment): string | undefined {
  const roomBed = [value(pv1, 3, 2), value(pv1, 3, 3)].filter(Boolean).join('-');
  return nonEmpty([value(pv1, 3, 1), roomBed].filter(Boolean).join(' '));
}

function hints(segments: Hl7Segment[], kind: IncomingHint['kind'], field: number): IncomingHint[] | undefined {
  if (segments.length === 0) return undefined;
  return segments
    .map((s) => ({ kind, system: value(s, field, 3), code: value(s, field, 1), display: value(s, field, 2) || value(s, field + 1) }))
    .filter((h) => h.code || h.display);
}

/** When PV1-44/45 is empty, the event's own time stands in for the date the event is about. */
function eventDate(message: Hl7Message): string | undefined {
  const evn = message.getSegment('EVN');
  const text = value(evn, 6) || value(evn, 2) || value(message.header, 7);
  return hl7Date(text) ?? undefined;
}

export function readAdt(message: Hl7Message, event: AdtEvent, line: number, options: ReadOptions): AdtResult {
  const pid = message.getSegment('PID');
  const pv1 = message.getSegment('PV1');
  if (!pid) return { ok: false, reason: 'No PID segment' };
  if (!pv1) return { ok: false, reason: 'No PV1 segment' };
  const visit = visitId(message);
  if (!visit) return { ok: false, reason: NO_VISIT_NUMBER };
  try {
    let admitDate = date(pv1, 44, 'Admit date (PV1-44)');
    if (admitDate === undefined && (event === 'A01' || event === 'A04')) admitDate = eventDate(message);
    let dischargeDate = date(pv1, 45, 'Discharge date (PV1-45)');
    if (dischargeDate === undefined && event === 'A03') dischargeDate = eventDate(message);
    const in1 = message.getSegment('IN1');
    const update: VisitUpdate = {
      visit,
      line,
      patientName: sent(pid, 5, patientName),
      mrn: sent(pid, 3, mrn),
      birthDate: date(pid, 7, 'Birth date (PID-7)'),
      sex: sent(pid, 8, sex),
      setting: setting(pv1, options),
      admitDate,
      dischargeDate,
      attending: sent(pv1, 7, (s) => nonEmpty(providerName(s, 7))),
      location: sent(pv1, 3, location),
      facility: sent(pv1, 3, (s) => nonEmpty(value(s, 3, 4, 1) || value(s, 3, 4, 2))),
      payer: sent(in1, 4, (s) => nonEmpty(value(s, 4))),
      conditions: hints(message.getAllSegments('DG1'), 'condition', 3),
      procedures: hints(message.getAllSegments('PR1'), 'procedure', 3),
    };
    return { ok: true, update };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.message };
    throw err;
  }
}
