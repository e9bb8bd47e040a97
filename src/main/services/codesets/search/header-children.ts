/**
 * Never only a header: a non-billable ICD-10-CM header (E05.0) in a result list stands where
 * a code that can be billed should. Each such header is preceded, in its place, by its billable
 * descendants that the list does not hold yet (best first, at most MAX_CHILDREN), and the
 * header moves below them; when it has none to add but one is listed below it, the header moves
 * to just after the first of those. Hits found by their code (the exact code typed, or codes
 * starting with what was typed: a list in code order, children already under their header)
 * keep their place, as do headers without billable descendants and the hits of other systems
 * (an HCPCS non-billable row is a modifier, whose two characters are no code's parent).
 */
import type { CodeHit } from '../../../../shared/domain';

export const MAX_CHILDREN = 4;

/** The billable descendants of a header hit (in force on the search date), in any order. */
export type DescendantsOf = (header: CodeHit) => readonly CodeHit[];

const keyOf = (hit: CodeHit) => `${hit.system}:${hit.code}`;
const UNSPECIFIED = /\bunspecified\b/i;

/** A title saying "unspecified" first (the code to reach for without more detail), then the shortest, then code order. */
export function compareChildren(a: CodeHit, b: CodeHit): number {
  return (
    Number(UNSPECIFIED.test(b.title)) - Number(UNSPECIFIED.test(a.title)) ||
    a.title.length - b.title.length ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** A new list with headers below their children (hits for which `keepsPlace` holds stay as they are); at most `limit` hits. */
export function withHeaderChildren(
  hits: readonly CodeHit[],
  limit: number,
  descendantsOf: DescendantsOf,
  keepsPlace: (hit: CodeHit) => boolean = () => false,
): CodeHit[] {
  const listed = new Set(hits.map(keyOf));
  const out: CodeHit[] = [];
  // Headers waiting for a listed descendant further down: key of that descendant -> headers.
  const waiting = new Map<string, CodeHit[]>();
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    const held = waiting.get(keyOf(hit));
    if (hit.billable || hit.system !== 'icd10cm' || keepsPlace(hit)) {
      out.push(hit);
      if (held) out.push(...held);
      waiting.delete(keyOf(hit));
      continue;
    }
    const descendants = descendantsOf(hit);
    const added = descendants
      .filter((d) => !listed.has(keyOf(d)))
      .sort(compareChildren)
      .slice(0, MAX_CHILDREN);
    for (const child of added) listed.add(keyOf(child));
    if (added.length > 0) {
      out.push(...added, hit);
    } else {
      const below = firstListedBelow(hits, i, descendants);
      if (below === null) out.push(hit);
      else waiting.set(below, [...(waiting.get(below) ?? []), hit]);
    }
    if (held) out.push(...held);
    waiting.delete(keyOf(hit));
  }
  return out.slice(0, limit);
}

/** Key of the first of `descendants` listed after position i, or null. */
function firstListedBelow(hits: readonly CodeHit[], i: number, descendants: readonly CodeHit[]): string | null {
  if (descendants.length === 0) return null;
  const wanted = new Set(descendants.map(keyOf));
  for (let k = i + 1; k < hits.length; k++) if (wanted.has(keyOf(hits[k]!))) return keyOf(hits[k]!);
  return null;
}
