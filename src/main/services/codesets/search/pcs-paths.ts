/**
 * PCS index terms that lead to a table or a partial code ("Cholecystectomy > see Resection,
 * Gallbladder 0FT4") as search paths: the codes under that target, narrowed by the other typed
 * words the way PCS names them (laparoscopic → Percutaneous Endoscopic, left → Left). Entry
 * points with a full code are read by entry-points.ts; these are the ones it cannot join.
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { wordsOf } from '../search-words';
import type { CodeRowDb } from '../statements';
import { type CandidateSet, Quality } from './candidates';
import { isNarrowingWord, termHints, titleWordsFor, type TermHints } from './pcs-words';
import { wordIndexOf } from './word-index-cache';

export interface PcsPathHit extends CodeRowDb {
  /** How to show the index path that matched ("Cholecystectomy > see Resection, Gallbladder"). */
  path: string;
  /** Every typed word is the index term's or found in the title. */
  complete: boolean;
  /** Share of the typed words accounted for (0..1). */
  coverage: number;
}

/** Index entries read per full-text query (two per typed word: subterms holding the other typed words, then any). */
const ENTRIES_PER_WORD = 40;
/** Codes read under one target: the largest PCS tables hold a few thousand. */
const CODES_PER_TARGET = 4000;
/** Targets expanded per reading: a bare root operation ("excision") names hundreds. */
const MAX_TARGETS = 8;
/** Codes kept per target after ranking. */
const KEEP_PER_TARGET = 12;
/** Words too short to name a procedure. */
const MIN_TERM_WORD = 4;

interface EntryRow {
  term: string;
  code: string;
  path: string;
}

const statements = new WeakMap<ContentDb, ReturnType<typeof prepare>>();

function prepare(db: ContentDb) {
  return db.prepare(
    `SELECT e.term, e.code, e.path
     FROM entry_point_fts f
     JOIN entry_point e ON e.id = f.rowid
     WHERE entry_point_fts MATCH ? AND f.source_id IN (SELECT value FROM json_each(?))
       AND length(e.code) < 7
     LIMIT ?`,
  );
}

function entriesStatement(db: ContentDb) {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/**
 * Codes reached through index terms whose main term was typed and whose target is a table or
 * partial code, best first. Only for PCS versions; `sources` are the version's entry sources.
 */
export function searchPcsPaths(
  db: ContentDb,
  version: ContentVersion,
  words: readonly string[],
  sources: readonly number[],
): PcsPathHit[] {
  if (version.system !== 'icd10pcs' || sources.length === 0) return [];
  const hits: PcsPathHit[] = [];
  matchingEntries(db, words, sources).forEach((entry, order) => {
    const leftover = words.filter((w) => !entry.mainWords.some((t) => t.startsWith(w)));
    hits.push(...codesUnder(db, version, entry, order, leftover, words.length));
  });
  return hits.sort((a, b) => Number(b.complete) - Number(a.complete) || b.coverage - a.coverage);
}

interface MatchedEntry extends EntryRow {
  /** Words of the main term ("replacement"); the other typed words narrow the codes. */
  mainWords: string[];
  termWords: string[];
  /** Share of the index path's levels that were typed (1: the whole path was typed). */
  termShare: number;
  hints: TermHints;
}

/**
 * Entries whose main term's words all start with a typed word, one per target (the most
 * specific kept), the best-typed and most specific first.
 */
function matchingEntries(db: ContentDb, words: readonly string[], sources: readonly number[]): MatchedEntry[] {
  const byTarget = new Map<string, MatchedEntry>();
  const typed = (t: string) => words.some((w) => t.startsWith(w));
  // A main term is a whole word ("salpingo" is not "Salpingolysis"), except the word still being typed.
  const last = words[words.length - 1];
  const named = (t: string) => words.some((w) => t === w || (w === last && t.startsWith(w)));
  const termWords = words.filter((w) => w.length >= MIN_TERM_WORD && !isNarrowingWord(w));
  const sourceList = JSON.stringify(sources);
  for (const word of termWords) {
    const others = words.filter((w) => w !== word).map((w) => `"${w}"*`);
    // Subterms that hold other typed words first ("Replacement, Joint, Knee, Right"), then any.
    const expressions = others.length > 0 ? [`term : "${word}"* AND term : (${others.join(' OR ')})`] : [];
    expressions.push(`term : "${word}"*`);
    const rows = expressions.flatMap((e) => entriesStatement(db).all(e, sourceList, ENTRIES_PER_WORD) as EntryRow[]);
    for (const row of rows) {
      // Levels of the index path: the main term, then each subterm.
      // Words in parentheses only explain the term ("TURP (transurethral resection of prostate)").
      const levels = row.term.split(',').map((level) => wordsOf(level.replace(/\([^)]*\)/g, ' ')));
      const main = levels[0] ?? [];
      if (main.length === 0 || !main.every(named)) continue;
      const termShare = levels.filter((level) => level.every(typed)).length / levels.length;
      const current = byTarget.get(row.code);
      if (current && current.termShare >= termShare) continue;
      byTarget.set(row.code, { ...row, mainWords: main, termWords: levels.flat(), termShare, hints: termHints(row.term) });
    }
  }
  // A target inside another matched target says more ("0W9G" under "0W9"): the broader one goes.
  const targets = [...byTarget.keys()];
  return [...byTarget.values()]
    .filter((e) => !targets.some((t) => t !== e.code && t.startsWith(e.code)))
    .sort((a, b) => b.termShare - a.termShare || b.code.length - a.code.length)
    .slice(0, MAX_TARGETS);
}

