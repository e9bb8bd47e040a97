/**
 * The PTP rows of the pairs among a claim's codes, from the release's files (f1..f4). Pairs
 * already looked up in the release, with rows or without, are kept in memory (edit-cache.ts);
 * only the pairs not seen yet go to SQLite.
 */
import type { ContentDb } from '../codesets/content-db';
import type { EditFile } from './edit-tables';
import { editCache } from './edit-cache';
import { PairCache } from './pair-cache';
import { editStatements } from './statements';

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

interface PtpRowDb {
  col1: string;
  col2: string;
  effective_from: string;
  effective_to: string | null;
  modifier: 0 | 1;
  rationale: string;
  line: number;
}

/** Pairs per generation (a 20-code claim asks 380): a few MB at most per release. */
export const PTP_PAIRS_PER_GENERATION = 20_000;
const NONE: readonly PtpRow[] = Object.freeze([]);

// Normalised codes hold no blanks, so a blank cannot make two pairs share a key.
const pairKey = (col1: string, col2: string): string => `${col1} ${col2}`;

/** The pairs not known yet: keys, and each key's codes (same positions). */
interface Unknown {
  keys: string[];
  col1: string[];
  col2: string[];
  col1s: Set<string>;
  col2s: Set<string>;
}

/**
 * Rows of the unknown pairs across the files. When they fill most of the cross product of
 * their codes (a first check), one IN x IN statement seeks them all; when they are scattered
 * (codes seen before, new together), a statement over the list seeks only those.
 */
function fetchPairs(db: ContentDb, files: readonly EditFile[], unknown: Unknown): Map<string, PtpRow[]> {
  const s = editStatements(db);
  const col1s = [...unknown.col1s];
  const second = JSON.stringify([...unknown.col2s]);
  const cross = unknown.col1s.size * unknown.col2s.size <= 2 * unknown.keys.length;
  const byPair = new Map<string, PtpRow[]>();
  files.forEach((file, fileIndex) => {
    // Parts of a release split the table by column-1 code: ask each part only for codes it holds.
    let keys = unknown.keys;
    let firsts = col1s;
    if (files.length > 1) {
      firsts = s.ptpFirsts.all(JSON.stringify(col1s), file.id) as string[];
      const held = new Set(firsts);
      keys = keys.filter((_, i) => held.has(unknown.col1[i]!));
    }
    if (firsts.length === 0) return;
    const rows = cross ? s.ptpPairs.all(file.id, JSON.stringify(firsts), second) : s.ptpPairList.all(JSON.stringify(keys), file.id);
    for (const r of rows as PtpRowDb[]) {
      const key = pairKey(r.col1, r.col2);
      const row: PtpRow = { fileIndex, from: r.effective_from, to: r.effective_to, modifier: r.modifier, rationale: r.rationale, line: r.line };
      const found = byPair.get(key);
      if (found) found.push(row);
      else byPair.set(key, [row]);
    }
  });
  for (const rows of byPair.values()) {
    if (rows.length > 1) rows.sort((a, b) => a.fileIndex - b.fileIndex || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }
  return byPair;
}

/** Every ordered pair of distinct codes that has rows in the release (at any date). */
export function ptpPairs(db: ContentDb, files: readonly EditFile[], codes: readonly string[]): PtpPair[] {
  const name = `ptp:${files.map((f) => f.id).join(',')}`;
  const cache = editCache(db, name, () => new PairCache<readonly PtpRow[]>(PTP_PAIRS_PER_GENERATION));
  const found: PtpPair[] = [];
  const unknown: Unknown = { keys: [], col1: [], col2: [], col1s: new Set(), col2s: new Set() };
  for (const col1 of codes) {
    for (const col2 of codes) {
      if (col1 === col2) continue;
      const rows = cache.get(col1, col2);
      if (rows !== undefined) {
        if (rows.length > 0) found.push({ col1, col2, rows });
        continue;
      }
      unknown.keys.push(pairKey(col1, col2));
      unknown.col1.push(col1);
      unknown.col2.push(col2);
      unknown.col1s.add(col1);
      unknown.col2s.add(col2);
    }
  }
  if (unknown.keys.length === 0) return found;
  const fetched = fetchPairs(db, files, unknown);
  unknown.keys.forEach((key, i) => {
    const rows = fetched.get(key) ?? NONE;
    cache.set(unknown.col1[i]!, unknown.col2[i]!, rows);
    if (rows.length > 0) found.push({ col1: unknown.col1[i]!, col2: unknown.col2[i]!, rows });
  });
  return found;
}
