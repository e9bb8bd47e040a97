import { openContentDb } from './src/main/services/codesets/content-db';
import { scopeOf } from './src/main/services/codesets/search/search-scope';
import { parseQuery } from './src/main/services/codesets/search/concept/parse-query';
import { resolveSlot } from './src/main/services/codesets/search/concept/resolve-slots';
import { coderVocabulary } from './src/main/services/codesets/search/concept/coder-vocabulary';
import { bundledSynonyms } from './src/main/services/codesets/search/synonyms';
import { wordIndexOf } from './src/main/services/codesets/search/word-index-cache';
import { entryIndexOf } from './src/main/services/codesets/search/entry-index-cache';
import { conceptIndexOf } from './src/main/services/codesets/search/concept/concept-index-cache';
const db = openContentDb('/tmp/codedesk-unseen-dev/content.db');
const scope = scopeOf(db, undefined, '2026-01-15');
const version = scope.versions[0]!;
const codes = wordIndexOf(db, version);
const index = conceptIndexOf(db, version, codes, entryIndexOf(db, version, scope.sources.get(version.id) ?? [], scope.changes));
const parsed = parseQuery(process.argv[2]!, coderVocabulary(bundledSynonyms()));
console.log(JSON.stringify(parsed.slots.map((s) => [s.typed, s.open, s.negated, s.dose, s.readings.map((r) => r.label)])));
for (const s of parsed.slots) { const r = resolveSlot(s, index); console.log(s.typed, r.importance.toFixed(2), r.alternatives.map((a) => [a.label, a.factor, a.groups.map((g) => g.ids.length + '@' + g.idf.toFixed(1))])); }
console.log(index.prefixIds('kidn', 16).length, index.termId('kidnei'), index.termId('kidn'));
import { rankConcepts } from './src/main/services/codesets/search/concept/rank-concepts';
for (const h of rankConcepts(db, scope, process.argv[2]!, coderVocabulary(bundledSynonyms()), 8)) console.log(h.row.display_code, h.score.toFixed(3), h.row.long_title.slice(0, 60), h.matchedBy?.text);
import { scoreVersion } from './src/main/services/codesets/search/concept/score-version';
{
  const slots = parsed.slots.map((s) => resolveSlot(s, index));
  const sc = scoreVersion(index, slots, parsed.slots.map((s) => s.concept), slots.map(() => true));
  const o = codes.codesBetween('E0822', 'E0822\u0000', 1)[0]!;
  const o2 = codes.codesBetween('E08311', 'E08311\u0000', 1)[0]!;
  console.log('total', sc.total, 'E08.22', sc.cover[o], 'E08.311', sc.cover[o2], 'w kidnei', index.weightOf(563, o), 'diab ids', slots[0]!.alternatives[0]!.groups[0]!.ids, index.weightOf(slots[0]!.alternatives[0]!.groups[0]!.ids[0]!, o));
  sc.release();
}
