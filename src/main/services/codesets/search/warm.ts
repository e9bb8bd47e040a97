/**
 * Builds the word, entry and concept indexes of the versions a search on `date` would cover, so the coder's
 * first keystroke does not pay for them (about a second of CPU per large version). Hosts call
 * it once idle after start and after an import; searching builds any index still missing.
 */
import type { CodeSystem } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { versionsToSearch } from './search-codes';
import { entryIndexOf, hasFreshEntryIndex } from './entry-index-cache';
import { sourcesByVersion } from './entry-points';
import { hasFreshWordIndex, wordIndexOf } from './word-index-cache';
import { conceptIndexOf, hasConceptIndex } from './concept/concept-index-cache';

/** The systems whose index was built now (already-fresh ones are skipped); none when no code set is imported. */
export function warmSearchIndexes(db: ContentDb, date: string): CodeSystem[] {
  let versions;
  try {
    versions = versionsToSearch(db, undefined, date);
  } catch {
    return []; // no code set yet: nothing to warm
  }
  const built = new Set<CodeSystem>();
  for (const version of versions) {
    if (hasFreshWordIndex(db, version)) continue;
    wordIndexOf(db, version);
    built.add(version.system);
  }
  // Entry points (inclusion terms, index paths) and the concept index built from both are read on every keystroke too.
  const sourcesOf = sourcesByVersion(db, versions);
  for (const version of versions) {
    const sources = sourcesOf.get(version.id) ?? [];
    const fresh = hasFreshEntryIndex(db, version, sources);
    const entries = entryIndexOf(db, version, sources);
    const codes = wordIndexOf(db, version);
    if (fresh && hasConceptIndex(codes, entries)) continue;
    conceptIndexOf(db, version, codes, entries);
    built.add(version.system);
  }
  return [...built];
}
