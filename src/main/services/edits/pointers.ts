/**
 * Diagnosis pointers (CMS-1500 box 24E) on professional claims: every CPT/HCPCS line points at
 * 1 to 4 of the first 12 diagnoses, each one there and billable, and its first (the line's
 * primary diagnosis) neither an external cause nor a manifestation code (Tabular List: "in
 * diseases classified elsewhere"). Facility claims (UB-04) have no line pointers.
 */
import type { Finding } from '../../../shared/claim';
import { POINTER_LETTERS } from '../../../shared/claim';
import { notesForCodes } from '../codesets/tabular/notes';
import type { DxLine, LinePointer, PxLine } from './claim-lines';
import type { EditContext } from './context';
import { finding } from './finding';

const STRUCTURE = 'claim';
const GUIDELINES = 'ICD-10-CM Official Guidelines for Coding and Reporting, section I.C.20';

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
};

function dangling(line: PxLine, p: LinePointer, dxCount: number): Finding {
  const message =
    p.by === 'letter'
      ? `${line.display} points at diagnosis ${p.given}, but the claim lists ${dxCount === 0 ? 'no diagnoses' : `only ${dxCount} (A–${POINTER_LETTERS[dxCount - 1]})`}.`
      : `${line.display} points at ${p.given}, which is no longer among the diagnoses: point it at a listed diagnosis.`;
  return finding('px.pointer-dangling', 'error', [line.display, p.given], message, STRUCTURE);
}

export function pointerEdits(ctx: EditContext): Finding[] {
  const { lines } = ctx;
  const px = lines.px.filter((p) => p.system !== 'icd10pcs');
  if (lines.setting !== 'professional') {
    const given = px.filter((p) => p.pointers.length > 0).map((p) => p.display);
    if (given.length === 0) return [];
    return [finding('px.pointer-facility', 'warning', given, 'Facility claims (UB-04) carry no diagnosis pointers on their lines; these are ignored.', STRUCTURE)];
  }
  const out: Finding[] = [];
  /** Each line's valid first pointer, for the Tabular List check after the loop. */
  const primaries: { line: PxLine; dx: DxLine }[] = [];
  const set = ctx.codeSet('icd10cm');
  const pointed = px.flatMap((p) => p.pointers.flatMap((q) => (q.dx ? [q.dx.code] : [])));
  const found = set ? set.find(pointed) : null;
  for (const line of px) {
    if (line.pointers.length === 0) {
      out.push(finding('px.pointer-missing', 'error', [line.display], `${line.display} has no diagnosis pointer: point it at the diagnosis it treats (A–L).`, STRUCTURE));
      continue;
    }
    line.pointers.forEach((p, i) => {
      const dx = p.dx;
      if (!dx) {
        out.push(dangling(line, p, lines.dx.length));
        return;
      }
      if (dx.index >= POINTER_LETTERS.length) {
        const message = `${line.display} points at ${dx.display}, the ${ordinal(dx.index + 1)} diagnosis: a claim line can point only at the first 12 (A–L). Move it up or point at another.`;
        out.push(finding('px.pointer-beyond-l', 'error', [line.display, dx.display], message, STRUCTURE));
        return;
      }
      // Unknown and header codes: validity names the code itself; here, the line that relies on it.
      const row = found?.get(dx.code);
      if (found && (!row || row.billable !== 1)) {
        const what = row ? 'a header, not a billable code' : 'not a valid code on the date of service';
        out.push(finding('px.pointer-not-billable', 'error', [line.display, dx.display], `${line.display} points at ${dx.display}, which is ${what}.`, STRUCTURE));
        return;
      }
      if (i === 0 && /^[VWXY]/.test(dx.code)) {
        const message = `${line.display} lists ${dx.display} first, an external cause code: it can never be a line's primary diagnosis. Point at the injury or condition first.`;
        out.push(finding('px.pointer-external-cause-first', 'error', [line.display, dx.display], message, GUIDELINES));
      } else if (i === 0) primaries.push({ line, dx });
    });
  }
  manifestationFirst(ctx, primaries, out);
  return out;
}

/** The claim-level rule (tabular.manifestation-first) for each line's own primary diagnosis. */
function manifestationFirst(ctx: EditContext, primaries: readonly { line: PxLine; dx: DxLine }[], out: Finding[]): void {
  if (primaries.length === 0) return;
  const notes = notesForCodes(ctx.db, [...new Set(primaries.map((p) => p.dx.code))], ctx.lines.date);
  for (const { line, dx } of primaries) {
    const resolved = notes.get(dx.code);
    if (!resolved?.manifestation) continue;
    const message = `${line.display} lists ${dx.display} first, a manifestation code: point at its underlying condition first.`;
    out.push(finding('px.pointer-manifestation-first', 'error', [line.display, dx.display], message, `ICD-10-CM Tabular List ${resolved.source?.label ?? ''}`.trim()));
  }
}
