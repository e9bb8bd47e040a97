/**
 * An in-memory word index of one version's titles, answering what the FTS5 word query
 * answers (every typed word starts some word of the short or long title; the first matches
 * in static rank order) without a SQLite round trip per word and per synonym reading.
 *
 * Layout (word-index-build.ts): the version's distinct words sorted, so a typed prefix is a
 * range of word ids; postings (rank ordinals per word, ascending) to walk the rarest typed
 * word; per title its sorted word ids, to test the other typed words with a range check.
 * Prefixes shared by many words ("d", "hyp") have merged postings built up front, as FTS5's
 * prefix index does.
 */
import type { CodeRowDb } from '../statements';
import { buildIndexArrays, type IndexArrays } from './word-index-build';
import { pairStarts, prefixBounds } from './word-ranges';

/** A version's codes in static rank order (ascending id), as its full-text table holds them. */
export interface IndexColumns {
  ids: Float64Array;
  codes: string[];
  displayCodes: string[];
  billable: Uint8Array;
  longTitles: string[];
  /** Only read while building (short titles are searched, never shown). */
  shortTitles: readonly string[];
  /** Ordinals in code order (as the codes table's unique index sorts them). */
  codeOrder: Int32Array;
}

/** Word ids [lo, hi): the words starting with a prefix, or one whole word. */
export interface WordRange {
  lo: number;
  hi: number;
}

/** One typed word: a title matches it when it holds a word in any of its ranges. */
export type Clause = readonly WordRange[];

export interface IndexSize {
  rows: number;
  words: number;
  prebuiltPrefixes: number;
  /** Typed arrays plus the strings held (two bytes a character: an upper bound). */
  bytes: number;
}

export class WordIndex {
  private readonly ids: Float64Array;
  private readonly codes: string[];
  private readonly displayCodes: string[];
  private readonly billable: Uint8Array;
  private readonly longTitles: string[];
  private readonly codeOrder: Int32Array;
  private readonly a: IndexArrays;
  /** Where each two-character block of the sorted words starts (word-ranges.ts). */
  private readonly starts: Int32Array;

  /** `arrays` built elsewhere (a worker: index-swap.ts) or here from the titles. */
  constructor(columns: IndexColumns, arrays: IndexArrays = buildIndexArrays(columns.shortTitles, columns.longTitles)) {
    this.ids = columns.ids;
    this.codes = columns.codes;
    this.displayCodes = columns.displayCodes;
    this.billable = columns.billable;
    this.longTitles = columns.longTitles;
    this.codeOrder = columns.codeOrder;
    this.a = arrays;
    this.starts = pairStarts(this.a.words);
  }

  get count(): number {
    return this.ids.length;
  }

  row(ordinal: number): CodeRowDb {
    if (ordinal < 0 || ordinal >= this.ids.length) throw new RangeError('no such row in the word index');
    return {
      id: this.ids[ordinal] as number,
      code: this.codes[ordinal] as string,
      display_code: this.displayCodes[ordinal] as string,
      billable: this.billable[ordinal] === 1 ? 1 : 0,
      long_title: this.longTitles[ordinal] as string,
    };
  }

  longTitleAt(ordinal: number): string {
    return this.longTitles[ordinal] as string;
  }

  /** Ordinals sorted by code: a header comes before the codes that start with it. */
  ordinalsInCodeOrder(): Int32Array {
    return this.codeOrder;
  }

  codeAt(ordinal: number): string {
    return this.codes[ordinal] as string;
  }

  isBillable(ordinal: number): boolean {
    return this.billable[ordinal] === 1;
  }

  /**
   * Whether some word of the long title is in `range` (starts with the prefix it was made
   * from); null for a title that is not plain ASCII (read its text instead).
   */
  longTitleHas(ordinal: number, range: WordRange): boolean | null {
    const { sequenceStart, sequences } = this.a;
    const from = sequenceStart[ordinal] as number;
    if (from < 0) return null;
    let end = ordinal + 1;
    while ((sequenceStart[end] as number) < 0) end++;
    const to = sequenceStart[end] as number;
    for (let k = from; k < to; k++) {
      const id = (sequences[k] as number) >> 1;
      if (id >= range.lo && id < range.hi) return true;
    }
    return false;
  }

