/** The hash that chains audit entries: sha256 hex of (prev_hash + canonical JSON of the entry). */
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

export function entryHash(prevHash: string, fields: HashedFields): string {
  const body = canonicalJson({
    seq: fields.seq,
    at: fields.at,
    userId: fields.userId,
    deviceId: fields.deviceId,
    action: fields.action,
    chartId: fields.chartId,
    detail: fields.detail,
  });
  return crypto.createHash('sha256').update(prevHash).update(body).digest('hex');
}
