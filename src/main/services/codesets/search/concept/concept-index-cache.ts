/**
 * One ConceptIndex per entry index: an entry index is rebuilt whenever its version's word index
 * or entry sources change (entry-index-cache.ts), so keying on it keeps the concept index exactly
 * as fresh as the two it is built from.
 */
import type { ContentVersion } from '../../../../../shared/domain';
import type { ContentDb } from '../../content-db';
import { ROWID_SPAN } from '../../version-store';
import type { EntryIndex } from '../entry-index';
import type { WordIndex } from '../word-index';
import { buildConceptIndex, type ConceptIndex } from './concept-index';

const built = new WeakMap<EntryIndex, { codes: WordIndex; index: ConceptIndex }>();

export function conceptIndexOf(db: ContentDb, version: ContentVersion, codes: WordIndex, entries: EntryIndex): ConceptIndex {
  const current = built.get(entries);
  if (current && current.codes === codes) return current.index;
  const index = buildConceptIndex(codes, entries, version.system === 'icd10cm', shortTitlesOf(db, version.id));
  built.set(entries, { codes, index });
  return index;
}

export function hasConceptIndex(codes: WordIndex, entries: EntryIndex): boolean {
  return built.get(entries)?.codes === codes;
}

/** The version's short titles by ordinal (id order, as the word index holds its codes). */
function shortTitlesOf(db: ContentDb, versionId: number): string[] {
  return db
    .prepare('SELECT short_title FROM codes WHERE id >= ? AND id < ? AND version_id = ? ORDER BY id')
    .pluck()
    .all(versionId * ROWID_SPAN, (versionId + 1) * ROWID_SPAN, versionId) as string[];
}
