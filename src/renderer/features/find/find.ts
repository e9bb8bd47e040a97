/** Find-in-chart text matching (pure): case-insensitive, literal, non-overlapping. */
export interface TextMatch {
  start: number;
  end: number;
}

export interface TextSegment {
  text: string;
  /** Index of the match this segment is, or null for plain text. */
  match: number | null;
}

/** Enough for any real search; a one-letter query in a long note stops here instead of freezing. */
export const MAX_MATCHES = 2000;

export function findMatches(text: string, query: string): TextMatch[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const haystack = text.toLowerCase();
  const matches: TextMatch[] = [];
  let from = 0;
  while (matches.length < MAX_MATCHES) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    matches.push({ start: at, end: at + needle.length });
    from = at + needle.length;
  }
  return matches;
}

export function splitByMatches(text: string, matches: readonly TextMatch[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  matches.forEach((m, index) => {
    if (m.start > at) segments.push({ text: text.slice(at, m.start), match: null });
    segments.push({ text: text.slice(m.start, m.end), match: index });
    at = m.end;
  });
  if (at < text.length) segments.push({ text: text.slice(at), match: null });
  return segments;
}
