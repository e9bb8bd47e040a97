/**
 * An in-memory word index of one table release, built once from index_word / index_term and
 * kept per connection. Why not answer each query in SQL: a one- or two-letter prefix (what a
 * coder has typed after one keystroke) matches thousands of (word, term) rows, and handing
 * those rows from SQLite to JavaScript costs milliseconds; walking sorted postings in typed
 * arrays costs microseconds. Release ids are never reused (AUTOINCREMENT), so a cached index
 * is valid for as long as its release is the one searched.
 */
import type { ContentDb } from '../content-db';

export interface TableIndexRow {
  path: string;
  cells: string | null;
  level: number;
  titleWords: number;
  seq: number;
}

export interface TableIndex {
  releaseId: number;
  rows: TableIndexRow[];
  /** Distinct words, sorted. */
  words: string[];
  /** Postings of words[i]: rows postingRows[start[i] .. start[i+1]) at postingLevels[…]. */
  start: Int32Array;
  postingRows: Int32Array;
  postingLevels: Int8Array;
}

const cache = new WeakMap<ContentDb, Map<number, TableIndex>>();

/** The index of a release, built on first use. Keeps only the releases last asked for per connection. */
export function tableIndex(db: ContentDb, releaseId: number, kind: string): TableIndex {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const key = kindKey(kind);
  const cached = perDb.get(key);
  if (cached && cached.releaseId === releaseId) return cached;
  const built = buildTableIndex(db, releaseId);
  perDb.set(key, built);
  return built;
}

// One slot per table kind.
const kindKey = (kind: string): number => (kind === 'drug' ? 1 : kind === 'neoplasm' ? 2 : 3);

export function buildTableIndex(db: ContentDb, releaseId: number): TableIndex {
  const terms = db
    .prepare('SELECT id, path, cells, level, title_words AS titleWords, seq FROM index_term WHERE release_id = ? ORDER BY seq')
    .all(releaseId) as (TableIndexRow & { id: number })[];
  if (terms.length >= ROW_SPAN) throw new RangeError('too many terms in one index release');
  const rowOf = new Map<number, number>();
  terms.forEach((t, i) => rowOf.set(t.id, i));
  const byWord = new Map<string, [number, number][]>();
  const postings = db.prepare('SELECT word, term_id, level FROM index_word WHERE release_id = ?').raw().all(releaseId) as [string, number, number][];
  for (const [word, termId, level] of postings) {
    let list = byWord.get(word);
    if (!list) byWord.set(word, (list = []));
    list.push([rowOf.get(termId) ?? 0, level]);
  }
  // Sorted in JavaScript's own order, which the binary search below relies on.
  const words = [...byWord.keys()].sort();
  const starts: number[] = [];
  const postingRows = new Int32Array(postings.length);
  const postingLevels = new Int8Array(postings.length);
  let i = 0;
  for (const word of words) {
    starts.push(i);
    for (const [row, level] of byWord.get(word)!) {
      postingRows[i] = row;
      postingLevels[i] = level;
      i++;
    }
  }
  starts.push(i);
  return {
    releaseId,
    rows: terms.map(({ path, cells, level, titleWords, seq }) => ({ path, cells, level, titleWords, seq })),
    words,
    start: Int32Array.from(starts),
    postingRows,
    postingLevels,
  };
}

/** First index in sorted `words` whose word is >= `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NONE = 127;
/** Rows per release stay below this (the Alphabetic Index has about 100,000 terms). */
const ROW_SPAN = 2 ** 24;

/**
 * Rows whose path holds a word starting with each query word, best first: the match
 * completed at the shallowest level (a main-term match first), then the matching term before
 * the subterms under it, then shorter titles, then table order.
 */
export function matchRows(index: TableIndex, queryWords: readonly string[], limit: number): TableIndexRow[] {
  const n = index.rows.length;
  // hit[r]: deepest of the per-word shallowest levels so far; count[r]: query words matched.
  const hit = new Int8Array(n);
  const count = new Uint8Array(n);
  const wordLevel = new Int8Array(n);
  let touched: number[] = [];
  queryWords.forEach((q, qi) => {
    wordLevel.fill(NONE);
    const seen: number[] = [];
    for (let w = lowerBound(index.words, q); w < index.words.length && index.words[w]!.startsWith(q); w++) {
      for (let p = index.start[w]!; p < index.start[w + 1]!; p++) {
        const row = index.postingRows[p]!;
        if (count[row] !== qi) continue; // missed an earlier word
        const level = index.postingLevels[p]!;
        if (wordLevel[row] === NONE) seen.push(row);
        if (level < wordLevel[row]!) wordLevel[row] = level;
      }
    }
    for (const row of seen) {
      count[row] = qi + 1;
      if (wordLevel[row]! > hit[row]!) hit[row] = wordLevel[row]!;
    }
    touched = seen;
  });
  // One number per match, ordered like the ranking; rows are in table order, so the row
  // index is the last tie-break. A typed-array sort of numbers is the cheap part.
  const rows = index.rows;
  const keys = new Float64Array(touched.length);
  touched.forEach((r, i) => {
    const row = rows[r]!;
    const rank = (hit[r]! * 16 + Math.min(row.level - hit[r]!, 15)) * 256 + Math.min(row.titleWords, 255);
    keys[i] = rank * ROW_SPAN + r;
  });
  keys.sort();
  const best: TableIndexRow[] = [];
  for (let i = 0; i < keys.length && best.length < limit; i++) best.push(rows[keys[i]! % ROW_SPAN]!);
  return best;
}
