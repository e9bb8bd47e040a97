/**
 * NCCI add-on codes: an add-on code needs one of its primary codes on the claim. Type 1 lists
 * every primary (an error without one); type 3 lists some and lets contractors add others (a
 * warning); type 2 is contractor-defined only (not checked).
 */
import type { Finding } from '../../../shared/claim';
import type { EditContext } from './context';
import { cite } from './edit-tables';
import { finding } from './finding';
import { editStatements } from './statements';

interface AocRowDb {
  primary_code: string;
  edit_type: 1 | 2 | 3;
  line: number;
}

export function aocEdits(ctx: EditContext): Finding[] {
  const { lines } = ctx;
  if (lines.setting === 'inpatient') return [];
  const px = lines.px.filter((p) => p.system !== 'icd10pcs');
  if (px.length === 0) return [];
  const table = ctx.table('aoc');
  const file = table?.files[0];
  if (!table || !file) return [];
  const query = editStatements(ctx.db).aoc;
  const present = new Set(px.map((p) => p.code));
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const p of px) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    const rows = query.all(file.id, p.code, lines.date, lines.date) as AocRowDb[];
    if (rows.length === 0) continue;
    const listed = rows.filter((r) => r.primary_code !== '*');
    if (listed.length === 0 || listed.some((r) => present.has(r.primary_code))) continue;
    const type = Math.min(...listed.map((r) => r.edit_type));
    const examples = [...new Set(listed.map((r) => r.primary_code))].slice(0, 5).join(', ');
    const more = listed.length > 5 ? ' …' : '';
    const message =
      type === 1
        ? `${p.display} is an add-on code: report it with its primary procedure (${examples}${more}).`
        : `${p.display} is an add-on code whose listed primary procedures (${examples}${more}) are not on the claim; the contractor may accept others.`;
    out.push(finding('ncci.aoc', type === 1 ? 'error' : 'warning', [p.display], message, cite(table, file.id, listed[0]!.line)));
  }
  return out;
}
