/**
 * What makes an import idempotent: a SHA-256 over a canonical form of what the source sent, so
 * the same export read twice gives the same hashes whatever order its keys came in.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '../../audit/canonical-json';
import type { IncomingChart, IncomingDocument } from '../incoming';

const sha256 = (data: string | Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

/** The chart's own fields and hints; its documents carry hashes of their own. */
export function chartContentHash(c: IncomingChart): string {
  return sha256(
    canonicalJson({
      sourceRef: c.sourceRef,
      accountNumber: c.accountNumber,
      patient: { name: c.patient.name, ref: c.patient.ref, ageAtEncounter: c.patient.ageAtEncounter, sex: c.patient.sex },
      setting: c.setting,
      admitDate: c.admitDate,
      dischargeDate: c.dischargeDate,
      payer: c.payer,
      facility: c.facility,
      attending: c.attending,
      location: c.location,
      hints: c.hints.map((h) => ({ kind: h.kind, system: h.system, code: h.code, display: h.display })),
    }),
  );
}

export function documentHash(d: IncomingDocument): string {
  return sha256(
    canonicalJson({
      sourceId: d.sourceId,
      kind: d.kind,
      title: d.title,
      author: d.author,
      date: d.date,
      contentType: d.contentType,
      text: d.text,
      data: d.data ? sha256(d.data) : null,
    }),
  );
}

/** A short, stable id part from a source key: 10 hex digits (40 bits; a clash is refused, never merged). */
export const shortHash = (text: string): string => sha256(text).slice(0, 10).toUpperCase();
