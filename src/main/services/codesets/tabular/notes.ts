/**
 * Tabular List notes resolved for codes on a date — used by codes.show and by the edits
 * (Excludes1, code first, manifestation, 7th character). A code's notes are its own plus
 * those written at every level above it (subcategory, category, section, chapter).
 */
import { rows } from '../../db/rows';
import type { NoteKind, SevenChrDef, TabularNote } from '../../../../shared/encoder';
import type { ContentDb } from '../content-db';
import { normaliseCode } from '../code-format';
import { nodeByKey, nodeChain, tabularReleaseFor, type NodeRow } from './release';

export { codesInRef } from './refs';

export interface ResolvedNotes {
  /** Every note that applies to the code: its own and those inherited from above. */
  notes: TabularNote[];
  sevenChr: { definitions: SevenChrDef[]; from: string } | null;
  /** Which Tabular List release; fallback when not the fiscal year of the date. */
  source: { label: string; fallback: boolean } | null;
  /** True when the code's title says "in diseases classified elsewhere" (a manifestation code). */
  manifestation: boolean;
}

type CachedNotes = Omit<ResolvedNotes, 'source'>;

// Resolved notes per release id (ids are never reused) and code: the edits ask for the
// same codes on every keystroke. Bounded so a long session does not grow without end.
const CACHE_LIMIT = 20_000;
const caches = new WeakMap<ContentDb, Map<string, CachedNotes | null>>();

/**
 * Keyed by normalised code (no dot, upper case); codes the Tabular List lacks are absent
 * (a 7-character code is there when its base code is and a 7th-character list applies).
 * Notes are ordered nearest first: the code's own, then its parent's, up to the chapter's.
 */
export function notesForCodes(db: ContentDb, codes: readonly string[], date: string): Map<string, ResolvedNotes> {
  const found = new Map<string, ResolvedNotes>();
  const release = tabularReleaseFor(db, date);
  if (!release) return found;
  const source = { label: release.label, fallback: release.fallback };
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  for (const input of codes) {
    const code = normaliseCode('icd10cm', input);
    if (found.has(code)) continue;
    const key = `${release.id}:${code}`;
    let resolved = cache.get(key);
    if (resolved === undefined) {
      resolved = resolve(db, release.id, code);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, resolved);
    }
    if (resolved) {
      found.set(code, {
        notes: resolved.notes.map((n) => ({ ...n, refs: [...n.refs] })),
        sevenChr: resolved.sevenChr && { from: resolved.sevenChr.from, definitions: resolved.sevenChr.definitions.map((d) => ({ ...d })) },
        source: { ...source },
        manifestation: resolved.manifestation,
      });
    }
  }
  return found;
}

const MANIFESTATION = /in diseases classified elsewhere/i;

function resolve(db: ContentDb, releaseId: number, code: string): CachedNotes | null {
  const node = nodeByKey(db, releaseId, 'diag', code);
  if (node) return notesOfChain(db, nodeChain(db, node), node.title, 0);
  // The Tabular List never lists 7-character codes: S72.001A is S72.001 + A, T36.0X1A is
  // T36.0X1 + A, S02.2XXA is S02.2 + XX + A. Such a code takes everything from its base,
  // as inherited, when a 7th-character definition applies there.
  if (code.length !== 7) return null;
  const base = code.slice(0, 6).replace(/X+$/, '');
  const baseNode = nodeByKey(db, releaseId, 'diag', base);
  if (!baseNode) return null;
  const resolved = notesOfChain(db, nodeChain(db, baseNode), baseNode.title, 1);
  return resolved.sevenChr ? resolved : null;
}

/** `chain` is nearest first; a note is inherited when its depth plus `depthOffset` is above 0. */
function notesOfChain(db: ContentDb, chain: readonly NodeRow[], title: string, depthOffset: number): CachedNotes {
  const notes: TabularNote[] = [];
  let sevenChr: CachedNotes['sevenChr'] = null;
  chain.forEach((step, depth) => {
    const noteRows = rows<{ kind: NoteKind; text: string; refs: string }>(db, 'SELECT kind, text, refs FROM tabular_note WHERE node_id = ? ORDER BY seq', step.id);
    for (const row of noteRows) {
      notes.push({ kind: row.kind, text: row.text, from: step.code, inherited: depth + depthOffset > 0, refs: JSON.parse(row.refs) as string[] });
    }
    if (!sevenChr) {
      const defs = rows<SevenChrDef>(db, 'SELECT char, title FROM tabular_seventh WHERE node_id = ? ORDER BY seq', step.id);
      if (defs.length > 0) sevenChr = { definitions: defs.map((d) => ({ char: d.char, title: d.title })), from: step.code };
    }
  });
  return { notes, sevenChr, manifestation: MANIFESTATION.test(title) };
}
