/**
 * ICD-10-CM codes that differ only in their 7th character (S72.032A / D / S: initial encounter,
 * subsequent encounter, sequela) match the same words, and the static rank puts the shortest
 * title first, which makes "sequela" lead. Within the places such siblings hold in a result
 * list, they are put in Tabular order instead (A, B, C, D, …, S, which is alphabetical), so the
 * initial encounter a coder most often wants comes first. Nothing else moves.
 */
import type { CodeHit } from '../../../../shared/domain';

/** A 7-character ICD-10-CM code as displayed (ABC.DEFG): its first six characters. */
function stemOf(hit: CodeHit): string | null {
  if (hit.system !== 'icd10cm' || hit.code.length !== 8) return null;
  return hit.code.slice(0, 7);
}

/**
 * Reorders, in place, siblings among hits[from…] that `movable` allows (word hits ranked by
 * concept already order siblings by what was typed); returns the same array.
 */
export function orderSeventhCharacterSiblings(hits: CodeHit[], from = 0, movable: (hit: CodeHit) => boolean = () => true): CodeHit[] {
  const groups = new Map<string, number[]>();
  for (let i = from; i < hits.length; i += 1) {
    if (!movable(hits[i]!)) continue;
    const stem = stemOf(hits[i]!);
    if (stem === null) continue;
    const at = groups.get(stem);
    if (at) at.push(i);
    else groups.set(stem, [i]);
  }
  for (const positions of groups.values()) {
    if (positions.length < 2) continue;
    const members = positions.map((i) => hits[i]!).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    positions.forEach((position, k) => {
      hits[position] = members[k]!;
    });
  }
  return hits;
}
