/**
 * PCS index terms that lead to a table or a partial code ("Cholecystectomy > see Resection,
 * Gallbladder 0FT4") as search paths: the codes under that target, narrowed by the other typed
 * words the way PCS names them (laparoscopic → Percutaneous Endoscopic, left → Left). Entry
 * points with a full code are read by entry-points.ts; these are the ones it cannot join.
 */
import type { ContentVersion } from '../../../../shared/domain';
import type { ContentDb } from '../content-db';
import { wordsOf } from './title-words';
import type { CodeRowDb } from '../statements';
import type { EntryIndex, EntryRow } from './entry-index';
import { entryIndexOf } from './entry-index-cache';
import { isApproachWord, isNarrowingWord, termHints, titleWordsFor, type TermHints } from './pcs-words';
import type { WordIndex, WordRange } from './word-index';
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
/** A tie score at least this high: the term's body part stem, explanation or implied approach is in the title. */
const HINTED = 2;
/** Words too short to name a procedure. */
const MIN_TERM_WORD = 4;

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
  return pcsPathHits(db, version, words, entryIndexOf(db, version, sources));
}

/** searchPcsPaths over the version's entry index. */
function pcsPathHits(db: ContentDb, version: ContentVersion, words: readonly string[], entries: EntryIndex): PcsPathHit[] {
  if (version.system !== 'icd10pcs' || entries.partialCount === 0) return [];
  const index = wordIndexOf(db, version);
  const hits: PcsPathHit[] = [];
  matchingEntries(entries, words).forEach((entry, order) => {
    const leftover = words.filter((w) => !entry.mainWords.some((t) => t.startsWith(w)));
    hits.push(...codesUnder(index, entry, order, leftover, words.length));
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
function matchingEntries(entries: EntryIndex, words: readonly string[]): MatchedEntry[] {
  const byTarget = new Map<string, MatchedEntry>();
  const termWords = words.filter((w) => w.length >= MIN_TERM_WORD && !isNarrowingWord(w));
  for (const word of termWords) {
    const others = words.filter((w) => w !== word);
    // Subterms that hold other typed words first ("Replacement, Joint, Knee, Right"), then any.
    const rows = others.length > 0 ? entries.partialMatches(word, others, ENTRIES_PER_WORD) : [];
    rows.push(...entries.partialMatches(word, [], ENTRIES_PER_WORD));

    for (const row of rows) {
      const { levels, termWords, hints } = parsedTerm(row);
      const main = levels[0] ?? [];
      if (main.length === 0 || !allNamed(main, words)) continue;
      let typedLevels = 0;
      for (const level of levels) if (allTyped(level, words)) typedLevels++;
      const termShare = typedLevels / levels.length;
      const current = byTarget.get(row.code);
      if (current && current.termShare >= termShare) continue;
      byTarget.set(row.code, { term: row.term, code: row.code, path: row.path, kind: row.kind, mainWords: main, termWords, termShare, hints });
    }
  }
  // A target inside another matched target says more ("0W9G" under "0W9"): the broader one goes.
  // Sorted, the targets inside one follow it directly, so its successor tells.
  const targets = [...byTarget.keys()].sort();
  const broader = new Set(targets.filter((t, i) => targets[i + 1]?.startsWith(t) === true));
  return [...byTarget.values()]
    .filter((e) => !broader.has(e.code))
    .sort((a, b) => b.termShare - a.termShare || b.code.length - a.code.length)
    .slice(0, MAX_TARGETS);
}

/**
 * Whether every word of a main term was typed as a whole word ("salpingo" is not
 * "Salpingolysis"), or starts the word still being typed (the last one). Loops, not closures:
 * this runs for every index entry read on every keystroke.
 */
function allNamed(termWords: readonly string[], typed: readonly string[]): boolean {
  const last = typed[typed.length - 1];
  for (const t of termWords) {
    let found = false;
    for (const w of typed) {
      if (t === w || (w === last && t.startsWith(w))) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Whether every word of a level of the index path starts with a typed word. */
function allTyped(termWords: readonly string[], typed: readonly string[]): boolean {
  for (const t of termWords) {
    let found = false;
    for (const w of typed) {
      if (t.startsWith(w)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

interface ParsedTerm {
  /** Words of each level of the index path: the main term, then each subterm. */
  levels: string[][];
  termWords: string[];
  hints: TermHints;
}

/** Terms parsed once per entry of an entry index (a rebuilt index has new entry objects). */
const parsedTerms = new WeakMap<EntryRow, ParsedTerm>();

function parsedTerm(entry: EntryRow): ParsedTerm {
  let parsed = parsedTerms.get(entry);
  if (!parsed) {
    // Words in parentheses only explain the term ("TURP (transurethral resection of prostate)").
    const levels = entry.term.split(',').map((level) => wordsOf(level.replace(/\([^)]*\)/g, ' ')));
    parsed = { levels, termWords: levels.flat(), hints: termHints(entry.term) };
    parsedTerms.set(entry, parsed);
  }
  return parsed;
}

function codesUnder(
  index: WordIndex,
  entry: MatchedEntry,
  order: number,
  leftover: readonly string[],
  typedCount: number,
): PcsPathHit[] {
  // The version's in-memory word index holds its codes in code order: no SQL per target.
  const ordinals = index.codesBetween(entry.code, `${entry.code}~`, CODES_PER_TARGET).filter((o) => index.isBillable(o));
  const probe = probesOf(index);
  const wanted = leftover.map((w) => titleWordsFor(w).map(probe));
  // Whether the index path holds a leftover word: then a code without it is not missing it ("total"
  // in "Knee, Partial or total")... unless some code of the target has it: then it tells its codes
  // apart ("Pacemaker, Dual Chamber" over a target that also holds the resynchronization pacemaker).
  // Both are learnt in the one pass below: `lacks` keeps, per code, the path words it does not hold.
  const inPathWord = leftover.map((w) => entry.termWords.some((t) => t.startsWith(w)));
  let someHave = 0;
  const title = new TitleTester(index);
  const stems = entry.hints.stems.map(probe);
  // A target that is a whole table ("Splenectomy > see Excision, Lymphatic and Hemic Systems 07B")
  // does not say which body part: a code there is a complete reading only where its title names
  // the body part the term holds, or a typed word other than the approach.
  const tableOnly = entry.code.length <= 3;
  const approachOnly = leftover.map(isApproachWord);
  const approach = entry.hints.approach?.map(probe) ?? null;
  const explained = entry.hints.explained.map((group) => group.map(probe));
  // A target holds up to thousands of codes: one tester and plain loops for all of them, and
  // only the best KEEP_PER_TARGET kept (the order is total, so this is the sort's first ones).
  const best = new TopScored(KEEP_PER_TARGET);
  for (let at = 0; at < ordinals.length; at++) {
    const ordinal = ordinals[at] as number;
    title.read(ordinal);
    let found = 0;
    let missing = 0;
    let lacks = 0;
    let placed = false;
    for (let i = 0; i < wanted.length; i++) {
      if (title.hasAll(wanted[i] as Probe[])) {
        found++;
        placed ||= !approachOnly[i];
        if (inPathWord[i]) someHave |= 1 << i;
      } else if (!inPathWord[i]) missing++;
      else lacks |= 1 << i;
    }
    const stem = title.hasAny(stems) ? 1 : 0;
    const implied = approach !== null && title.hasAll(approach) ? 1 : 0;
    let explainedCount = 0;
    for (const group of explained) if (title.hasAll(group)) explainedCount++;
    if (tableOnly && !placed && stem === 0 && explainedCount === 0) missing++;
    const tie = (explainedCount + stem) * 4 + implied * 2 + plainness(index.codeAt(ordinal));
    // `at` is code order: codesBetween reads the codes sorted.
    best.offer(ordinal, at, found, missing, tie, lacks);
  }
  const scored = best.list;
  const termCount = typedCount - leftover.length;
  // A word the index path holds ("total" in "knee, Partial or total") is accounted for, though no title has it.
  const inPath = inPathWord.filter((held, i) => held && (someHave & (1 << i)) === 0).length;
  // Never "exact" (the title is not what was typed); the n-th code of each target ranks with
  // the n-th of the others, so two tables of one term ("see Excision", "see Resection") interleave.
  return scored.map(({ ordinal, found, missing, tie, lacks }, rank) => ({
    ...index.row(ordinal),
    path: entry.path,
    // A path through a subterm nobody typed ("Banding, gastric > Surgical correction") is one guess
    // among its siblings, unless the term's own words back it (the needle of "paracentesis").
    complete: missing === 0 && (lacks & someHave) === 0 && (entry.termShare === 1 || tie >= HINTED),
    coverage: ((termCount + Math.max(found, inPath)) / Math.max(1, typedCount)) * (0.5 + 0.5 * entry.termShare) * (0.99 - 0.01 * rank) - 0.0001 * order,
  }));
}

/** A word to look for in titles, with its word-id range in the version's index. */
interface Probe {
  word: string;
  range: WordRange;
}

/** Probes of the version's index, one range lookup per distinct word. */
function probesOf(index: WordIndex): (word: string) => Probe {
  const made = new Map<string, Probe>();
  return (word) => {
    let p = made.get(word);
    if (!p) {
      p = { word, range: index.prefixRange(word) };
      made.set(word, p);
    }
    return p;
  };
}

/** Whether some word of a code's long title starts with a probe's word, from the index's word ids. */
class TitleTester {
  private ordinal = -1;
  private text: string[] | null = null;

  constructor(private readonly index: WordIndex) {}

  read(ordinal: number): void {
    this.ordinal = ordinal;
    this.text = null;
  }

  has(p: Probe): boolean {
    const found = this.index.longTitleHas(this.ordinal, p.range);
    if (found !== null) return found;
    // A title that is not plain ASCII: read its words from the text.
    this.text ??= wordsOf(this.index.row(this.ordinal).long_title);
    return this.text.some((t) => t.startsWith(p.word));
  }

  hasAll(probes: readonly Probe[]): boolean {
    for (const p of probes) if (!this.has(p)) return false;
    return true;
  }

  hasAny(probes: readonly Probe[]): boolean {
    for (const p of probes) if (this.has(p)) return true;
    return false;
  }
}

interface Scored {
  ordinal: number;
  /** Position in code order. */
  at: number;
  found: number;
  missing: number;
  tie: number;
  /** Path words the title does not hold, one bit each. */
  lacks: number;
}

/** Most typed words found, then the best tie score, then code order: a total order. */
function compareScored(a: Scored, b: Scored): number {
  return b.found - a.found || b.tie - a.tie || a.at - b.at;
}

/** The first `size` of everything offered, in compareScored order, without sorting it all. */
class TopScored {
  readonly list: Scored[] = [];

  constructor(private readonly size: number) {}

  /** Offered in code order (`at` ascending), so a code that only ties the last kept one is not better. */
  offer(ordinal: number, at: number, found: number, missing: number, tie: number, lacks: number): void {
    const list = this.list;
    const last = list[list.length - 1];
    if (list.length === this.size && last && (found < last.found || (found === last.found && tie <= last.tie))) return;
    const s: Scored = { ordinal, at, found, missing, tie, lacks };
    let i = list.length;
    while (i > 0 && compareScored(s, list[i - 1] as Scored) < 0) i--;
    list.splice(i, 0, s);
    if (list.length > this.size) list.pop();
  }
}

/** A code with no device and no qualifier (…ZZ) is the plain form of the procedure. */
function plainness(code: string): number {
  return code.endsWith('ZZ') ? 1 : 0;
}