function codesUnder(
  db: ContentDb,
  version: ContentVersion,
  entry: MatchedEntry,
  order: number,
  leftover: readonly string[],
  typedCount: number,
): PcsPathHit[] {
  // The version's in-memory word index holds its codes in code order: no SQL per target.
  const index = wordIndexOf(db, version);
  const rows = index.codesBetween(entry.code, `${entry.code}~`, CODES_PER_TARGET).map((ordinal) => index.row(ordinal));
  const wanted = leftover.map((w) => titleWordsFor(w));
  const scored = rows
    .filter((row) => row.billable === 1)
    .map((row) => {
      const titleWords = titleWordsOf(db, row);
      const has = (w: string) => titleWords.some((t) => t.startsWith(w));
      const matched = wanted.map((group) => group.every(has));
      const found = matched.filter(Boolean).length;
      const missing = leftover.filter((w, i) => !matched[i] && !entry.termWords.some((t) => t.startsWith(w))).length;
      const stem = entry.hints.stems.some(has) ? 1 : 0;
      const implied = entry.hints.approach !== null && entry.hints.approach.every(has) ? 1 : 0;
      const explained = entry.hints.explained.filter((group) => group.every(has)).length;
      return { row, found, missing, tie: (explained + stem) * 4 + implied * 2 + plainness(row.code) };
    })
    .sort((a, b) => b.found - a.found || b.tie - a.tie || a.row.code.localeCompare(b.row.code))
    .slice(0, KEEP_PER_TARGET);
  const termCount = typedCount - leftover.length;
  // A word the index path holds ("total" in "knee, Partial or total") is accounted for, though no title has it.
  const inPath = leftover.filter((w) => entry.termWords.some((t) => t.startsWith(w))).length;
  // Never "exact" (the title is not what was typed); the n-th code of each target ranks with
  // the n-th of the others, so two tables of one term ("see Excision", "see Resection") interleave.
  return scored.map(({ row, found, missing }, rank) => ({
    ...row,
    path: entry.path,
    complete: missing === 0,
    coverage: ((termCount + Math.max(found, inPath)) / Math.max(1, typedCount)) * (0.5 + 0.5 * entry.termShare) * (0.99 - 0.01 * rank) - 0.0001 * order,
  }));
}

/** Title words per code title, kept across keystrokes: the same tables come back as a query grows. */
const titleWordCache = new WeakMap<ContentDb, Map<string, string[]>>();
/** Rows kept before the cache starts over (all of PCS is about 80,000). */
const TITLE_CACHE_ROWS = 20_000;

function titleWordsOf(db: ContentDb, row: CodeRowDb): string[] {
  let cache = titleWordCache.get(db);
  if (!cache) {
    cache = new Map();
    titleWordCache.set(db, cache);
  }
  // Keyed by the title itself, so a re-imported version can never read stale words.
  let words = cache.get(row.long_title);
  if (!words) {
    if (cache.size >= TITLE_CACHE_ROWS) cache.clear();
    words = wordsOf(row.long_title);
    cache.set(row.long_title, words);
  }
  return words;
}

/** A code with no device and no qualifier (…ZZ) is the plain form of the procedure. */
function plainness(code: string): number {
  return code.endsWith('ZZ') ? 1 : 0;
}

/** Adds the PCS index paths of one reading of the query to the candidates. */
export function addPcsPaths(
  db: ContentDb,
  version: ContentVersion,
  words: readonly string[],
  sources: readonly number[],
  into: CandidateSet,
  reading?: string,
): void {
  for (const hit of searchPcsPaths(db, version, words, sources)) {
    const text = reading === undefined ? hit.path : `${reading}; ${hit.path}`;
    const quality = hit.complete ? Quality.allWords : Quality.partial;
    into.add({ system: version.system, row: hit, quality, coverage: hit.coverage, matchedBy: { kind: 'index', text } });
  }
}
