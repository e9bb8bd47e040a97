/**
 * NCCI medically unlikely edits: units of a code on one day above the MUE value for the
 * setting (practitioner / outpatient hospital). MAI 1 is per line; MAI 2 and 3 add the lines.
 */
import type { Finding } from '../../../shared/claim';
import type { EditContext } from './context';
import { cite } from './edit-tables';
import { finding } from './finding';
import { editStatements } from './statements';

interface MueRowDb {
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
  const query = editStatements(ctx.db).mue;
  const out: Finding[] = [];
  const byCode = new Map<string, typeof px>();
  for (const p of px) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
  for (const [code, group] of byCode) {
    const row = query.get(file.id, code) as MueRowDb | undefined;
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
