/**
 * Writes an HCPCS quarter as a content version: codes and modifiers in `codes` (modifiers
 * as non-billable rows, so search ranks codes first) and their dates in `hcpcs_item`.
 * D codes (CDT, ADA copyright) and numeric codes (CPT, AMA copyright) are never stored.
 * The XREF columns go to `hcpcs_xref`, HCPCS Level II codes only (the same rule).
 */
import type { ContentDb } from '../../content-db';
import { importFailure } from '../../import-failure';
import { writeVersion, type CodeRow } from '../../version-store';
import type { FileSummary } from '../types';
import { HCPCS_CODE, type HcpcsRecord } from './hcpcs-record';

const MONTHS: Record<string, number> = { JAN: 1, APR: 4, JUL: 7, OCT: 10 };

/** The quarter from a CMS name (HCPC2025_OCT_ANWEB.xlsx), else from the newest action date. */
export function hcpcsQuarter(name: string, records: readonly HcpcsRecord[]): { label: string; from: string } | null {
  const named = /(20\d\d)[_ -]?(JAN|APR|JUL|OCT)/i.exec(name);
  let year: number;
  let month: number;
  if (named) {
    year = Number(named[1]);
    month = MONTHS[(named[2] as string).toUpperCase()] as number;
  } else {
    const newest = records.reduce<string | null>((max, r) => (r.effectiveFrom && (!max || r.effectiveFrom > max) ? r.effectiveFrom : max), null);
    if (newest === null) return null;
    year = Number(newest.slice(0, 4));
    month = Math.floor((Number(newest.slice(5, 7)) - 1) / 3) * 3 + 1;
  }
  return { label: `${year} Q${(month + 2) / 3}`, from: `${year}-${String(month).padStart(2, '0')}-01` };
}

/** Drops D and numeric codes (counted), rejects duplicates; returns what to store. */
export function keepPublicRecords(file: string, records: readonly { record: HcpcsRecord; line: number }[]) {
  const kept: HcpcsRecord[] = [];
  const seen = new Map<string, number>();
  let skippedDental = 0;
  let skippedNumeric = 0;
  for (const { record, line } of records) {
    if (record.kind === 'code' && record.code.startsWith('D')) {
      skippedDental++;
      continue;
    }
    if (record.kind === 'code' && !HCPCS_CODE.test(record.code)) {
      skippedNumeric++;
      continue;
    }
    const key = `${record.kind} ${record.code}`;
    const first = seen.get(key);
    if (first !== undefined) throw importFailure(file, line, `${record.kind} ${record.code} appears twice (first on line ${first})`);
    seen.set(key, line);
    kept.push(record);
  }
  return { kept, skippedDental, skippedNumeric };
}

export function storeHcpcs(
  db: ContentDb,
  source: { path: string; name: string; sha256: string; kind: string },
  records: readonly { record: HcpcsRecord; line: number }[],
  progress: (done: number, total: number) => void,
): FileSummary {
  const { kept, skippedDental, skippedNumeric } = keepPublicRecords(source.name, records);
  if (kept.length === 0) throw importFailure(source.name, 0, 'the file holds no HCPCS Level II codes');
  const quarter = hcpcsQuarter(source.name, kept);
  if (!quarter) throw importFailure(source.name, 0, 'no quarter in the file name and no action dates (expected a name such as HCPC2025_OCT_ANWEB.xlsx)');
  const rows: CodeRow[] = kept.map((r, i) => ({
    code: r.code,
    billable: r.kind === 'code',
    shortTitle: r.shortTitle || r.longTitle.slice(0, 28),
    longTitle: r.longTitle,
    seq: i + 1,
  }));
  const skipped = [skippedDental ? `${skippedDental} D codes` : '', skippedNumeric ? `${skippedNumeric} numeric codes` : ''].filter(Boolean);
  const note = skipped.length ? `; skipped ${skipped.join(' and ')} (not public domain)` : '; no D codes';
  return db.transaction(() => {
    const { versionId, replaced } = writeVersion(
      db,
      {
        system: 'hcpcs',
        label: quarter.label,
        effectiveFrom: quarter.from,
        effectiveTo: null,
        source: `HCPCS Level II file ${source.name}${note}`,
        sha256: source.sha256,
        isDemo: false,
      },
      rows,
      (written) => progress(written, kept.length * 2),
    );
    db.prepare('DELETE FROM hcpcs_item WHERE version_id = ?').run(versionId);
    const insert = db.prepare(
      `INSERT INTO hcpcs_item (version_id, code, kind, added_on, effective_from, terminated_on, action_code) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    kept.forEach((r, i) => {
      insert.run(versionId, r.code, r.kind, r.addedOn, r.effectiveFrom, r.terminatedOn, r.actionCode);
      if ((i + 1) % 2000 === 0) progress(kept.length + i + 1, kept.length * 2);
    });
    storeXrefs(db, versionId, kept);
    progress(kept.length * 2, kept.length * 2);
    return { path: source.path, kind: source.kind, system: 'hcpcs', label: quarter.label, codes: kept.length, replaced };
  })();
}

/** A code's cross-references that name a stored kind of code (a Level II code, not D). */
function storeXrefs(db: ContentDb, versionId: number, kept: readonly HcpcsRecord[]): void {
  db.prepare('DELETE FROM hcpcs_xref WHERE version_id = ?').run(versionId);
  const insert = db.prepare('INSERT INTO hcpcs_xref (version_id, code, seq, xref) VALUES (?, ?, ?, ?)');
  for (const r of kept) {
    if (r.kind !== 'code') continue;
    r.xrefs.forEach((xref, i) => {
      if (HCPCS_CODE.test(xref) && !xref.startsWith('D')) insert.run(versionId, r.code, i + 1, xref);
    });
  }
}
