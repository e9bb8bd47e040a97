/** Which visit an ADT or MDM message is about: the same key for both, so a note finds its chart. */
import type { Hl7Message } from '@medplum/core';
import { value } from './values';

export interface VisitId {
  /** 'hl7:<MSH-4 sending facility>|<PV1-19 visit number, else PID-18 account number>'. */
  key: string;
  number: string;
  sendingFacility: string;
}

export function visitId(message: Hl7Message): VisitId | null {
  const facility = value(message.header, 4, 1) || value(message.header, 4, 2);
  const number = value(message.getSegment('PV1'), 19) || value(message.getSegment('PID'), 18);
  if (!number) return null;
  return { key: `hl7:${facility}|${number}`, number, sendingFacility: facility };
}

export const NO_VISIT_NUMBER = 'No visit number (PV1-19) or account number (PID-18)';
