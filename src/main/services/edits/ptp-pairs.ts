/**
 * The PTP rows of the pairs among a claim's codes, from the release's files (f1..f4). Pairs
 * already looked up in the release, with rows or without, are kept in memory (edit-cache.ts);
 * only the pairs not seen yet go to SQLite, and of those only the ones the file's partner
 * lists hold (ptp-partners.ts) when it has them.
 */
import type { ContentDb } from '../codesets/content-db';
import type { EditFile } from './edit-tables';
import { editCache } from './edit-cache';
import { PairCache } from './pair-cache';
import { listHolds, partnerLists } from './ptp-partners';
import { value, values } from '../db/rows';
import { EDIT_SQL } from './statements';

/** One dated row of a pair; the caller keeps the rows in force on its date. */
export interface PtpRow {
  /** Position of the row's file among the release's files (part order). */
  fileIndex: number;
  from: string;
  to: string | null;
  modifier: 0 | 1;
  rationale: string;
  line: number;
}

export interface PtpPair {
  col1: string;
  col2: string;
  rows: readonly PtpRow[];
}

/** A row as the PTP statements list it (statements.ts): one JSON array per statement. */
type PtpRowJson = [col1: string, col2: string, from: string, to: string | null, modifier: 0 | 1, line: number, rationale: string];

/** Pairs per generation (a 20-code claim asks 380): a few MB at most per release. */
export const PTP_PAIRS_PER_GENERATION = 20_000;
const NONE: readonly PtpRow[] = Object.freeze([]);

/** Column-2 codes (or their rows) by column-1 code. */
type ByCol1<V> = Map<string, V>;

/** The pairs not known yet. */
interface Unknown {
  /** Each column-1 code's column-2 codes. */
  pairs: ByCol1<string[]>;
  count: number;
  col2s: Set<string>;
}

/** The unknown pairs a file may have rows for: all of them, or those its partner lists hold. */
function pairsToSeek(db: ContentDb, file: EditFile, parts: number, unknown: Unknown): Unknown {
  const col1s = [...unknown.pairs.keys()];
  const lists = partnerLists(db, file.id, col1s);
  if (lists) {
    const held: Unknown = { pairs: new Map(), count: 0, col2s: new Set() };
    for (const [col1, list] of lists) {
      const col2s = (unknown.pairs.get(col1) ?? []).filter((col2) => listHolds(list, col2));
      if (col2s.length === 0) continue;
      held.pairs.set(col1, col2s);
      held.count += col2s.length;
      for (const col2 of col2s) held.col2s.add(col2);
    }
    return held;
  }
  if (parts === 1) return unknown;
  // Parts of a release split the table by column-1 code: ask each part only for codes it holds.
  const firsts = new Set(values<string>(db, EDIT_SQL.ptpFirsts, JSON.stringify(col1s), file.id));
  const held: Unknown = { pairs: new Map(), count: 0, col2s: unknown.col2s };
  for (const [col1, col2s] of unknown.pairs) {
    if (!firsts.has(col1)) continue;
    held.pairs.set(col1, col2s);
    held.count += col2s.length;
  }
  return held;
}

/**
 * The file's rows of `pairs` as one JSON text. When they fill most of the cross product of
 * their codes (a first check without partner lists), one IN x IN statement seeks them all;
 * when they are scattered, a statement over the list seeks only those. One JSON text, not a
 * row object per hit: building those cost more than the index seeks.
 */
function seekRows(db: ContentDb, fileId: number, pairs: Unknown): string {
  if (pairs.pairs.size * pairs.col2s.size <= 2 * pairs.count) {
    return value<string>(db, EDIT_SQL.ptpPairs, fileId, JSON.stringify([...pairs.pairs.keys()]), JSON.stringify([...pairs.col2s])) ?? '[]';
  }
  // "col1 col2" (codes hold no blanks).
  const keys: string[] = [];
  for (const [col1, col2s] of pairs.pairs) for (const col2 of col2s) keys.push(`${col1} ${col2}`);
  return value<string>(db, EDIT_SQL.ptpPairList, JSON.stringify(keys), fileId) ?? '[]';
}

/** Rows of the unknown pairs across the release's files, by column-1 then column-2 code. */
function fetchPairs(db: ContentDb, files: readonly EditFile[], unknown: Unknown): ByCol1<Map<string, PtpRow[]>> {
  const found: ByCol1<Map<string, PtpRow[]>> = new Map();
  files.forEach((file, fileIndex) => {
    const pairs = pairsToSeek(db, file, files.length, unknown);
    if (pairs.count === 0) return;
    for (const [col1, col2, from, to, modifier, line, rationale] of JSON.parse(seekRows(db, file.id, pairs)) as PtpRowJson[]) {
      let byCol2 = found.get(col1);
      if (!byCol2) {
        byCol2 = new Map();
        found.set(col1, byCol2);
      }
      const row: PtpRow = { fileIndex, from, to, modifier, rationale, line };
      const rows = byCol2.get(col2);
      if (rows) rows.push(row);
      else byCol2.set(col2, [row]);
    }
  });
  for (const byCol2 of found.values()) {
    for (const rows of byCol2.values()) {
      if (rows.length > 1) rows.sort((a, b) => a.fileIndex - b.fileIndex || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    }
  }
  return found;
}

/** Every ordered pair of distinct codes that has rows in the release (at any date). */
export function ptpPairs(db: ContentDb, files: readonly EditFile[], codes: readonly string[]): PtpPair[] {
  const name = `ptp:${files.map((f) => f.id).join(',')}`;
  const cache = editCache(db, name, () => new PairCache<readonly PtpRow[]>(PTP_PAIRS_PER_GENERATION));
  const found: PtpPair[] = [];
  const unknown: Unknown = { pairs: new Map(), count: 0, col2s: new Set() };
  for (const col1 of codes) {
    let missing: string[] | undefined;
    for (const col2 of codes) {
      if (col1 === col2) continue;
      const rows = cache.get(col1, col2);
      if (rows === undefined) {
        (missing ??= []).push(col2);
        unknown.col2s.add(col2);
      } else if (rows.length > 0) found.push({ col1, col2, rows });
    }
    if (missing) {
      unknown.pairs.set(col1, missing);
      unknown.count += missing.length;
    }
  }
  if (unknown.count === 0) return found;
  const fetched = fetchPairs(db, files, unknown);
  for (const [col1, col2s] of unknown.pairs) {
    const byCol2 = fetched.get(col1);
    for (const col2 of col2s) {
      const rows = byCol2?.get(col2) ?? NONE;
      cache.set(col1, col2, rows);
      if (rows.length > 0) found.push({ col1, col2, rows });
    }
  }
  return found;
}
