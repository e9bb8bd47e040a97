/**
 * A chart's work as one side has it (status, hold, version, draft, submissions, reopens): what
 * a result package carries back, and what is hashed to tell "changed at home" from "changed
 * in the result" against the state the chart had when it was packaged.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Coding } from '../../../shared/domain';
import type { ChartWorkState } from '../../../shared/packages';
import { AppFailure } from '../../../shared/result';
import { canonicalJson, type JsonValue } from '../audit/canonical-json';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';

export const wireStateSchema = z
  .object({
    status: z.enum(['new', 'in_progress', 'on_hold', 'submitted']),
    hold_reason: z.string().max(40).nullable(),
    hold_note: z.string().max(500).nullable(),
    version: z.number().int().min(1),
    coding_json: z.string().max(100_000).nullable(),
    submissions: z.array(
      z.object({ version: z.number().int().min(1), coding_json: z.string().max(100_000), submitted_at: z.string(), submitted_by: z.string(), device_id: z.string() }).strict(),
    ),
    reopens: z.array(
      z
        .object({ version: z.number().int().min(2), reason: z.string(), note: z.string().max(500), reopened_at: z.string(), reopened_by: z.string(), device_id: z.string() })
        .strict(),
    ),
  })
  .strict();
export type WireState = z.infer<typeof wireStateSchema>;

export function readState(db: WorkspaceDb, chartId: string): WireState {
  const c = row<Pick<WireState, 'status' | 'hold_reason' | 'hold_note' | 'version'>>(db, 'SELECT status, hold_reason, hold_note, version FROM charts WHERE id = ?', chartId);
  if (!c) throw new AppFailure('NOT_FOUND', 'No chart with that id in this workspace.');
  const coding = row<{ coding_json: string }>(db, 'SELECT coding_json FROM codings WHERE chart_id = ?', chartId);
  return {
    ...c,
    coding_json: coding?.coding_json ?? null,
    submissions: rows(db, 'SELECT version, coding_json, submitted_at, submitted_by, device_id FROM submissions WHERE chart_id = ? ORDER BY version', chartId),
    reopens: rows(db, 'SELECT version, reason, note, reopened_at, reopened_by, device_id FROM chart_reopens WHERE chart_id = ? ORDER BY version', chartId),
  };
}

export const stateHash = (s: WireState): string => crypto.createHash('sha256').update(canonicalJson(s as unknown as JsonValue)).digest('hex');

/** A version both sides submitted with different codes: submissions are immutable, so it cannot be taken. */
export function clashingSubmission(db: WorkspaceDb, chartId: string, incoming: WireState): number | null {
  for (const s of incoming.submissions) {
    const home = row<{ coding_json: string }>(db, 'SELECT coding_json FROM submissions WHERE chart_id = ? AND version = ?', chartId, s.version);
    if (home && home.coding_json !== s.coding_json) return s.version;
  }
  return null;
}

/** Makes the home chart's work what `incoming` says (never rewriting a submission); call inside a transaction. */
export function writeState(db: WorkspaceDb, chartId: string, incoming: WireState, at: string, byUser: string): void {
  run(db, 'UPDATE charts SET status = ?, hold_reason = ?, hold_note = ?, version = ?, updated_at = ? WHERE id = ?',
    incoming.status, incoming.hold_reason, incoming.hold_note, incoming.version, at, chartId);
  if (incoming.coding_json === null) run(db, 'DELETE FROM codings WHERE chart_id = ?', chartId);
  else {
    // A new revision, so a window still showing the old draft gets "changed elsewhere" instead of overwriting it.
    run(db, `INSERT INTO codings(chart_id, coding_json, revision, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
      ON CONFLICT(chart_id) DO UPDATE SET coding_json = excluded.coding_json, revision = codings.revision + 1,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`, chartId, incoming.coding_json, at, byUser);
  }
  for (const s of incoming.submissions) {
    run(db, `INSERT INTO submissions(chart_id, version, coding_json, submitted_at, submitted_by, device_id)
      SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM submissions WHERE chart_id = ? AND version = ?)`,
      chartId, s.version, s.coding_json, s.submitted_at, s.submitted_by, s.device_id, chartId, s.version);
  }
  for (const r of incoming.reopens) {
    run(db, `INSERT INTO chart_reopens(chart_id, version, reason, note, reopened_at, reopened_by, device_id)
      SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM chart_reopens WHERE chart_id = ? AND version = ?)`,
      chartId, r.version, r.reason, r.note, r.reopened_at, r.reopened_by, r.device_id, chartId, r.version);
  }
}

const parseCoding = (json: string): Coding => JSON.parse(json) as Coding;

export function toView(s: WireState): ChartWorkState {
  return {
    status: s.status,
    holdReason: s.hold_reason as ChartWorkState['holdReason'],
    holdNote: s.hold_note,
    version: s.version,
    coding: s.coding_json === null ? null : parseCoding(s.coding_json),
    submissions: s.submissions.map((x) => ({ version: x.version, submittedAt: x.submitted_at, coding: parseCoding(x.coding_json) })),
  };
}

/** The state the chart had when last sent to (or applied from) `counterpartId`. */
export function baseOf(db: WorkspaceDb, chartId: string, counterpartId: string): string {
  return row<{ base_hash: string }>(db, 'SELECT base_hash FROM package_charts WHERE chart_id = ? AND counterpart_id = ? ORDER BY rowid DESC LIMIT 1', chartId, counterpartId)!.base_hash;
}

export function setBase(db: WorkspaceDb, chartId: string, counterpartId: string, hash: string): void {
  run(db, 'UPDATE package_charts SET base_hash = ? WHERE chart_id = ? AND counterpart_id = ?', hash, chartId, counterpartId);
}
