/**
 * Checks the audit chain and names what broke it, entry by entry:
 *   altered   an entry's content no longer matches its hash (or its link was edited)
 *   deleted   a seq is missing, or an entry links to a hash no longer in the trail
 *   reordered an entry links to an existing entry that is not the one before it
 *   inserted  an entry nobody links to sits between two entries that link to each other
 *
 * Entries renumbered to hide a deletion or insertion are followed with an offset, so one
 * tampering is reported once rather than as every later entry "altered".
 *   origin    the trail does not start with the profile's creation
 *   truncated the trail ends before the head sealed outside the database (cut short, wiped,
 *             or an older copy of the file put back)
 *   rewritten the entry at the sealed head is not the one that was sealed
 *   unsealed  the seal is missing or damaged
 * The chain is HMAC-keyed from the workspace key, so it cannot be recomputed without it.
 * Limit: someone holding the workspace key who rolls back the file AND its seal together is
 * caught only by a receiver that kept the head (result packages, the team hub).
 */
import type { WorkspaceDb } from '../db/handles';
import type { AuditVerifyReport } from '../../../shared/contract';
import type { JsonValue } from './canonical-json';
import { eachRow, row } from '../db/rows';
import { auditBinding, compareWithSeal, type AuditBinding } from './binding';
import { GENESIS_HASH, entryHash } from './hash';

type Problem = AuditVerifyReport['problems'][number];

/** Past this many problems the trail is plainly broken; more detail helps nobody. */
export const MAX_PROBLEMS = 1000;
/** How far back a renumbering is searched for (entries removed in one block). */
const MAX_SHIFT = 64;

interface LinkRow {
  seq: number;
  prev_hash: string;
  hash: string;
}

/** An audit_log row as stored. */
export interface FullRow extends LinkRow {
  at: string;
  user_id: string;
  device_id: string;
  action: string;
  chart_id: string | null;
  detail_json: string;
}

function parseDetail(json: string): { [key: string]: JsonValue } | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { [key: string]: JsonValue }) : null;
  } catch {
    return null;
  }
}

/** Does the row's stored hash match its content if its seq were `seq`? */
function verifiesAt(binding: AuditBinding, row: FullRow, detail: { [key: string]: JsonValue } | null, seq: number): boolean {
  if (detail === null) return false;
  const fields = {
    seq,
    at: row.at,
    userId: row.user_id,
    deviceId: row.device_id,
    action: row.action,
    chartId: row.chart_id,
    detail,
  };
  return entryHash(seq >= binding.keyedFrom ? binding.keys.chain : null, row.prev_hash, fields) === row.hash;
}

