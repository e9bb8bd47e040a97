/**
 * Tabular List conventions, from the notes that apply to each diagnosis (its own and those
 * written above it): Excludes1 pairs, a manifestation code without its etiology, "code
 * first" order. When the claim's year's Tabular List is not imported, the newest one's notes
 * apply and the source says so.
 */
import type { Finding } from '../../../shared/claim';
import type { TabularNote } from '../../../shared/encoder';
import { codesInRef, notesForCodes, type ResolvedNotes } from '../codesets/tabular/notes';
import type { DxLine } from './claim-lines';
import type { EditContext } from './context';
import { finding } from './finding';

function noteSource(resolved: ResolvedNotes, note: TabularNote): string {
  const label = resolved.source?.label ?? 'Tabular List';
  const fallback = resolved.source?.fallback ? '; the claim year is not imported, the newest applies' : '';
  return `ICD-10-CM Tabular List ${label}, ${note.kind} note at ${note.from}${fallback}`;
}

/** Diagnoses other than `d` that a note's references name. */
function named(note: TabularNote, d: DxLine, dx: readonly DxLine[]): DxLine[] {
  const tests = note.refs.map(codesInRef);
  return dx.filter((o) => o.index !== d.index && o.code !== d.code && tests.some((t) => t(o.code)));
}

export function tabularEdits(ctx: EditContext): Finding[] {
  const { dx } = ctx.lines;
  if (dx.length === 0) return [];
  const notes = notesForCodes(ctx.db, dx.map((d) => d.code), ctx.lines.date);
  if (notes.size === 0) return [];
  const out: Finding[] = [];
  const pairs = new Set<string>();
  for (const d of dx) {
    const resolved = notes.get(d.code);
    if (!resolved) continue;
    for (const note of resolved.notes) {
      if (note.kind === 'excludes1') {
        for (const o of named(note, d, dx)) {
          const key = [d.code, o.code].sort().join('/');
          if (pairs.has(key)) continue;
          pairs.add(key);
          out.push(finding('tabular.excludes1', 'error', [d.display, o.display], `${d.display} and ${o.display} are not coded together (Excludes1 at ${note.from}).`, noteSource(resolved, note)));
        }
      }
      if (note.kind === 'codeFirst') {
        const etiology = named(note, d, dx);
        if (etiology.length === 0 && resolved.manifestation) {
          out.push(finding('tabular.manifestation-etiology', 'error', [d.display], `${d.display} is a manifestation code: code its underlying condition first.`, noteSource(resolved, note)));
        }
        const later = etiology.filter((o) => o.index > d.index);
        if (later.length > 0 && later.length === etiology.length) {
          out.push(finding('tabular.code-first', 'warning', [d.display, ...later.map((o) => o.display)], `List ${later.map((o) => o.display).join(', ')} before ${d.display} ("code first" at ${note.from}).`, noteSource(resolved, note)));
        }
      }
    }
    if (resolved.manifestation && !resolved.notes.some((n) => n.kind === 'codeFirst') && d.principal && ctx.lines.setting !== 'inpatient') {
      out.push(finding('tabular.manifestation-first', 'error', [d.display], `${d.display} is a manifestation code: it cannot be listed first.`, `ICD-10-CM Tabular List ${resolved.source?.label ?? ''}`.trim()));
    }
  }
  return out;
}
