/**
 * In-memory word indexes of the entry points that apply to one version, answering what the
 * entry_point_fts queries answer (every typed word starts some word of the term; the first
 * matches in rowid order) without FTS5 and its joins on every synonym reading of every
 * keystroke. Two views of the same entries:
 * - `joined`: entries whose target is a code of the version (the join searchEntryPoints makes);
 * - `partial`: entries whose code is shorter than a full code (PCS tables and partial codes),
 *   whatever the version holds, as pcs-paths.ts reads them.
 */
import type { ContentDb } from '../content-db';
import { WordIndex, type Clause } from './word-index';

export interface EntryRow {
  term: string;
  /** The entry's code as imported (a PCS partial code stays partial). */
  code: string;
  path: string;
  kind: string;
}

/** A full code of any system is 7 characters; shorter ones name tables or partial codes. */
const FULL_CODE = 7;

interface SourceEntry extends EntryRow {
  /** The code searchEntryPoints joins on (entry_point_fts.target). */
  target: string;
}

export class EntryIndex {
  private readonly joinedWords: WordIndex;
  private readonly joinedEntries: EntryRow[];
  /** Per joined entry, its target's ordinal in the version's word index. */
  private readonly joinedTargets: Int32Array;
  private readonly partialWords: WordIndex;
  private readonly partialEntries: EntryRow[];

  /** `entries` in rowid order; `ordinalOf` finds a target among the version's codes (-1: none). */
  constructor(entries: readonly SourceEntry[], ordinalOf: (code: string) => number) {
    const joined: { entry: EntryRow; ordinal: number }[] = [];
    for (const entry of entries) {
      const ordinal = ordinalOf(entry.target);
      if (ordinal >= 0) joined.push({ entry, ordinal });
    }
    this.joinedEntries = joined.map((j) => j.entry);
    this.joinedTargets = Int32Array.from(joined, (j) => j.ordinal);
    this.joinedWords = termIndex(this.joinedEntries);
    this.partialEntries = entries.filter((e) => e.code.length < FULL_CODE);
    this.partialWords = termIndex(this.partialEntries);
  }

  /**
   * Joined entries whose term has a word starting with each of `words`: the first `limit` in
   * rowid order, each with its target's ordinal and titleCoverage(term, words).
   */
  joinedMatches(words: readonly string[], limit: number): { entry: EntryRow; target: number; coverage: number | null }[] {
    const index = this.joinedWords;
    const ranges = words.map((w) => index.prefixRange(w));
    return index.firstMatches(ranges.map((r) => [r]), limit).map((k) => ({
      entry: this.joinedEntries[k] as EntryRow,
      target: this.joinedTargets[k] as number,
      coverage: index.coverage(k, ranges),
    }));
  }

  /** Partial-code entries whose term has a word starting with `word` and, if any are given, with one of `anyOf`. */
  partialMatches(word: string, anyOf: readonly string[], limit: number): EntryRow[] {
    const index = this.partialWords;
    const clauses: Clause[] = [[index.prefixRange(word)]];
    if (anyOf.length > 0) clauses.push(anyOf.map((w) => index.prefixRange(w)));
    return index.firstMatches(clauses, limit).map((k) => this.partialEntries[k] as EntryRow);
  }

  /** Every joined entry with its target's ordinal (the concept index reads them all once). */
  joinedList(): { entries: readonly EntryRow[]; targets: Int32Array } {
    return { entries: this.joinedEntries, targets: this.joinedTargets };
  }

  /** Every entry whose code is a partial code (PCS tables and partial codes). */
  partialList(): readonly EntryRow[] {
    return this.partialEntries;
  }

  get joinedCount(): number {
    return this.joinedEntries.length;
  }

  get partialCount(): number {
    return this.partialEntries.length;
  }
}

/** A word index over entry terms (the term is the only text searched, as in entry_point_fts). */
function termIndex(entries: readonly EntryRow[]): WordIndex {
  const n = entries.length;
  const none = new Array<string>(n).fill('');
  return new WordIndex({
    ids: Float64Array.from({ length: n }, (_, i) => i),
    codes: none,
    displayCodes: none,
    billable: new Uint8Array(n),
    longTitles: entries.map((e) => e.term),
    shortTitles: none,
    codeOrder: new Int32Array(0),
  });
}

/** The entries of `sources` in rowid order, with the target the full-text table joins on. */
export function readEntries(db: ContentDb, sources: readonly number[]): SourceEntry[] {
  const rows = db
    .prepare(
      `SELECT e.term, e.code, e.path, s.kind, f.target
       FROM entry_point e
       JOIN entry_source s ON s.id = e.source_id
       JOIN entry_point_fts f ON f.rowid = e.id
       WHERE e.source_id IN (SELECT value FROM json_each(?))
       ORDER BY e.id`,
    )
    .all(JSON.stringify(sources)) as SourceEntry[];
  // Plain objects of one shape: search reads and copies them on every keystroke, and the
  // driver's row objects are several times slower to copy.
  return rows.map((r) => ({ term: r.term, code: r.code, path: r.path, kind: r.kind, target: r.target }));
}
