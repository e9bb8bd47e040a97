/**
 * Tabular List notes resolved for codes on a date — used by codes.show and by the edits
 * (Excludes1, code first, manifestation, 7th character). Being built (encoder issue).
 */
import type { SevenChrDef, TabularNote } from '../../../../shared/encoder';
import type { ContentDb } from '../content-db';

export interface ResolvedNotes {
  /** Every note that applies to the code: its own and those inherited from above. */
  notes: TabularNote[];
  sevenChr: { definitions: SevenChrDef[]; from: string } | null;
  /** Which Tabular List release; fallback when not the fiscal year of the date. */
  source: { label: string; fallback: boolean } | null;
  /** True when the code's title says "in diseases classified elsewhere" (a manifestation code). */
  manifestation: boolean;
}

/** Keyed by normalised code (no dot, upper case); codes the Tabular List lacks are absent. */
export function notesForCodes(_db: ContentDb, _codes: readonly string[], _date: string): Map<string, ResolvedNotes> {
  return new Map();
}

/**
 * A predicate for a code reference written in a note: "E11.-" (the category and all below),
 * "I10-I1A" (a range), "K50.0" (the code and its children).
 */
export function codesInRef(ref: string): (normalisedCode: string) => boolean {
  const bare = ref.replace(/\./g, '').replace(/-$/, '').toUpperCase();
  return (code) => code.startsWith(bare);
}