  /** Ordinals of the first `limit` codes in [from, to), in code order. */
  codesBetween(from: string, to: string, limit: number): number[] {
    const order = this.codeOrder;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.codes[order[mid] as number] as string) < from) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let k = lo; k < order.length && found.length < limit; k++) {
      const ordinal = order[k] as number;
      if ((this.codes[ordinal] as string) >= to) break;
      found.push(ordinal);
    }
    return found;
  }

  /**
   * titleCoverage(long title, words) from the stored word sequence, where `ranges` are the
   * words' prefix ranges; null for a title that is not plain ASCII (read its text instead).
   */
  coverage(ordinal: number, ranges: readonly WordRange[]): number | null {
    const { sequenceStart, sequences, weights } = this.a;
    const from = sequenceStart[ordinal] as number;
    if (from < 0) return null;
    let end = ordinal + 1;
    while ((sequenceStart[end] as number) < 0) end++;
    const to = sequenceStart[end] as number;
    let matched = 0;
    let total = 0;
    for (let k = from; k < to; k++) {
      const v = sequences[k] as number;
      const id = v >> 1;
      let hit = false;
      for (const r of ranges) {
        if (id >= r.lo && id < r.hi) {
          hit = true;
          break;
        }
      }
      if (hit) {
        matched++;
        total++;
      } else if ((v & 1) === 0) {
        total += weights[id] as number;
      }
    }
    return total === 0 ? 0 : matched / total;
  }

  /** The word ids starting with `prefix` (empty when none does). */
  prefixRange(prefix: string): WordRange {
    return prefixBounds(this.a.words, this.starts, prefix);
  }

  /** The id range of exactly `word` (empty when the version has no such word). */
  wordRange(word: string): WordRange {
    const { lo } = prefixBounds(this.a.words, this.starts, word);
    return { lo, hi: this.a.words[lo] === word ? lo + 1 : lo };
  }

  /**
   * Rank ordinals of the first `limit` titles matching every clause, ascending: what
   * `MATCH … ORDER BY rowid LIMIT` returns. Empty when some clause matches no word.
   */
  firstMatches(clauses: readonly Clause[], limit: number): number[] {
    if (clauses.length === 0) return [];
    // Plain loops, no closures: this runs for every reading of every version on each keystroke.
    const live: WordRange[][] = [];
    for (const clause of clauses) {
      const ranges: WordRange[] = [];
      for (const r of clause) if (r.hi > r.lo) ranges.push(r);
      if (ranges.length === 0) return [];
      live.push(ranges);
    }
    // Walk the typed word with the fewest postings; test the others per title.
    let driver = 0;
    let fewest = Infinity;
    for (let i = 0; i < live.length; i++) {
      const n = this.postingCount(live[i] as Clause);
      if (n < fewest) {
        fewest = n;
        driver = i;
      }
    }
    const others: Clause[] = [];
    for (let i = 0; i < live.length; i++) if (i !== driver) others.push(live[i] as Clause);
    const lists = this.listsOf(live[driver] as Clause);
    const found: number[] = [];
    if (lists.length === 1) {
      // The common case (one word, or a prefix with prebuilt postings): walk the list itself.
      const list = lists[0] as Int32Array;
      for (let k = 0; k < list.length && found.length < limit; k++) {
        const title = list[k] as number;
        if (this.hasEvery(title, others)) found.push(title);
      }
      return found;
    }
    const heads = new Int32Array(lists.length);
    let last = -1;
    while (found.length < limit) {
      // The smallest head over the lists (a handful), past the title just taken.
      let next = -1;
      for (let i = 0; i < lists.length; i++) {
        const list = lists[i] as Int32Array;
        let h = heads[i] as number;
        while (h < list.length && (list[h] as number) <= last) h++;
        heads[i] = h;
        if (h < list.length && (next === -1 || (list[h] as number) < next)) next = list[h] as number;
      }
      if (next === -1) break;
      last = next;
      if (this.hasEvery(next, others)) found.push(next);
    }
    return found;
  }

  size(): IndexSize {
    const a = this.a;
    let bytes = a.postingStart.byteLength + a.postings.byteLength + a.titleStart.byteLength + a.titleWords.byteLength;
    bytes += this.ids.byteLength + this.billable.byteLength + this.codeOrder.byteLength + this.starts.byteLength;
    bytes += a.sequenceStart.byteLength + a.sequences.byteLength + a.weights.byteLength;
    for (const list of a.prebuilt.values()) bytes += list.byteLength;
    for (const w of a.words) bytes += 2 * w.length;
    for (let t = 0; t < this.ids.length; t++) {
      bytes += 2 * ((this.codes[t] as string).length + (this.displayCodes[t] as string).length + (this.longTitles[t] as string).length);
    }
    return { rows: this.ids.length, words: a.words.length, prebuiltPrefixes: a.prebuilt.size, bytes };
  }

  private postingCount(clause: Clause): number {
    let n = 0;
    for (const r of clause) n += (this.a.postingStart[r.hi] as number) - (this.a.postingStart[r.lo] as number);
    return n;
  }

  private listsOf(clause: Clause): Int32Array[] {
    const { postings, postingStart, prebuilt, words } = this.a;
    const lists: Int32Array[] = [];
    for (const r of clause) {
      const merged = prebuilt.get(r.lo * words.length + r.hi);
      if (merged) {
        lists.push(merged);
        continue;
      }
      for (let w = r.lo; w < r.hi; w++) lists.push(postings.subarray(postingStart[w], postingStart[w + 1]));
    }
    return lists;
  }

  private hasEvery(title: number, clauses: readonly Clause[]): boolean {
    for (const clause of clauses) if (!this.titleHas(title, clause)) return false;
    return true;
  }

  private titleHas(title: number, clause: Clause): boolean {
    const { titleStart, titleWords } = this.a;
    const end = titleStart[title + 1] as number;
    for (let k = titleStart[title] as number; k < end; k++) {
      const w = titleWords[k] as number;
      for (const r of clause) if (w >= r.lo && w < r.hi) return true;
    }
    return false;
  }
}
