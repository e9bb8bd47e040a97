/** How an imported encounter becomes a chart: its id, its place in the queue, and what is refused. */
import { DOCUMENT_KINDS, SETTINGS } from '../../../../shared/domain';
import type { IncomingChart, IncomingDocument } from '../incoming';
import { shortHash } from './hashes';

/**
 * Imported charts enter the queue in the middle of the 1–5 priority scale: the export says
 * nothing about urgency, so they neither jump ahead of nor trail the charts a lead prioritised.
 */
export const IMPORTED_PRIORITY = 3;

/**
 * Due three days after discharge: the common HIM target for final coding so an account leaves
 * "discharged, not final billed" (DNFB) within the facility's bill hold, usually 3–4 days.
 * An encounter that reaches CodeDesk after its discharge (a back-load of old accounts) is due
 * three days after it first arrived instead, so a whole import does not land already overdue.
 */
export const DUE_DAYS_AFTER_DISCHARGE = 3;

/** `firstImportedAt`: the ISO time the chart first arrived (kept across later imports). */
export const dueDateFor = (dischargeDate: string, firstImportedAt: string): string => {
  const arrived = firstImportedAt.slice(0, 10);
  const d = new Date(`${dischargeDate > arrived ? dischargeDate : arrived}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + DUE_DAYS_AFTER_DISCHARGE);
  return d.toISOString().slice(0, 10);
};

/** An account number usable as a chart id as it is (the API takes ids up to 64 characters). */
const USABLE_ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The chart id to try first, then the deterministic one from the source key. */
export function chartIdCandidates(c: Pick<IncomingChart, 'accountNumber' | 'format' | 'sourceKey'>): string[] {
  const fallback = `${c.format === 'fhir' ? 'F' : 'H'}-${shortHash(c.sourceKey)}`;
  const account = c.accountNumber?.trim() ?? '';
  return USABLE_ACCOUNT.test(account) ? [account, fallback] : [fallback];
}

/** A document id usable in the API (up to 64 characters): the source's own id when it fits. */
export function documentIdFor(sourceId: string): string {
  return /^[\x21-\x7e]{1,64}$/.test(sourceId) ? sourceId : `D-${shortHash(sourceId)}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string): boolean => ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** Why a chart cannot be stored as the workspace requires, or null. The reason names no patient. */
export function chartProblem(c: IncomingChart): string | null {
  const age = c.patient.ageAtEncounter;
  if (!Number.isInteger(age) || age < 0 || age > 124) return 'the patient age at the encounter is not 0 to 124 years';
  if (!['F', 'M', 'U'].includes(c.patient.sex)) return 'the patient sex is not F, M or U';
  if (!(SETTINGS as readonly string[]).includes(c.setting)) return 'the setting is not one CodeDesk codes';
  if (!isDay(c.admitDate) || !isDay(c.dischargeDate)) return 'the encounter dates are not valid dates';
  if (c.dischargeDate < c.admitDate) return 'the encounter ends before it starts';
  return null;
}

/** Why a document cannot be stored as the viewer needs it, or null. The reason quotes no text of it. */
export function documentProblem(d: IncomingDocument): string | null {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(d.kind)) return 'the document kind is not one CodeDesk knows';
  if (!isDay(d.date)) return 'the document date is not a valid date';
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(d.contentType)) return 'the document has no valid content type';
  return null;
}
