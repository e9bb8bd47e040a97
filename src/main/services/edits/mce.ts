/**
 * Medicare Code Editor edits (inpatient claims), from the imported "Definitions of Medicare
 * Code Edits" release in force on the date. Edits the release marks deactivated stay off.
 * Not checked: 19 (needs the length of stay), 14-16 (claim fields CodeDesk does not hold).
 */
import { withArticle } from '../../../shared/articles';
import type { Finding } from '../../../shared/claim';
import type { DxLine } from './claim-lines';
import type { EditContext } from './context';
import { cite, type EditTable } from './edit-tables';
import { finding } from './finding';
import { isActive, mceLists, onList, type MceLists } from './mce-lists';

const AGE_EDITS = [
  { part: 'A', id: 'mce.age.newborn', min: 0, max: 0, name: 'newborn (age 0)' },
  { part: 'B', id: 'mce.age.pediatric', min: 0, max: 17, name: 'pediatric (age 0 to 17)' },
  { part: 'C', id: 'mce.age.maternity', min: 9, max: 64, name: 'maternity (age 9 to 64)' },
  { part: 'D', id: 'mce.age.adult', min: 15, max: 124, name: 'adult (age 15 to 124)' },
] as const;

// Written in the text of edit 11B and 11G rather than in a list.
const PANCREAS_TRANSPLANT = ['0FYG0Z0', '0FYG0Z1'];
const KIDNEY_TRANSPLANT = ['0TY00Z0', '0TY00Z1', '0TY00Z2', '0TY10Z0', '0TY10Z1', '0TY10Z2'];
const STERILIZATION_DX = 'Z302';

interface Mce {
  ctx: EditContext;
  table: EditTable;
  fileId: number;
  lists: MceLists;
  out: Finding[];
}

function add(m: Mce, id: string, severity: Finding['severity'], codes: string[], message: string, line: number | null): void {
  m.out.push(finding(id, severity, codes, message, cite(m.table, m.fileId, line)));
}

function diagnosisEdits(m: Mce): void {
  const { lines } = m.ctx;
  const pdx = lines.principal;
  if (!pdx) return;
  const secondaries = lines.dx.filter((d) => !d.principal);
  if (isActive(m.lists, 2) && /^[VWXY]/.test(pdx.code)) {
    add(m, 'mce.external-cause-pdx', 'error', [pdx.display], `${pdx.display} is an external cause code: it cannot be the principal diagnosis.`, m.lists.edits.get('2')?.line ?? null);
  }
  if (isActive(m.lists, 3)) {
    for (const d of secondaries.filter((s) => s.code === pdx.code)) {
      add(m, 'mce.duplicate-pdx', 'error', [d.display], `${d.display} repeats the principal diagnosis as a secondary diagnosis.`, m.lists.edits.get('3')?.line ?? null);
    }
  }
  for (const age of AGE_EDITS) {
    if (!isActive(m.lists, 4, age.part)) continue;
    const years = lines.patient.age;
    if (years >= age.min && years <= age.max) continue;
    for (const d of lines.dx) {
      const entry = onList(m.lists, d.code, 4, age.part);
      if (entry) add(m, age.id, 'error', [d.display], `${d.display} is ${withArticle(age.name)} diagnosis; the patient is ${years}.`, entry.line);
    }
  }
  const manifestation = onList(m.lists, pdx.code, 6, '');
  if (manifestation && isActive(m.lists, 6)) {
    add(m, 'mce.manifestation-pdx', 'error', [pdx.display], `${pdx.display} is a manifestation code: code the underlying disease first, as principal.`, manifestation.line);
  }
  const questionable = onList(m.lists, pdx.code, 8, 'A');
  if (questionable && isActive(m.lists, 8, 'A')) {
    add(m, 'mce.questionable-admission', 'warning', [pdx.display], `${pdx.display} is not usually enough to justify an inpatient admission as principal diagnosis.`, questionable.line);
  }
  if (isActive(m.lists, 9)) unacceptablePrincipal(m, pdx, secondaries.length > 0);
  if (isActive(m.lists, 18)) {
    for (const d of lines.dx) {
      const entry = onList(m.lists, d.code, 18, '');
      if (entry) add(m, 'mce.wrong-procedure', 'error', [d.display], `${d.display} says the wrong procedure was performed: the claim needs review.`, entry.line);
    }
  }
  if (isActive(m.lists, 20)) {
    for (const d of lines.dx) {
      const entry = onList(m.lists, d.code, 20, '');
      if (entry) add(m, 'mce.unspecified', 'warning', [d.display], `${d.display} is unspecified where a more specific code (laterality) exists.`, entry.line);
    }
  }
}

