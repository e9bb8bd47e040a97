/**
 * Audits travel in packages: an auditor's work package carries the committed audits of the
 * charts it sent a coder (findings to agree with or rebut); the coder's result package carries
 * them back with the responses; the next one carries the auditor's decisions. Merging takes
 * from each side only the moves that side may make (shared/accuracy.ts FINDING_MOVES): a coder's
 * package cannot withdraw a finding, an auditor's cannot agree to one.
 */
import { z } from 'zod';
import { FINDING_MOVES, FINDING_OUTCOMES } from '../../../shared/accuracy';
import { AUDIT_FINDING_KINDS } from '../../../shared/audit-diff';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';
import type { AuditRow } from './audits';

const text = (max: number) => z.string().max(max);

export const auditWireSchema = z
  .object({
    id: z.string().regex(/^A-[0-9a-f]{16}$/),
    chartId: text(64),
    version: z.number().int().min(1),
    coderId: text(64),
    auditorId: text(64),
    mode: z.enum(['blind', 'review']),
    startedAt: text(40),
    committedAt: text(40),
    auditorCodingJson: text(100_000),
    findings: z
      .array(
        z
          .object({
            id: text(80),
            kind: z.enum(AUDIT_FINDING_KINDS),
            coderCode: text(16).nullable(),
            auditorCode: text(16).nullable(),
            coderLine: z.number().int().min(0).nullable(),
            detail: text(300),
            outcome: z.enum(FINDING_OUTCOMES),
            coderComment: text(1000).nullable(),
            auditorComment: text(1000).nullable(),
            updatedAt: text(40),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();
export type AuditWire = z.infer<typeof auditWireSchema>;

interface FindingRow {
  finding_id: string;
  kind: AuditWire['findings'][number]['kind'];
  coder_code: string | null;
  auditor_code: string | null;
  coder_line: number | null;
  detail: string;
  outcome: AuditWire['findings'][number]['outcome'];
  coder_comment: string | null;
  auditor_comment: string | null;
  updated_at: string;
}

/** The committed audits between this workspace and `counterpart` (as its coder or as its auditor). */
export function auditsWith(db: WorkspaceDb, counterpart: string, chartIds: readonly string[] | null = null): AuditWire[] {
  const audits = rows<AuditRow>(db, "SELECT * FROM audits WHERE status = 'committed' AND (coder_id = ? OR auditor_id = ?) ORDER BY id", counterpart, counterpart);
  return audits
    .filter((a) => chartIds === null || chartIds.includes(a.chart_id))
    .map((a) => ({
      id: a.id,
      chartId: a.chart_id,
      version: a.version,
      coderId: a.coder_id,
      auditorId: a.auditor_id,
      mode: a.mode,
      startedAt: a.started_at,
      committedAt: a.committed_at as string, // committed audits only
      auditorCodingJson: a.auditor_coding_json,
      findings: rows<FindingRow>(db, 'SELECT * FROM audit_findings WHERE audit_id = ? ORDER BY rowid', a.id).map((f) => ({
        id: f.finding_id,
        kind: f.kind,
        coderCode: f.coder_code,
        auditorCode: f.auditor_code,
        coderLine: f.coder_line,
        detail: f.detail,
        outcome: f.outcome,
        coderComment: f.coder_comment,
        auditorComment: f.auditor_comment,
        updatedAt: f.updated_at,
      })),
    }));
}

/**
 * Takes what `senderId` may say about each audit: a new audit and its findings only from its
 * auditor (and only for a chart here), and each finding's move only when that side makes it
 * from the outcome held here. Returns how many audits or findings changed.
 */
export function mergeAudits(db: WorkspaceDb, wires: readonly AuditWire[], senderId: string): number {
  let changed = 0;
  for (const w of wires) {
    const local = row<Pick<AuditRow, 'auditor_id' | 'coder_id'>>(db, 'SELECT auditor_id, coder_id FROM audits WHERE id = ?', w.id);
    const auditorId = local?.auditor_id ?? w.auditorId;
    const coderId = local?.coder_id ?? w.coderId;
    const side = senderId === auditorId ? 'auditor' : senderId === coderId ? 'coder' : null;
    if (side === null) continue;
    if (!local) {
      if (side !== 'auditor' || !row(db, 'SELECT 1 FROM charts WHERE id = ?', w.chartId)) continue;
      run(db, `INSERT INTO audits(id, chart_id, version, coder_id, auditor_id, sample_id, mode, status, auditor_coding_json, started_at, committed_at, updated_at)
        VALUES (?, ?, ?, ?, ?, NULL, ?, 'committed', ?, ?, ?, ?)`,
        w.id, w.chartId, w.version, w.coderId, w.auditorId, w.mode, w.auditorCodingJson, w.startedAt, w.committedAt, w.committedAt);
      for (const f of w.findings) {
        run(db, `INSERT INTO audit_findings(audit_id, finding_id, kind, coder_code, auditor_code, coder_line, detail, outcome, coder_comment, auditor_comment, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          w.id, f.id, f.kind, f.coderCode, f.auditorCode, f.coderLine, f.detail, f.outcome, f.coderComment, f.auditorComment, f.updatedAt);
      }
      changed += 1;
      continue;
    }
    for (const f of w.findings) {
      const here = row<{ outcome: string }>(db, 'SELECT outcome FROM audit_findings WHERE audit_id = ? AND finding_id = ?', w.id, f.id);
      if (!here) continue;
      const move = FINDING_MOVES.find((m) => m.by === side && m.from === here.outcome && m.to === f.outcome);
      if (!move) continue;
      const comment = side === 'coder' ? 'coder_comment' : 'auditor_comment';
      run(db, `UPDATE audit_findings SET outcome = ?, ${comment} = ?, updated_at = ? WHERE audit_id = ? AND finding_id = ?`,
        f.outcome, side === 'coder' ? f.coderComment : f.auditorComment, f.updatedAt, w.id, f.id);
      changed += 1;
    }
  }
  return changed;
}
