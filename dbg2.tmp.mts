import { openContentDb } from './src/main/services/codesets/content-db';
import { scopeOf } from './src/main/services/codesets/search/search-scope';
import { wordIndexOf } from './src/main/services/codesets/search/word-index-cache';
import { entryIndexOf } from './src/main/services/codesets/search/entry-index-cache';
import { buildConceptIndex } from './src/main/services/codesets/search/concept/concept-index';
const db = openContentDb('/tmp/codedesk-unseen-dev/content.db');
const scope = scopeOf(db, undefined, '2026-01-15');
for (const version of scope.versions) {
  let t = performance.now();
  const codes = wordIndexOf(db, version);
  const entries = entryIndexOf(db, version, scope.sources.get(version.id) ?? [], scope.changes);
  const w = performance.now() - t;
  t = performance.now();
  const ci = buildConceptIndex(codes, entries, version.system === 'icd10cm', []);
  console.log(version.system, 'word+entry', Math.round(w), 'concept', Math.round(performance.now() - t), 'bytes MB', (ci.bytes() / 1e6).toFixed(1));
}
