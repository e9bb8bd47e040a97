/**
 * NCCI add-on codes: an add-on code needs one of its primary codes on the claim. Type 1 lists
 * every primary (an error without one); type 3 lists some and lets contractors add others (a
 * warning); type 2 is contractor-defined only (not checked).
 */
import type { Finding } from '../../../shared/claim';
import type { EditContext } from './context';
import { cite } from './edit-tables';
import { finding } from './finding';
import { editCache, rowsByCode } from './edit-cache';
import { GenerationalCache } from './generational-cache';
import { rows } from '../db/rows';
import { EDIT_SQL } from './statements';

interface AocRowDb {
  addon: string;
  primary_code: string;
  edit_type: 1 | 2 | 3;
  effective_from: string;
  effective_to: string | null;
  line: number;
}

const CODES_PER_GENERATION = 5_000;

export function aocEdits(ctx: EditContext): Finding[] {
  const { lines } = ctx;
  if (lines.setting === 'inpatient') return [];
  const px = lines.px.filter((p) => p.system !== 'icd10pcs');
  if (px.length === 0) return [];
  const table = ctx.table('aoc');
  const file = table?.files[0];
  if (!table || !file) return [];
  const present = new Set(px.map((p) => p.code));
  // Codes looked up before in this file come from memory; the rest in one statement.
  const cache = editCache(ctx.db, `aoc:${file.id}`, () => new GenerationalCache<string, readonly AocRowDb[]>(CODES_PER_GENERATION));
  const byAddon = rowsByCode(cache, present, (r) => r.addon, (missing) => rows<AocRowDb>(ctx.db, EDIT_SQL.aoc, file.id, JSON.stringify(missing)));
  const date = lines.date;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const p of px) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    const rows = (byAddon.get(p.code) ?? []).filter((r) => r.effective_from <= date && (r.effective_to === null || r.effective_to >= date));
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
