/**
 * NCCI medically unlikely edits: units of a code on one day above the MUE value for the
 * setting (practitioner / outpatient hospital). MAI 1 is per line; MAI 2 and 3 add the lines.
 */
import type { Finding } from '../../../shared/claim';
import type { EditContext } from './context';
import { cite } from './edit-tables';
import { finding } from './finding';
import { editCache, rowsByCode } from './edit-cache';
import { GenerationalCache } from './generational-cache';
import { rows as readRows } from '../db/rows';
import { EDIT_SQL } from './statements';

const CODES_PER_GENERATION = 5_000;

interface MueRowDb {
  code: string;
  value: number;
  mai: 1 | 2 | 3;
  mai_label: string;
  line: number;
}

export function mueEdits(ctx: EditContext): Finding[] {
  const { lines } = ctx;
  const variant = lines.setting === 'professional' ? 'practitioner' : lines.setting === 'outpatient' ? 'hospital' : null;
  if (!variant) return [];
  const px = lines.px.filter((p) => p.system !== 'icd10pcs');
  if (px.length === 0) return [];
  const table = ctx.table('mue', variant);
  const file = table?.files[0];
  if (!table || !file) return [];
  const byCode = new Map<string, typeof px>();
  for (const p of px) {
    const group = byCode.get(p.code);
    if (group) group.push(p);
    else byCode.set(p.code, [p]);
  }
  // Codes looked up before in this file come from memory; the rest in one statement.
  const cache = editCache(ctx.db, `mue:${file.id}`, () => new GenerationalCache<string, readonly MueRowDb[]>(CODES_PER_GENERATION));
  const rows = rowsByCode(cache, byCode.keys(), (r) => r.code, (missing) => readRows<MueRowDb>(ctx.db, EDIT_SQL.mue, file.id, JSON.stringify(missing)));
  const out: Finding[] = [];
  // In claim order, as each code first appears.
  for (const [code, group] of byCode) {
    const row = rows.get(code)?.[0];
    if (!row) continue;
    const display = group[0]!.display;
    const mai = `MAI ${row.mai} ${row.mai_label}`;
    const counts = row.mai === 1 ? group.map((p) => p.units) : [group.reduce((sum, p) => sum + p.units, 0)];
    for (const units of counts) {
      if (units <= row.value) continue;
      const message =
        row.value === 0
          ? `${display} is not payable in this setting (MUE 0, ${mai}).`
          : `${units} units of ${display} exceed the ${row.value} allowed ${row.mai === 1 ? 'on one line' : 'per day'} (${mai}).`;
      out.push(finding('ncci.mue', 'error', [display], message, cite(table, file.id, row.line)));
    }
  }
  return out;
}
