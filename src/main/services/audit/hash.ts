/**
 * The hash that chains audit entries over (prev_hash + canonical JSON of the entry).
 * Keyed entries use HMAC-SHA256 under the chain key, so nobody without the workspace key can
 * recompute the chain after an edit. Entries written before the chain was keyed (workspaces
 * made by earlier versions) used plain SHA-256 and are still checked that way.
 */
import crypto from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  at: string;
  userId: string;
  deviceId: string;
  action: string;
  chartId: string | null;
  detail: { [key: string]: JsonValue };
}

function body(fields: HashedFields): string {
  return canonicalJson({
    seq: fields.seq,
    at: fields.at,
    userId: fields.userId,
    deviceId: fields.deviceId,
    action: fields.action,
    chartId: fields.chartId,
    detail: fields.detail,
  });
}

/** chainKey null: the legacy unkeyed SHA-256 form. */
export function entryHash(chainKey: Buffer | null, prevHash: string, fields: HashedFields): string {
  const mac = chainKey ? crypto.createHmac('sha256', chainKey) : crypto.createHash('sha256');
  return mac.update(prevHash).update(body(fields)).digest('hex');
}
