/**
 * Code search as you type, over every version that applies to the date. Order: exact code,
 * then codes starting with what was typed (code order), then word matches from titles,
 * synonyms and entry points (search/candidates.ts ranks them); typo corrections and partial
 * matches only when those find too little. Codes not in force on the date (in-force.ts) are
 * left out, unless typed exactly: then they come flagged and not billable. Headers come below
 * their billable children (header-children.ts).
 */
import type { CodeHit, CodeSystem, ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { normaliseCode } from '../code-format';
import { ROWID_SPAN } from '../version-store';
import { CandidateSet } from './candidates';
import { bundledSynonyms, expandSynonyms, type SynonymTable } from './synonyms';
import { weakPasses } from './word-passes';
import { rankConcepts } from './concept/rank-concepts';
import { coderVocabulary } from './concept/coder-vocabulary';
import { queryWords, wordsOf } from './title-words';
import type { CodeRowDb } from '../statements';
import { scopeOf } from './search-scope';
import { orderSeventhCharacterSiblings } from './seventh-siblings';
import { wordIndexOf } from './word-index-cache';
import { datesOf, isOutOfForce, outOfForceOf, type OutOfForce } from './in-force';
import { withHeaderChildren } from './header-children';

export interface SearchInput {
  query: string;
  system?: CodeSystem;
  /** ISO date that selects the version in force; without it the newest version is searched, as of today. */
  date?: string;
  limit: number;
}

const MAX_QUERY = 200;
/** An abbreviation typed alone is this short or shorter: "mi" means the synonym, not "Miosis". */
const ABBREVIATION_LENGTH = 5;

const MAX_LIMIT = 200;
/** Concept hits beyond the limit, for those `add` leaves out (codes not in force on the date). */
const CONCEPT_SPARE = 10;
/** Longest code of any system (PCS, and CM with its 7th character). */
const CODE_LIKE = /^[0-9A-Z]{1,7}$/;
/** Descendants of a header read to choose its children (E11 has about 300; S72 far more, rarely all wanted). */
const MAX_DESCENDANTS_READ = 1000;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The versions a search covers: the given system's (NO_CODE_SET when it has none), or every
 * system that has one (NO_CODE_SET when none has).
 */
export function versionsToSearch(db: ContentDb, system?: CodeSystem, date?: string): ContentVersion[] {
  return [...scopeOf(db, system, date).versions];
}

export function searchCodes(db: ContentDb, input: SearchInput, synonyms: SynonymTable = bundledSynonyms()): CodeHit[] {
  const scope = scopeOf(db, input.system, input.date);
  const versions = scope.versions;
  const query = input.query.slice(0, MAX_QUERY).trim();
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(input.limit)));
  if (query === '') return [];

  const day = input.date ?? today();
  const versionOf = new Map<CodeSystem, ContentVersion>(versions.map((v) => [v.system, v]));
  const outOfForce = new Map<CodeSystem, OutOfForce | null>(versions.map((v) => [v.system, outOfForceOf(db, v, day)]));
  const inForce = (system: CodeSystem, id: number) => !isOutOfForce(outOfForce.get(system) ?? null, id);

  const hits: CodeHit[] = [];
  // Row ids name codes: one version per system is searched, with one row per code.
  const seen = new Set<number>();
  // Hits found by their code, not their words: they keep their place (header-children.ts).
  const byCodeHits = new Set<CodeHit>();
  const add = (system: CodeSystem, row: CodeRowDb, matchedBy?: CodeHit['matchedBy'], typed = false) => {
    if (seen.has(row.id) || hits.length >= limit) return;
    const current = inForce(system, row.id);
    // Only the code typed exactly may be one not in force, and then never as billable.
    if (!current && !typed) return;
    seen.add(row.id);
    const hit = hitOf(system, row);
    if (matchedBy) hit.matchedBy = matchedBy;
    if (!current) Object.assign(hit, { billable: false }, datesOf(db, versionOf.get(system)!.id, row.code, day));
    hits.push(hit);
    return hit;
  };
  const addByCode = (system: CodeSystem, row: CodeRowDb, typed = false) => {
    const hit = add(system, row, undefined, typed);
    if (hit) byCodeHits.add(hit);
  };

  const byCode = codeMatches(db, versions, query, limit);
  for (const { system, row } of byCode.exact) addByCode(system, row, true);
  const exactCount = hits.length;
  const words = queryWords(query);
  const sequence = wordsOf(query);
  // A short abbreviation ("dm2", "pe") means its synonym before the codes that happen to start with it.
  const abbreviation = sequence.join('').length <= ABBREVIATION_LENGTH && expandSynonyms(synonyms, sequence).some((e) => e.synonym.typed.length === sequence.length);
  // Codes that fill the list make word matches moot, unless the query is also a synonym ("dm2").
  const needWords = hits.length + byCode.prefix.length < limit || abbreviation;
  const concepts = words.length > 0 && needWords ? rankConcepts(db, scope, query, coderVocabulary(synonyms), limit + CONCEPT_SPARE, day) : [];
  if (!abbreviation) for (const { system, row } of byCode.prefix) addByCode(system, row);
  // Typo corrections and partial matches for words, when nothing else matched at all.
  if (words.length > 0 && concepts.length === 0 && hits.length === 0 && byCode.prefix.length === 0) {
    const candidates = new CandidateSet();
    weakPasses(db, versions, { words, sequence }, synonyms, limit, candidates);
    for (const c of candidates.ranked()) add(c.system, c.row, c.matchedBy);
  }
  for (const c of concepts) add(c.system, c.row, c.matchedBy);
  if (abbreviation) for (const { system, row } of byCode.prefix) addByCode(system, row);
  // The exact code typed stays first; its siblings below it are ordered like the rest. Concept
  // hits already put siblings in order (the encounter typed first, else Tabular order).
  const ranked = new Set(concepts.map((c) => `${c.system}|${c.row.display_code}`));
  orderSeventhCharacterSiblings(hits, exactCount, (hit) => !ranked.has(`${hit.system}|${hit.code}`));
  const descendantsOf = (header: CodeHit): CodeHit[] => {
    const version = versionOf.get(header.system);
    if (!version) return [];
    const index = wordIndexOf(db, version);
    const code = normaliseCode(header.system, header.code);
    return index
      .codesBetween(code, `${code}~`, MAX_DESCENDANTS_READ)
      // An ordinal is the id's offset in its version's span (word-index-cache.ts).
      .filter((o) => index.isBillable(o) && inForce(header.system, version.id * ROWID_SPAN + o))
      .map((o) => hitOf(header.system, index.row(o)));
  };
  return withHeaderChildren(hits, limit, descendantsOf, (hit) => byCodeHits.has(hit));
}

function hitOf(system: CodeSystem, row: CodeRowDb): CodeHit {
  return { system, code: row.display_code, title: row.long_title, billable: row.billable === 1 };
}

interface Tagged<R> {
  system: CodeSystem;
  row: R;
}

function codeMatches(
  db: ContentDb,
  versions: readonly ContentVersion[],
  query: string,
  limit: number,
): { exact: Tagged<CodeRowDb>[]; prefix: Tagged<CodeRowDb>[] } {
  const exact: Tagged<CodeRowDb>[] = [];
  const prefix: Tagged<CodeRowDb>[] = [];
  for (const version of versions) {
    const typed = normaliseCode(version.system, query);
    if (!CODE_LIKE.test(typed)) continue;
    // Codes are [0-9A-Z], all below '~': [typed, typed + '~') is every code starting with typed.
    const index = wordIndexOf(db, version);
    for (const ordinal of index.codesBetween(typed, `${typed}~`, limit)) {
      const row = index.row(ordinal);
      (row.code === typed ? exact : prefix).push({ system: version.system, row });
    }
  }
  return { exact, prefix };
}
