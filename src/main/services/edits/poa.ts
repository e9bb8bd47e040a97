/**
 * Present on admission (inpatient): every diagnosis needs Y, N, U or W unless the POA-exempt
 * list in force says it is exempt (then blank or 1).
 */
import type { Finding } from '../../../shared/claim';
import type { EditContext } from './context';
import { cite } from './edit-tables';
import { finding } from './finding';
import { rows as readRows } from '../db/rows';
import { codeList, EDIT_SQL } from './statements';

const REPORTED = new Set(['Y', 'N', 'U', 'W']);

export function poaEdits(ctx: EditContext): Finding[] {
  if (ctx.lines.setting !== 'inpatient') return [];
  const table = ctx.table('poa');
  const file = table?.files[0];
  // Exempt codes of the claim and their lines, in one statement.
  const exempt = new Map<string, number>();
  if (file && ctx.lines.dx.length > 0) {
    const rows = readRows<{ code: string; line: number }>(ctx.db, EDIT_SQL.poaExempt, file.id, codeList(ctx.lines.dx.map((d) => d.code)));
    for (const row of rows) exempt.set(row.code, row.line);
  }
  const out: Finding[] = [];
  for (const d of ctx.lines.dx) {
    const value = (d.poa ?? '').toUpperCase();
    const line = exempt.get(d.code);
    const source = table && file ? cite(table, file.id, line ?? null) : 'no POA-exempt list imported';
    if (line !== undefined) {
      if (value !== '' && value !== '1') {
        out.push(finding('poa.exempt', 'warning', [d.display], `${d.display} is exempt from POA reporting: leave POA blank (or 1) instead of ${value}.`, source));
      }
      continue;
    }
    if (value === '') {
      // Without the exempt list an exempt code cannot be told apart: a warning, not a block.
      const severity = file ? 'error' : 'warning';
      out.push(finding('poa.missing', severity, [d.display], `Choose a present-on-admission indicator (Y, N, U or W) for ${d.display}.`, source));
    } else if (!REPORTED.has(value)) {
      const why = value === '1' ? '1 is only for codes on the POA-exempt list' : `${value} is not a POA value (use Y, N, U or W)`;
      // 1 on a code that may be exempt cannot be refused without the list: a warning, as above.
      const severity = file || value !== '1' ? 'error' : 'warning';
      out.push(finding('poa.invalid', severity, [d.display], `POA for ${d.display}: ${why}.`, source));
    }
  }
  return out;
}
