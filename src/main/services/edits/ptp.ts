/**
 * NCCI procedure-to-procedure edits: the practitioner table for professional claims, the
 * outpatient hospital table for outpatient facility claims. A column-2 code is not paid with
 * its column-1 code unless the modifier indicator is 1 and a bypass modifier is on either line.
 */
import type { Finding } from '../../../shared/claim';
import type { EditContext } from './context';
import { cite } from './edit-tables';
import { finding } from './finding';
import { ptpPairs, type PtpRow } from './ptp-pairs';

/** 59, the X{EPSU} modifiers, and the anatomic modifiers NCCI accepts. */
export const PTP_BYPASS_MODIFIERS = new Set([
  '59', 'XE', 'XS', 'XP', 'XU',
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9',
  'LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI',
]);

interface PtpHit {
  col1: string;
  col2: string;
  row: PtpRow;
}

/** What the edit needs of each code's lines: the first one's display, and any bypass modifier. */
interface CodeLines {
  display: string;
  bypass: boolean;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The order SQLite listed the rows in: by file, then pair, then start date. */
function byFileAndPair(a: PtpHit, b: PtpHit): number {
  return a.row.fileIndex - b.row.fileIndex || compareText(a.col1, b.col1) || compareText(a.col2, b.col2) || compareText(a.row.from, b.row.from);
}

export function ptpEdits(ctx: EditContext): Finding[] {
  const { lines } = ctx;
  const variant = lines.setting === 'professional' ? 'practitioner' : lines.setting === 'outpatient' ? 'hospital' : null;
  if (!variant) return [];
  const px = lines.px.filter((p) => p.system !== 'icd10pcs');
  if (px.length < 2) return [];
  const table = ctx.table('ptp', variant);
  if (!table) return [];
  const byCode = new Map<string, CodeLines>();
  for (const p of px) {
    const bypass = p.modifiers.some((m) => PTP_BYPASS_MODIFIERS.has(m));
    const known = byCode.get(p.code);
    if (known) known.bypass ||= bypass;
    else byCode.set(p.code, { display: p.display, bypass });
  }
  const date = lines.date;
  const hits: PtpHit[] = [];
  for (const { col1, col2, rows } of ptpPairs(ctx.db, table.files, [...byCode.keys()])) {
    for (const row of rows) {
      if (row.from <= date && (row.to === null || row.to >= date)) hits.push({ col1, col2, row });
    }
  }
  hits.sort(byFileAndPair);
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const { col1, col2, row } of hits) {
    const key = `${col1} ${col2}`;
    if (reported.has(key)) continue;
    const first = byCode.get(col1)!;
    const second = byCode.get(col2)!;
    // A bypass modifier on any line of either code lifts an indicator-1 edit.
    if (row.modifier === 1 && (first.bypass || second.bypass)) continue;
    reported.add(key);
    const why = row.rationale ? ` (${row.rationale})` : '';
    const message =
      row.modifier === 0
        ? `${second.display} is not paid with ${first.display} on the same day${why}; no modifier allows it.`
        : `${second.display} is not paid with ${first.display} on the same day${why} unless a distinct-service modifier (59, XE, XS, XP, XU or anatomic) applies.`;
    const file = table.files[row.fileIndex]!;
    out.push(finding('ncci.ptp', 'error', [first.display, second.display], message, cite(table, file.id, row.line)));
  }
  return out;
}
