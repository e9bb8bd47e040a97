/**
 * Whether an HCPCS Level II code or modifier may be reported on a date: it must be in the
 * quarter's file, on or after its action effective date and not after its termination date. For the edits (validity) and the code picker.
 */
import type { ContentDb } from '../content-db';
import { versionFor } from '../versions';
import { normaliseCode } from '../code-format';

export interface HcpcsStatus {
  code: string;
  kind: 'code' | 'modifier';
  /** The quarter looked in ("2025 Q4"), or null when no HCPCS file is imported. */
  version: string | null;
  found: boolean;
  active: boolean;
  effectiveFrom: string | null;
  terminatedOn: string | null;
}

export function hcpcsStatusOn(db: ContentDb, code: string, date: string, kind: 'code' | 'modifier' = 'code'): HcpcsStatus {
  const normal = normaliseCode('hcpcs', code);
  // The quarter in force on the date; before the oldest imported quarter, the newest one (each
  // file keeps terminated codes with their dates, so it answers for earlier dates too).
  const inForce = versionFor(db, 'hcpcs', date);
  const version = inForce && !inForce.isDemo ? inForce : versionFor(db, 'hcpcs');
  const base = { code: normal, kind, version: version?.label ?? null };
  if (!version || version.isDemo) return { ...base, found: false, active: false, effectiveFrom: null, terminatedOn: null };
  const row = db
    .prepare('SELECT effective_from, terminated_on FROM hcpcs_item WHERE version_id = ? AND kind = ? AND code = ?')
    .get(version.id, kind, normal) as { effective_from: string | null; terminated_on: string | null } | undefined;
  if (!row) return { ...base, found: false, active: false, effectiveFrom: null, terminatedOn: null };
  const started = row.effective_from === null || row.effective_from <= date;
  const notEnded = row.terminated_on === null || date <= row.terminated_on;
  return { ...base, found: true, active: started && notEnded, effectiveFrom: row.effective_from, terminatedOn: row.terminated_on };
}
