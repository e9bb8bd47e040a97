/**
 * Tabular notes arranged the way the Tabular List writes them: the code's own notes first,
 * then each level above it (nearest first), each group in the List's note order.
 */
import type { HierarchyStep, NoteKind, TabularNote } from '../../../shared/encoder';
import { NOTE_KINDS } from '../../../shared/encoder';

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  includes: 'Includes',
  inclusionTerm: 'Inclusion terms',
  excludes1: 'Excludes1 — never code together',
  excludes2: 'Excludes2 — not included here; may code both',
  codeFirst: 'Code first',
  useAdditionalCode: 'Use additional code',
  codeAlso: 'Code also',
  notes: 'Note',
  sevenChrNote: '7th character note',
};

const LEVEL_LABELS: Record<HierarchyStep['level'], string> = {
  chapter: 'Chapter',
  section: 'Section',
  category: 'Category',
  subcategory: 'Subcategory',
  code: 'Code',
};

/** A level missing from the hierarchy still gets a readable name from its form. */
function guessLevel(from: string): string {
  if (/^\d+$/.test(from)) return `Chapter ${from}`;
  if (from.includes('-')) return `Section ${from}`;
  return `Level ${from}`;
}

export interface NoteGroup {
  from: string;
  /** "This code", "Category S72 Fracture of femur", "Chapter 19 Injury, poisoning …". */
  heading: string;
  inherited: boolean;
  kinds: { kind: NoteKind; notes: TabularNote[] }[];
}

export function groupNotes(notes: readonly TabularNote[], hierarchy: readonly HierarchyStep[], code: string): NoteGroup[] {
  const byFrom = new Map<string, TabularNote[]>();
  for (const note of notes) {
    const list = byFrom.get(note.from) ?? [];
    list.push(note);
    byFrom.set(note.from, list);
  }
  // Nearest level first: the code itself, then up the hierarchy to the chapter.
  const depth = (from: string): number => {
    if (from === code) return -1;
    const at = hierarchy.findIndex((h) => h.code === from);
    return at < 0 ? hierarchy.length : hierarchy.length - at;
  };
  return [...byFrom.entries()]
    .sort(([a], [b]) => depth(a) - depth(b))
    .map(([from, list]) => {
      const step = hierarchy.find((h) => h.code === from);
      const inherited = list.some((n) => n.inherited);
      const heading = !inherited || from === code ? 'This code' : step ? `${LEVEL_LABELS[step.level]} ${from} ${step.title}` : guessLevel(from);
      const kinds = NOTE_KINDS.map((kind) => ({ kind, notes: list.filter((n) => n.kind === kind) })).filter((k) => k.notes.length > 0);
      return { from, heading, inherited, kinds };
    });
}

export type NoteSegment = { text: string } | { ref: string; text: string };

/**
 * Splits a note's text around the codes it names so each can be a link. A ref not found in the
 * text is appended as its own link so it is never lost.
 */
export function splitNoteText(text: string, refs: readonly string[]): NoteSegment[] {
  const found: { start: number; end: number; ref: string }[] = [];
  const upper = text.toUpperCase();
  for (const ref of refs) {
    let from = 0;
    for (;;) {
      const start = upper.indexOf(ref.toUpperCase(), from);
      if (start < 0) break;
      const end = start + ref.length;
      if (!found.some((f) => start < f.end && end > f.start)) {
        found.push({ start, end, ref });
        break;
      }
      from = end;
    }
  }
  found.sort((a, b) => a.start - b.start);
  const segments: NoteSegment[] = [];
  let at = 0;
  for (const f of found) {
    if (f.start > at) segments.push({ text: text.slice(at, f.start) });
    segments.push({ ref: f.ref, text: text.slice(f.start, f.end) });
    at = f.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  for (const ref of refs) {
    if (!found.some((f) => f.ref === ref)) segments.push({ text: ' ' }, { ref, text: ref });
  }
  return segments;
}

/** The code a ref opens: "E11.-" → E11, "I10-I1A" → I10, "S72.0" → S72.0. */
export function refTarget(ref: string): string {
  const first = ref.split(/-(?=[A-Z0-9])/i)[0] ?? ref;
  return first.replace(/\.?-$/, '').replace(/\.$/, '').toUpperCase();
}
