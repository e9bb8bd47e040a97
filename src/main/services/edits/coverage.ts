/**
 * What the other families could not check on this claim, said rather than passed in silence:
 * an edit table that is not imported (no NCCI PTP file is among those CodeDesk ships or has),
 * and a table that is only the demo subset while the claim's codes come from an official code
 * set (the subset holds rows for the demo codes only, so other codes would go unchecked).
 * Notes, not warnings: they need no acknowledgement, since a warning on every chart would teach
 * coders to acknowledge without reading.
 */
import type { Finding } from '../../../shared/claim';
import type { CodeSystem } from '../../../shared/domain';
import type { EditContext } from './context';
import { finding } from './finding';

interface Need {
  name: string;
  kind: string;
  variant: string;
  /** The code systems whose codes the table is looked up by. */
  systems: readonly CodeSystem[];
}

function needs(ctx: EditContext): Need[] {
  const { lines } = ctx;
  if (lines.setting === 'inpatient') {
    if (lines.dx.length === 0) return [];
    return [
      { name: 'MCE', kind: 'mce', variant: '', systems: ['icd10cm', 'icd10pcs'] },
      { name: 'POA-exempt list', kind: 'poa', variant: '', systems: ['icd10cm'] },
    ];
  }
  const variant = lines.setting === 'professional' ? 'practitioner' : 'hospital';
  const setting = variant === 'practitioner' ? 'practitioner' : 'outpatient hospital';
  const px = lines.px.filter((p) => p.system !== 'icd10pcs');
  if (px.length === 0) return [];
  const systems = ['hcpcs', 'cpt'] as const;
  const out: Need[] = [];
  // PTP pairs need two distinct codes.
  if (new Set(px.map((p) => p.code)).size >= 2) out.push({ name: `NCCI PTP (${setting})`, kind: 'ptp', variant, systems });
  out.push({ name: `NCCI MUE (${setting})`, kind: 'mue', variant, systems });
  out.push({ name: 'NCCI add-on codes', kind: 'aoc', variant: '', systems });
  return out;
}

export function coverageEdits(ctx: EditContext): Finding[] {
  const missing: string[] = [];
  const demoOnly: string[] = [];
  for (const need of needs(ctx)) {
    const table = ctx.table(need.kind, need.variant);
    if (!table) missing.push(need.name);
    else if (table.demo && need.systems.some((s) => ctx.codeSet(s)?.version.isDemo === false)) demoOnly.push(need.name);
  }
  const out: Finding[] = [];
  if (missing.length > 0) {
    const what = missing.join(', ');
    out.push(finding('edits.not-run', 'note', [], `Not run: ${what} edits (no table imported). Import the official files to run them.`, 'no edit table imported'));
  }
  if (demoOnly.length > 0) {
    const what = demoOnly.join(', ');
    out.push(
      finding('edits.demo-subset', 'note', [], `Run on the demo subset only: ${what} edits (codes outside it are not checked). Import the official files.`, 'demo edit tables (resources/demo/edits)'),
    );
  }
  return out;
}
