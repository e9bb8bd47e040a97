/**
 * NCCI procedure-to-procedure edits: the practitioner table for professional claims, the
 * outpatient hospital table for outpatient facility claims. A column-2 code is not paid with
 * its column-1 code unless the modifier indicator is 1 and a bypass modifier is on either line.
 */
import type { Finding } from '../../../shared/claim';
import type { EditContext } from './context';
import { cite } from './edit-tables';
import { finding } from './finding';
import { editStatements } from './statements';

/** 59, the X{EPSU} modifiers, and the anatomic modifiers NCCI accepts. */
export const PTP_BYPASS_MODIFIERS = new Set([
  '59', 'XE', 'XS', 'XP', 'XU',
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9',
  'LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI',
]);

interface PtpRowDb {
  col1: string;
  col2: string;
  modifier: 0 | 1 | 9;
  rationale: string;
  line: number;
}

export function ptpEdits(ctx: EditContext): Finding[] {
  const { lines } = ctx;
  const variant = lines.setting === 'professional' ? 'practitioner' : lines.setting === 'outpatient' ? 'hospital' : null;
  if (!variant) return [];
  const px = lines.px.filter((p) => p.system !== 'icd10pcs');
  if (px.length < 2) return [];
  const table = ctx.table('ptp', variant);
  if (!table) return [];
  const query = editStatements(ctx.db).ptpPairs;
  const codes = JSON.stringify([...new Set(px.map((p) => p.code))]);
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const file of table.files) {
    for (const row of query.all(file.id, codes, codes, lines.date, lines.date) as PtpRowDb[]) {
      if (row.modifier === 9 || row.col1 === row.col2) continue;
      const key = `${row.col1}/${row.col2}`;
      if (reported.has(key)) continue;
      const firsts = px.filter((p) => p.code === row.col1);
      const seconds = px.filter((p) => p.code === row.col2);
      const modifiers = [...firsts, ...seconds].flatMap((p) => p.modifiers);
      if (row.modifier === 1 && modifiers.some((m) => PTP_BYPASS_MODIFIERS.has(m))) continue;
      reported.add(key);
      const first = firsts[0]!.display;
      const second = seconds[0]!.display;
      const why = row.rationale ? ` (${row.rationale})` : '';
      const message =
        row.modifier === 0
          ? `${second} is not paid with ${first} on the same day${why}; no modifier allows it.`
          : `${second} is not paid with ${first} on the same day${why} unless a distinct-service modifier (59, XE, XS, XP, XU or anatomic) applies.`;
      out.push(finding('ncci.ptp', 'error', [first, second], message, cite(table, file.id, row.line)));
    }
  }
  return out;
}