function unacceptablePrincipal(m: Mce, pdx: DxLine, hasSecondary: boolean): void {
  const needsSecondary = onList(m.lists, pdx.code, 9, '', 'needs-secondary');
  if (needsSecondary) {
    if (!hasSecondary) add(m, 'mce.unacceptable-pdx', 'error', [pdx.display], `${pdx.display} is acceptable as principal only with a secondary diagnosis.`, needsSecondary.line);
    return;
  }
  const entry = onList(m.lists, pdx.code, 9, '', '');
  if (entry) add(m, 'mce.unacceptable-pdx', 'error', [pdx.display], `${pdx.display} is not acceptable as principal diagnosis.`, entry.line);
}

function procedureEdits(m: Mce): void {
  const { lines } = m.ctx;
  const pcs = lines.px.filter((p) => p.system === 'icd10pcs');
  if (pcs.length === 0) return;
  const dxOn = (part: string, grp?: string): boolean => lines.dx.some((d) => onList(m.lists, d.code, 11, part, grp) !== null);
  const hasPx = (codes: readonly string[]): boolean => pcs.some((p) => codes.includes(p.code));
  for (const p of pcs) {
    const entries = m.lists.codes.get(p.code) ?? [];
    for (const e of entries) {
      if (e.edit === 11 && isActive(m.lists, 11, e.part)) {
        const noncovered =
          e.part === 'A' ||
          (e.part === 'D' && e.grp === 'procedures' && dxOn('D', 'diagnoses')) ||
          (e.part === 'F' && lines.patient.age > 60) ||
          (e.part === 'G' && lines.dx.some((d) => d.code === STERILIZATION_DX));
        if (noncovered) add(m, 'mce.noncovered', 'error', [p.display], `${p.display} is a procedure Medicare does not cover in these circumstances (MCE 11${e.part}).`, e.line);
      }
      if (e.edit === 17 && e.part === 'A' && isActive(m.lists, 17, 'A')) {
        add(m, 'mce.limited-coverage', 'warning', [p.display], `${p.display} has limited Medicare coverage: payment may be reduced.`, e.line);
      }
      if (e.edit === 8 && e.part === 'B' && (e.grp === '1' || e.grp === '2') && isActive(m.lists, 8, 'B')) {
        const outcome = lines.dx.some((d) => !d.principal && onList(m.lists, d.code, 8, 'B', '3') !== null);
        if (!outcome) add(m, 'mce.questionable-admission', 'warning', [p.display], `${p.display} is a delivery procedure without an outcome-of-delivery (Z37) secondary diagnosis.`, e.line);
      }
    }
  }
  // 11B: a pancreas transplant alone, without kidney transplant or a listed diagnosis.
  if (isActive(m.lists, 11, 'B') && hasPx(PANCREAS_TRANSPLANT) && !hasPx(KIDNEY_TRANSPLANT) && !dxOn('B')) {
    const codes = pcs.filter((p) => PANCREAS_TRANSPLANT.includes(p.code)).map((p) => p.display);
    add(m, 'mce.noncovered', 'error', codes, 'A pancreas transplant alone is not covered without a kidney transplant or a listed diabetes diagnosis (MCE 11B).', m.lists.edits.get('11B')?.line ?? null);
  }
}

export function mceEdits(ctx: EditContext): Finding[] {
  if (ctx.lines.setting !== 'inpatient') return [];
  const table = ctx.table('mce');
  const file = table?.files[0];
  if (!table || !file) return [];
  const m: Mce = { ctx, table, fileId: file.id, lists: mceLists(ctx.db, file.id), out: [] };
  diagnosisEdits(m);
  procedureEdits(m);
  return m.out;
}
