/**
 * One ConceptIndex per entry index: an entry index is rebuilt whenever its version's word index
 * or entry sources change (entry-index-cache.ts), so keying on it keeps the concept index exactly
 * as fresh as the two it is built from.
 */
import type { CodeSystem } from '../../../../../shared/domain';
import type { EntryIndex } from '../entry-index';
import type { WordIndex } from '../word-index';
import { buildConceptIndex, type ConceptIndex } from './concept-index';

const built = new WeakMap<EntryIndex, { codes: WordIndex; index: ConceptIndex }>();

export function conceptIndexOf(codes: WordIndex, entries: EntryIndex, system: CodeSystem): ConceptIndex {
  const current = built.get(entries);
  if (current && current.codes === codes) return current.index;
  const index = buildConceptIndex(codes, entries, system === 'icd10cm');
  built.set(entries, { codes, index });
  return index;
}

export function hasConceptIndex(codes: WordIndex, entries: EntryIndex): boolean {
  return built.get(entries)?.codes === codes;
}
