/**
 * Binds an open workspace connection to its audit keys and sealed head. Every append is
 * keyed through this binding, and after each commit that moved the head the seal follows.
 * The check on open compares the trail's end with the seal: a trail that ends before the
 * sealed head was cut short, wiped or replaced by an older copy; one whose entry at the
 * sealed seq has another hash was rewritten. A trail that goes past the seal is the normal
 * result of a crash between a commit and its seal, and the seal catches up.
 */
import type { WorkspaceDb } from '../db/handles';
import { AppFailure, ErrorCode } from '../../../shared/result';
import { row, run, value } from '../db/rows';
import { onCommit, transaction } from '../db/transaction';
import { deriveAuditKeys, wipeAuditKeys, type AuditKeys } from './chain-keys';
import { GENESIS_HASH } from './hash';
import { advanceSeal, createSeal, readSeal, resealAt, type SealedHead } from './head-seal';

export type SealFindingKind = 'truncated' | 'rewritten' | 'unsealed';

export interface SealFinding {
  kind: SealFindingKind;
  message: string;
  sealedSeq: number | null;
  headSeq: number;
}

export interface AuditBinding {
  keys: AuditKeys;
  sealFile: string;
  /** Entries from this seq on are HMAC-keyed; earlier ones (older workspaces) are plain SHA-256. */
  keyedFrom: number;
  /** What the check on open found; while set, nothing is appended and the seal stays as found. */
  finding: SealFinding | null;
  unhook: () => void;
}

const KEYED_FROM = 'audit_keyed_from';
const bindings = new WeakMap<WorkspaceDb, AuditBinding>();

export function trailHead(db: WorkspaceDb): SealedHead {
  return row<SealedHead>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1') ?? { seq: 0, hash: GENESIS_HASH };
}

export function auditBinding(db: WorkspaceDb): AuditBinding {
  const binding = bindings.get(db);
  if (!binding) throw new AppFailure(ErrorCode.Internal, 'The audit trail is not open for this workspace.');
  return binding;
}

/** Compares the trail with its seal; null when they agree. */
export function compareWithSeal(db: WorkspaceDb, keys: AuditKeys, sealFile: string): SealFinding | null {
  const head = trailHead(db);
  const state = readSeal(sealFile, keys.seal);
  if (state.kind === 'absent') {
    return { kind: 'unsealed', message: 'The audit trail’s seal (audit-head.seal) is missing.', sealedSeq: null, headSeq: head.seq };
  }
  if (state.kind === 'damaged') {
    return { kind: 'unsealed', message: 'The audit trail’s seal is damaged or belongs to another workspace.', sealedSeq: null, headSeq: head.seq };
  }
  const sealed = state.head;
  if (head.seq < sealed.seq) {
    const ends = head.seq === 0 ? 'The audit trail is empty' : `The audit trail ends at entry ${head.seq}`;
    return {
      kind: 'truncated',
      message: `${ends} but was sealed at entry ${sealed.seq}: newer entries were removed, or the workspace file was replaced by an older copy.`,
      sealedSeq: sealed.seq,
      headSeq: head.seq,
    };
  }
  const atSeal = sealed.seq === 0 ? GENESIS_HASH : value<string>(db, 'SELECT hash FROM audit_log WHERE seq = ?', sealed.seq);
  if (atSeal !== sealed.hash) {
    return {
      kind: 'rewritten',
      message: `Entry ${sealed.seq} is not the entry that was sealed: the trail was rewritten.`,
      sealedSeq: sealed.seq,
      headSeq: head.seq,
    };
  }
  return null;
}

/**
 * Opens the trail of a workspace: derives its keys, makes the seal on first use (a new
 * workspace, or one from a version without seals) and checks the trail against it.
 * Returns what the check found (also kept on the binding).
 */
export function bindAuditChain(db: WorkspaceDb, workspaceKey: Buffer, sealFile: string): SealFinding | null {
  const keys = deriveAuditKeys(workspaceKey);
  let keyedFrom = Number(value<string>(db, 'SELECT value FROM workspace_meta WHERE key = ?', KEYED_FROM) ?? NaN);
  if (!Number.isInteger(keyedFrom) && readSeal(sealFile, keys.seal).kind === 'absent') {
    // First open of this trail under keys: what exists stays checkable as it was written.
    keyedFrom = transaction(db, () => {
      const head = trailHead(db);
      run(db, 'INSERT INTO workspace_meta (key, value) VALUES (?, ?)', KEYED_FROM, String(head.seq + 1));
      createSeal(sealFile, keys.seal, head);
      return head.seq + 1;
    });
  }
  if (!Number.isInteger(keyedFrom)) keyedFrom = 1;
  const finding = compareWithSeal(db, keys, sealFile);
  const binding: AuditBinding = { keys, sealFile, keyedFrom, finding, unhook: () => undefined };
  binding.unhook = onCommit(db, () => {
    if (binding.finding) return;
    advanceSeal(sealFile, keys.seal, trailHead(db));
  });
  bindings.set(db, binding);
  if (!finding) advanceSeal(sealFile, keys.seal, trailHead(db)); // catches up after a crash before its seal
  return finding;
}

/**
 * A restore or an acknowledged finding: `record` appends the entry that says what happened
 * (on top of the trail as it is), and the seal moves to the new head — backwards if need be.
 */
export function reanchor<T>(db: WorkspaceDb, record: (finding: SealFinding | null) => T): T {
  const binding = auditBinding(db);
  const finding = binding.finding;
  binding.finding = null;
  try {
    const result = record(finding);
    resealAt(binding.sealFile, binding.keys.seal, trailHead(db));
    return result;
  } catch (error) {
    binding.finding = finding;
    throw error;
  }
}

export function unbindAuditChain(db: WorkspaceDb): void {
  const binding = bindings.get(db);
  if (!binding) return;
  binding.unhook();
  wipeAuditKeys(binding.keys);
  bindings.delete(db);
}
