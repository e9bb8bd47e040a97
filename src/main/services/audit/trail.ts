/**
 * The append-only, hash-chained audit trail (HIPAA audit controls): who did what to which
 * chart, when, on which device. Each entry's hash covers the previous entry's hash, so an
 * altered, removed, moved or slipped-in entry breaks the chain (see verify.ts).
 *
 * Detail is deliberately narrow: a flat record of short scalars (codes, counts, ids,
 * reasons). Long strings are refused, which keeps document text and free-text notes out.
 */
import type { WorkspaceDb } from '../db/handles';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { run } from '../db/rows';
import { transaction } from '../db/transaction';
import { isAuditAction, type AuditAction } from './actions';
import { auditBinding, trailHead } from './binding';
import { canonicalJson, type JsonValue } from './canonical-json';
import { entryHash } from './hash';

export { verifyAudit } from './verify';
export { AUDIT_ACTIONS, type AuditAction } from './actions';

export type AuditScalar = string | number | boolean | null;
export type AuditDetail = Record<string, AuditScalar | readonly (string | number | boolean)[]>;

export interface AuditInput {
  userId: string;
  deviceId: string;
  action: AuditAction;
  chartId?: string | null;
  /** Checked at run time: a flat record of short scalars or arrays of them (see AuditDetail). */
  detail?: Readonly<Record<string, unknown>>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  userId: string;
  deviceId: string;
  action: AuditAction;
  chartId: string | null;
  detail: AuditDetail;
  prevHash: string;
  hash: string;
}

export const MAX_DETAIL_KEYS = 20;
export const MAX_DETAIL_STRING = 120;
export const MAX_DETAIL_ARRAY = 100;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const ID_MAX = 64;

const badDetail = (): AppFailure =>
  new AppFailure('BAD_INPUT', 'Audit detail must be a small flat record of codes, counts and ids (no text).');

function isScalar(value: unknown, allowNull: boolean): boolean {
  if (value === null) return allowNull;
  if (typeof value === 'string') return value.length <= MAX_DETAIL_STRING;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}

function checkDetail(detail: unknown): { [key: string]: JsonValue } {
  if (detail === undefined) return {};
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) throw badDetail();
  if (Object.getPrototypeOf(detail) !== Object.prototype) throw badDetail();
  const entries = Object.entries(detail);
  if (entries.length > MAX_DETAIL_KEYS) throw badDetail();
  const out: { [key: string]: JsonValue } = {};
  for (const [key, value] of entries) {
    if (!DETAIL_KEY.test(key)) throw badDetail();
    if (Array.isArray(value)) {
      if (value.length > MAX_DETAIL_ARRAY || !value.every((v) => isScalar(v, false))) throw badDetail();
      out[key] = [...(value as (string | number | boolean)[])];
    } else if (isScalar(value, true)) {
      out[key] = value as AuditScalar;
    } else {
      throw badDetail();
    }
  }
  return out;
}

function checkId(value: unknown, what: string, nullable: boolean): string | null {
  if (nullable && (value === undefined || value === null)) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > ID_MAX) {
    throw new AppFailure('BAD_INPUT', `The audit entry needs a valid ${what}.`);
  }
  return value;
}

/**
 * Appends one entry inside the caller's transaction (or its own), so a change and its entry
 * commit together or not at all. `now`: Date or epoch ms. Refused while the trail does not
 * match its seal: nothing is added on top of a trail that was cut short or rewritten.
 */
export function appendAudit(db: WorkspaceDb, input: AuditInput, now: Date | number = Date.now()): AuditEntry {
  const action = input.action as string;
  if (typeof action !== 'string' || !isAuditAction(action)) throw new AppFailure('BAD_INPUT', 'Unknown audit action.');
  const userId = checkId(input.userId, 'user', false) as string;
  const deviceId = checkId(input.deviceId, 'device', false) as string;
  const chartId = checkId(input.chartId, 'chart id', true);
  const detail = checkDetail(input.detail);
  const at = new Date(now instanceof Date ? now.getTime() : now).toISOString();
  const binding = auditBinding(db);
  if (binding.finding) throw new AppFailure(ErrorCode.AuditBroken, binding.finding.message);

  return transaction(db, (): AuditEntry => {
    const head = trailHead(db);
    const seq = head.seq + 1;
    const prevHash = head.hash;
    const key = seq >= binding.keyedFrom ? binding.keys.chain : null;
    const hash = entryHash(key, prevHash, { seq, at, userId, deviceId, action, chartId, detail });
    run(
      db,
      `INSERT INTO audit_log (seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      seq, at, userId, deviceId, action, chartId, canonicalJson(detail), prevHash, hash,
    );
    return { seq, at, userId, deviceId, action, chartId, detail: detail as AuditDetail, prevHash, hash };
  });
}
