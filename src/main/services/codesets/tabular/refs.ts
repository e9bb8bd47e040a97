/**
 * Code references written inside Tabular List notes: "(E11.-)", "(I10-I1A)", "(M97.0-)",
 * "(A00.0, A01.1)". Pure functions, shared by the importer (to store them) and by the edits
 * (to test a code against an Excludes1 note).
 */

// One ICD-10-CM code as written in a note: letter, digit, letter/digit, optional dotted tail.
const CODE = String.raw`[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?`;
// A range (I10-I1A), or a code with an optional trailing "-" / ".-" (all codes below it).
const REF = new RegExp(String.raw`(?<![A-Za-z0-9.])(${CODE})(?:\s?-\s?(${CODE})|(\.?-))?(?![A-Za-z0-9])`, 'g');
const PARENTHESES = /\(([^()]*)\)/g;

/**
 * The references in a note, in order, without duplicates. Only text in parentheses is read:
 * that is where the Tabular List writes codes, and it keeps words such as "vitamin B12" out.
 */
export function parseNoteRefs(text: string): string[] {
  const refs: string[] = [];
  for (const group of text.matchAll(PARENTHESES)) {
    for (const m of (group[1] ?? '').matchAll(REF)) {
      const [, first, last, open] = m;
      const ref = last ? `${first}-${last}` : `${first}${open ?? ''}`;
      if (!refs.includes(ref)) refs.push(ref);
    }
  }
  return refs;
}

const bare = (code: string): string => code.replace(/[.\s]/g, '').replace(/-$/, '').toUpperCase();

/**
 * A predicate for a code reference written in a note: "E11.-" (the category and all below),
 * "I10-I1A" (a range: every code whose category, or longer prefix, falls between the two
 * ends), "K50.0" (the code and its children). Takes normalised codes (no dot, upper case).
 */
export function codesInRef(ref: string): (normalisedCode: string) => boolean {
  const trimmed = ref.trim();
  const range = /^([A-Z0-9.]+)\s?-\s?([A-Z0-9.]+)$/i.exec(trimmed);
  if (range) {
    const from = bare(range[1] ?? '');
    const to = bare(range[2] ?? '');
    // Official code order is plain ASCII order of the normalised codes (I16 < I1A).
    return (code) => code.slice(0, from.length) >= from && code.slice(0, to.length) <= to;
  }
  const prefix = bare(trimmed);
  return (code) => prefix.length > 0 && code.startsWith(prefix);
}
