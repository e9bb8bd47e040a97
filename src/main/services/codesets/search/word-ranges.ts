/**
 * Finding a typed prefix among a version's sorted words. Every typed word of every reading of
 * every keystroke looks up its range, so the search starts inside the block of words sharing
 * the prefix's first two characters (read from a table built with the index) instead of
 * bisecting all of them, and the end of the range is found without building a bound string.
 */

/** Two-character keys: both characters below this (ASCII) are looked up in the table. */
const ALPHABET = 128;

/**
 * Per two-character key c0 * 128 + c1 (c1 = 0 for a one-character string), the first word
 * not below that key's string; one more entry closes the last block.
 */
export function pairStarts(words: readonly string[]): Int32Array {
  const starts = new Int32Array(ALPHABET * ALPHABET + 1);
  let w = 0;
  for (let key = 0; key < ALPHABET * ALPHABET; key++) {
    const c0 = Math.floor(key / ALPHABET);
    const c1 = key % ALPHABET;
    const bound = c1 === 0 ? String.fromCharCode(c0) : String.fromCharCode(c0, c1);
    while (w < words.length && (words[w] as string) < bound) w++;
    starts[key] = w;
  }
  starts[ALPHABET * ALPHABET] = words.length;
  return starts;
}

/** [lo, hi): the words starting with `prefix`, in `words` sorted by code units. */
export function prefixBounds(words: readonly string[], starts: Int32Array, prefix: string): { lo: number; hi: number } {
  let from = 0;
  let to = words.length;
  const c0 = prefix.charCodeAt(0);
  if (prefix.length === 1 && c0 < ALPHABET) {
    from = starts[c0 * ALPHABET] as number;
    to = starts[(c0 + 1) * ALPHABET] as number;
  } else if (prefix.length > 1 && c0 < ALPHABET) {
    const c1 = prefix.charCodeAt(1);
    if (c1 < ALPHABET) {
      const key = c0 * ALPHABET + c1;
      from = starts[key] as number;
      to = starts[key + 1] as number;
    }
  }
  const lo = lowerBound(words, prefix, from, to);
  // Words starting with the prefix follow `lo` as one block: bisect for its end.
  let a = lo;
  let b = to;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((words[mid] as string).startsWith(prefix)) a = mid + 1;
    else b = mid;
  }
  return { lo, hi: a };
}

/** First index in [from, to) whose word is not below `key` (`to` when none). */
export function lowerBound(words: readonly string[], key: string, from = 0, to = words.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
