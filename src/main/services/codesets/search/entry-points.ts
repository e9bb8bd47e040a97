/**
 * Entry points as search paths: an inclusion term or index path whose words match what was
 * typed leads to its code, and the hit says which path matched. Only the entry sources that
 * fit the version are read (per kind, the newest whose year is not after the version's), and
 * only codes that exist in the version come back, so the date still picks the codes.
 */
import type { CodeSystem, ContentVersion } from '../../../../shared/domain';
import { rows } from '../../db/rows';
import type { ContentDb } from '../content-db';
import { titleCoverage } from './title-words';
import type { CodeRowDb } from '../statements';
import { fiscalYearOf } from '../versions';
import type { EntryIndex } from './entry-index';
import type { WordIndex } from './word-index';

export type EntryKind = 'inclusion' | 'index' | 'synonym';

export interface EntryHit extends CodeRowDb {
  kind: EntryKind;
  /** How to show the path that matched ("Fibrillation > atrial"). */
  path: string;
  /** Share of the entry's words the query covers (1: the entry is what was typed). */
  coverage: number;
}

/** Entries read per version before ranking; FTS5 hands them back in insertion order. */
const ENTRY_CANDIDATES = 300;

interface SourceRow {
  id: number;
  kind: string;
  label: string;
}

const MATCH = `SELECT e.term, e.path, s.kind, c.id, c.code, c.display_code, c.billable, c.long_title
  FROM entry_point_fts f
  JOIN entry_point e ON e.id = f.rowid
  JOIN entry_source s ON s.id = e.source_id
  JOIN codes c ON c.version_id = ? AND c.code = f.target
  WHERE entry_point_fts MATCH ? AND f.source_id IN (SELECT value FROM json_each(?))
  LIMIT ?`;

function yearOf(label: string): number | null {
  const match = /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(label);
  return match ? Number(match[1]) : null;
}

/**
 * Which releases of one file an entry source belongs to: its kind and its label without years
 * or parentheses ("Table of Drugs and Chemicals FY2026 (April)" and "… FY2025" are one family;
 * the External Cause index is another). A version reads one release of each family.
 */
function familyOf(row: SourceRow): string {
  const name = row.label.replace(/\([^)]*\)/g, ' ').replace(/\bFY\s?\d{4}\b|(?:19|20)\d\d/g, ' ');
  return `${row.kind}|${name.replace(/[^A-Za-z]+/g, ' ').trim().toLowerCase()}`;
}

/**
 * The entry sources that apply to a version: for each family (familyOf), the one whose year is
 * the newest not after the version's fiscal year, else the oldest after it, else any.
 */
export function sourcesFor(db: ContentDb, system: CodeSystem, effectiveFrom: string): number[] {
  return pickSources(rows<SourceRow>(db, 'SELECT id, kind, label FROM entry_source WHERE system = ?', system), effectiveFrom);
}

/** sourcesFor of every version, from one read of the sources (once per search, not per version). */
export function sourcesByVersion(db: ContentDb, versions: readonly ContentVersion[]): Map<number, number[]> {
  const all = rows<SourceRow & { system: string }>(db, 'SELECT id, kind, label, system FROM entry_source');
  return new Map(versions.map((v) => [v.id, pickSources(all.filter((r) => r.system === v.system), v.effectiveFrom)]));
}

function pickSources(rows: readonly SourceRow[], effectiveFrom: string): number[] {
  const year = fiscalYearOf(effectiveFrom);
  const best = new Map<string, { id: number; score: number }>();
  for (const row of rows) {
    const y = yearOf(row.label);
    // Not after the version: closer is better; after it: further is worse, below all earlier ones.
    const score = y === null ? -100_000 : y <= year ? y : -y;
    const family = familyOf(row);
    const current = best.get(family);
    if (!current || score > current.score || (score === current.score && row.id > current.id)) {
      best.set(family, { id: row.id, score });
    }
  }
  return [...best.values()].map((b) => b.id);
}

/**
 * Entry points of the version matching every typed word (as word starts), best first, read
 * through FTS5. Searches read the in-memory index instead (indexedEntryPoints), which is
 * tested to return exactly this; this stays as the reference.
 */
export function searchEntryPoints(
  db: ContentDb,
  version: ContentVersion,
  words: readonly string[],
  sources: readonly number[] = sourcesFor(db, version.system, version.effectiveFrom),
): EntryHit[] {
  if (words.length === 0) return [];
  if (sources.length === 0) return [];
  // Typed words hold only letters and digits (queryWords), so quoting them is safe.
  const expression = words.map((w) => `"${w}"*`).join(' AND ');
  type MatchRow = CodeRowDb & { term: string; path: string; kind: string };
  return rows<MatchRow>(db, MATCH, version.id, expression, JSON.stringify(sources), ENTRY_CANDIDATES)
    .map((row) => ({
      id: row.id,
      code: row.code,
      display_code: row.display_code,
      billable: row.billable,
      long_title: row.long_title,
      kind: entryKind(row.kind),
      path: row.path === '' ? row.term : row.path,
      coverage: titleCoverage(row.term, words),
    }))
    .sort(compareEntryHits);
}

/** searchEntryPoints from the version's word index (`codes`) and its entry index (`entries`). */
export function indexedEntryPoints(codes: WordIndex, entries: EntryIndex, words: readonly string[]): EntryHit[] {
  // No entry sources imported (or none that applies): nothing to look up for any reading.
  if (words.length === 0 || entries.joinedCount === 0) return [];
  return entries
    .joinedMatches(words, ENTRY_CANDIDATES)
    .map(({ entry, target, coverage }) => {
      const row = codes.row(target);
      // One object literal of a fixed shape: spreading the row costs more than the match itself.
      return {
        id: row.id,
        code: row.code,
        display_code: row.display_code,
        billable: row.billable,
        long_title: row.long_title,
        kind: entryKind(entry.kind),
        path: entry.path === '' ? entry.term : entry.path,
        coverage: coverage ?? titleCoverage(entry.term, words),
      };
    })
    .sort(compareEntryHits);
}

function compareEntryHits(a: EntryHit, b: EntryHit): number {
  return b.coverage - a.coverage || b.billable - a.billable || a.path.length - b.path.length;
}

function entryKind(kind: string): EntryKind {
  return kind === 'inclusion' || kind === 'synonym' ? kind : 'index';
}
