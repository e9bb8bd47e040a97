/**
 * Builds the arrays of a WordIndex from a version's titles, reading each title once and
 * keeping everything in typed arrays: the index is built while a coder waits for the first
 * results, and a first version that made small arrays and sets per title spent much of that
 * wait collecting them.
 */
import { eachTitleWord, isPlainAscii, unmatchedWeight } from './title-words';

/** A word range this wide or narrower is merged at query time; wider ones are built up front. */
const MERGE_AT_QUERY_TIME = 16;

export interface IndexArrays {
  /** Distinct title words, sorted (code-unit order). */
  words: string[];
  /** Postings of word w: postings[postingStart[w] .. postingStart[w + 1]), ascending ordinals. */
  postingStart: Int32Array;
  postings: Int32Array;
  /** Word ids of title t: titleWords[titleStart[t] .. titleStart[t + 1]), ascending. */
  titleStart: Int32Array;
  titleWords: Int32Array;
  /** Merged postings of the wide prefix ranges, by `lo * words.length + hi`. */
  prebuilt: Map<number, Int32Array>;
  /**
   * The long title's words in order, for coverage (titleCoverage without reading the text):
   * word id * 2, plus 1 inside parentheses; sequenceStart[t] = -1 for a title that is not
   * plain ASCII (its coverage is computed from the text).
   */
  sequenceStart: Int32Array;
  sequences: Int32Array;
  /** Per word id, what it weighs unmatched (unmatchedWeight). */
  weights: Uint8Array;
}

/** Collects word ids per title into one growing array. */
class IdSink {
  data = new Int32Array(1 << 16);
  length = 0;
  push(id: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = id;
  }
}

/** Short and long titles, in static rank order. */
export function buildIndexArrays(shortTitles: readonly string[], longTitles: readonly string[]): IndexArrays {
  const count = longTitles.length;
  const sequence = new IdSink();
  const sequenceStart = new Int32Array(count + 1);
  // Pass 1: words get ids in order of first sight; each title's distinct ids are appended.
  const firstSeen = new Map<string, number>();
  const seenBy: number[] = [];
  const sink = new IdSink();
  const titleStart = new Int32Array(count + 1);
  let t = 0;
  const add = (word: string) => {
    let id = firstSeen.get(word);
    if (id === undefined) {
      id = firstSeen.size;
      firstSeen.set(word, id);
      seenBy.push(-1);
    }
    if (seenBy[id] === t) return;
    seenBy[id] = t;
    sink.push(id);
  };
  for (; t < count; t++) {
    eachTitleWord(shortTitles[t] as string, (text, start, end) => add(text.slice(start, end)));
    const long = longTitles[t] as string;
    if (isPlainAscii(long)) {
      sequenceStart[t] = sequence.length;
      eachTitleWord(long, (text, start, end, inParentheses) => {
        const word = text.slice(start, end);
        add(word);
        sequence.push((firstSeen.get(word) as number) * 2 + (inParentheses ? 1 : 0));
      });
    } else {
      sequenceStart[t] = -1;
      eachTitleWord(long, (text, start, end) => add(text.slice(start, end)));
    }
    titleStart[t + 1] = sink.length;
  }
  sequenceStart[count] = sequence.length;

  // Sorted ids, and every title's ids renumbered and sorted.
  const words = [...firstSeen.keys()].sort(compareText);
  const sortedId = new Int32Array(words.length);
  words.forEach((w, i) => {
    sortedId[firstSeen.get(w) as number] = i;
  });
  const titleWords = sink.data.slice(0, sink.length);
  const counts = new Int32Array(words.length + 1);
  for (let k = 0; k < titleWords.length; k++) {
    const id = sortedId[titleWords[k] as number] as number;
    titleWords[k] = id;
    counts[id + 1] = (counts[id + 1] as number) + 1;
  }
  for (let t = 0; t < count; t++) sortSlice(titleWords, titleStart[t] as number, titleStart[t + 1] as number);

  // Pass 2: postings, filled title by title so each list comes out ascending.
  const postingStart = new Int32Array(words.length + 1);
  for (let w = 0; w < words.length; w++) postingStart[w + 1] = (postingStart[w] as number) + (counts[w + 1] as number);
  const postings = new Int32Array(titleWords.length);
  const fill = postingStart.slice(0, words.length);
  for (let t = 0; t < count; t++) {
    for (let k = titleStart[t] as number; k < (titleStart[t + 1] as number); k++) {
      const w = titleWords[k] as number;
      postings[fill[w] as number] = t;
      fill[w] = (fill[w] as number) + 1;
    }
  }
  const sequences = sequence.data.slice(0, sequence.length);
  for (let k = 0; k < sequences.length; k++) {
    const v = sequences[k] as number;
    sequences[k] = (sortedId[v >> 1] as number) * 2 + (v & 1);
  }
  const weights = Uint8Array.from(words, unmatchedWeight);
  const arrays = {
    words, postingStart, postings, titleStart, titleWords, prebuilt: new Map<number, Int32Array>(), sequenceStart, sequences, weights,
  };
  buildWidePrefixes(arrays, count);
  return arrays;
}

/** Insertion sort of a[from, to): a title has a dozen words, too few for a sort call to pay. */
function sortSlice(a: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= from && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Merged postings for every prefix range wider than MERGE_AT_QUERY_TIME words. */
function buildWidePrefixes(a: IndexArrays, count: number): void {
  const { words, titleStart, titleWords } = a;
  const n = words.length;
  const wide = new Map<number, { lo: number; hi: number }>();
  // Per prefix length, runs of consecutive words sharing that prefix are its ranges; a range
  // met again under a longer prefix is the same list.
  const longest = words.reduce((m, w) => Math.max(m, w.length), 0);
  for (let len = 1; len <= longest; len++) {
    let start = 0;
    while (start < n) {
      const word = words[start] as string;
      let end = start + 1;
      if (word.length >= len) {
        const prefix = word.slice(0, len);
        while (end < n && (words[end] as string).startsWith(prefix)) end++;
        if (end - start > MERGE_AT_QUERY_TIME) wide.set(start * n + end, { lo: start, hi: end });
      }
      start = end;
    }
  }
  const ranges = [...wide.values()];
  // Per word, the wide ranges holding it (nested prefixes: a few per word).
  const holders: number[][] = words.map(() => []);
  ranges.forEach((r, i) => {
    for (let w = r.lo; w < r.hi; w++) (holders[w] as number[]).push(i);
  });
  const lastTitle = new Int32Array(ranges.length);
  const sizes = new Int32Array(ranges.length);
  const eachPair = (visit: (range: number, title: number) => void) => {
    lastTitle.fill(-1);
    for (let t = 0; t < count; t++) {
      for (let k = titleStart[t] as number; k < (titleStart[t + 1] as number); k++) {
        for (const i of holders[titleWords[k] as number] as number[]) {
          if (lastTitle[i] === t) continue;
          lastTitle[i] = t;
          visit(i, t);
        }
      }
    }
  };
  eachPair((i) => {
    sizes[i] = (sizes[i] as number) + 1;
  });
  const lists = ranges.map((_, i) => new Int32Array(sizes[i] as number));
  sizes.fill(0);
  eachPair((i, t) => {
    (lists[i] as Int32Array)[sizes[i] as number] = t;
    sizes[i] = (sizes[i] as number) + 1;
  });
  ranges.forEach((r, i) => a.prebuilt.set(r.lo * n + r.hi, lists[i] as Int32Array));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