/** The chain alone: every entry against its own hash and its neighbours. */
export function verifyChain(db: WorkspaceDb): AuditVerifyReport {
  const binding = auditBinding(db);
  const hashCount = new Map<string, number>();
  const referenced = new Set<string>();
  let entries = 0;
  for (const r of eachRow<LinkRow>(db, 'SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq')) {
    entries++;
    hashCount.set(r.hash, (hashCount.get(r.hash) ?? 0) + 1);
    referenced.add(r.prev_hash);
  }

  const problems: Problem[] = [];
  // Index in `problems` of the one row-specific finding for the previous row, if any.
  let previousRowProblem: number | null = null;
  const add = (seq: number, kind: Problem['kind'], message: string): number | null => {
    if (problems.length >= MAX_PROBLEMS) return null;
    problems.push({ seq, kind, message });
    return problems.length - 1;
  };

  const seen = new Set<string>();
  let before: FullRow | null = null;
  // Facts about `before`: a copy of an earlier entry; chained to an existing entry elsewhere (moved).
  let beforeDuplicate = false;
  let beforeMoved = false;
  let beforeBefore: FullRow | null = null;
  let offset = 0; // original seq = current seq + offset, after a hidden renumbering
  const rows = eachRow<FullRow>(db, 'SELECT seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash FROM audit_log ORDER BY seq');

  for (const row of rows) {
    const detail = parseDetail(row.detail_json);
    const selfOk = (): boolean => verifiesAt(binding, row, detail, row.seq) || (offset !== 0 && verifiesAt(binding, row, detail, row.seq + offset));
    const expectedSeq = before ? before.seq + 1 : 1;
    const expectedPrev = before ? before.hash : GENESIS_HASH;
    const duplicate = seen.has(row.hash);
    seen.add(row.hash);
    let rowProblem: number | null = null;
    let moved = false;

    if (row.seq > expectedSeq) {
      const missing = row.seq - expectedSeq;
      add(expectedSeq, 'deleted', missing === 1 ? `Entry ${expectedSeq} is missing.` : `Entries ${expectedSeq} to ${row.seq - 1} are missing.`);
      // The gap explains a broken link here; the row's own content is still checked.
      if (!selfOk()) rowProblem = add(row.seq, 'altered', `Entry ${row.seq} does not match its hash.`);
    } else if (row.prev_hash === expectedPrev) {
      if (duplicate) rowProblem = add(row.seq, 'inserted', `Entry ${row.seq} is a copy of an earlier entry.`);
      else if (!selfOk()) rowProblem = add(row.seq, 'altered', `Entry ${row.seq} does not match its hash.`);
    } else {
      // A moved entry is never taken for an inserted one: its link points at a real entry.
      const skipsPrevious =
        before !== null &&
        row.prev_hash === (beforeBefore ? beforeBefore.hash : GENESIS_HASH) &&
        (beforeDuplicate || (!referenced.has(before.hash) && !beforeMoved));
      if (before && skipsPrevious) {
        // `before` sits between two entries that chain to each other: it was slipped in.
        if (previousRowProblem !== null) problems.splice(previousRowProblem, 1);
        add(before.seq, 'inserted', `Entry ${before.seq} was not part of the original trail.`);
        if (!selfOk() && verifiesAt(binding, row, detail, row.seq + offset - 1)) offset -= 1;
        if (!selfOk()) rowProblem = add(row.seq, 'altered', `Entry ${row.seq} does not match its hash.`);
      } else if (row.prev_hash === GENESIS_HASH || hashCount.has(row.prev_hash)) {
        moved = true;
        if (duplicate) rowProblem = add(row.seq, 'inserted', `Entry ${row.seq} is a copy of an earlier entry.`);
        // A row that verifies in place is fine: its neighbour moved and is reported itself.
        else if (!selfOk()) rowProblem = add(row.seq, 'reordered', `Entry ${row.seq} is not in its original place.`);
      } else if (selfOk()) {
        // Intact itself but chained to a hash that is gone: the previous entry was rewritten.
        if (before && previousRowProblem === null) add(before.seq, 'altered', `Entry ${before.seq} was rewritten.`);
        if (!before) rowProblem = add(row.seq, 'altered', `Entry ${row.seq} does not start from the chain's origin.`);
      } else {
        let shift = 0;
        for (let k = 1; k <= MAX_SHIFT && shift === 0; k++) if (verifiesAt(binding, row, detail, row.seq + offset + k)) shift = k;
        if (shift > 0) {
          offset += shift;
          const what = shift === 1 ? 'An entry was' : `${shift} entries were`;
          rowProblem = add(row.seq, 'deleted', `${what} removed before entry ${row.seq} and later entries renumbered.`);
        } else {
          rowProblem = add(row.seq, 'altered', `Entry ${row.seq} does not match its hash or its place in the chain.`);
        }
      }
    }

    previousRowProblem = rowProblem;
    beforeDuplicate = duplicate;
    beforeMoved = moved;
    beforeBefore = before;
    before = row;
  }

  return { ok: problems.length === 0, entries, problems };
}

/** The chain, its origin (the profile's creation) and its end (the sealed head). */
export function verifyAudit(db: WorkspaceDb): AuditVerifyReport {
  const binding = auditBinding(db);
  const { entries, problems } = verifyChain(db);
  const first = row<{ seq: number; action: string }>(db, 'SELECT seq, action FROM audit_log ORDER BY seq LIMIT 1');
  if (first?.action !== 'profile.create' || first.seq !== 1) {
    problems.unshift({ seq: first?.seq ?? 1, kind: 'origin', message: 'The trail does not start with the creation of this profile.' });
  }
  const sealed = compareWithSeal(db, binding.keys, binding.sealFile);
  if (sealed) problems.unshift({ seq: sealed.sealedSeq ?? sealed.headSeq, kind: sealed.kind, message: sealed.message });
  return { ok: problems.length === 0, entries, problems };
}
