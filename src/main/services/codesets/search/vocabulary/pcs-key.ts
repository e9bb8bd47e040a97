/**
 * The ICD-10-PCS Index's "use" entries as readings: the Body Part, Device and Substance keys
 * ("Anterior cruciate ligament (ACL) — use Knee Bursa and Ligament, Right / Left", "Calcaneus —
 * use Tarsal", "Precava — use Superior Vena Cava"). A surgeon writes the anatomical or brand
 * name; the code title holds the PCS value. Read from the newest imported PCS Index, so the
 * knowledge is the official file's, not a hand list; laterality is left to what was typed.
 */
import { rows } from '../../../db/rows';
import type { ContentDb } from '../../content-db';
import { changeStampOf } from '../entry-index-cache';
import { wordsOf } from '../title-words';
import { phraseTable, type PhraseEntry } from './phrase-table';
import type { PhraseSource } from './phrases';

/** Words of a PCS value that say nothing about which value it is (laterality is typed apart). */
const DROPPED: ReadonlySet<string> = new Set(['right', 'left', 'bilateral', 'and', 'in', 'of', 'the', 'with', 'on']);
/** Longer index terms are never typed whole. */
const MAX_TYPED = 6;

interface UseRow {
  term: string;
  use: string;
  label: string;
}

const built = new WeakMap<ContentDb, { stamp: string; source: PhraseSource }>();

/** The key of the newest PCS Index in `db` as a PhraseSource (empty without one), rebuilt after a write (`stamp`: changeStampOf). */
export function pcsKeySource(db: ContentDb, stamp: string = changeStampOf(db)): PhraseSource {
  const current = built.get(db);
  if (current?.stamp === stamp) return current.source;
  const source = phraseTable('pcs-key', keyEntries(readUses(db)));
  built.set(db, { stamp, source });
  return source;
}

/** Main terms that lead only to a value ("use …"), on themselves or on their untitled subterms. */
function readUses(db: ContentDb): UseRow[] {
  return rows<UseRow>(
    db,
    `WITH newest AS (SELECT id, label FROM pcs_source WHERE kind = 'index' ORDER BY fiscal_year DESC, id DESC LIMIT 1)
     SELECT p.title AS term, t.use AS use, newest.label AS label
       FROM newest
       JOIN pcs_index_term t ON t.source_id = newest.id AND t.use IS NOT NULL
       JOIN pcs_index_term p ON p.source_id = t.source_id AND p.seq = (CASE WHEN t.title IS NULL THEN t.parent_seq ELSE t.seq END)
      WHERE p.level = 0 AND p.title IS NOT NULL`,
  );
}

export function keyEntries(uses: readonly UseRow[]): PhraseEntry[] {
  const seen = new Set<string>();
  const entries: PhraseEntry[] = [];
  for (const { term, use, label } of uses) {
    const meaning = wordsOf(use).filter((w) => !DROPPED.has(w));
    if (meaning.length === 0) continue;
    const value = use.replace(/,\s*(right|left|bilateral)\b.*$/i, '').replace(/\s+in$/, '');
    for (const typed of typedForms(term)) {
      const key = `${typed.join(' ')}|${meaning.join(' ')}`;
      if (typed.length === 0 || typed.length > MAX_TYPED || seen.has(key)) continue;
      seen.add(key);
      entries.push({
        typed,
        reading: { words: meaning, label: `${typed.join(' ')}: ${value.toLowerCase()}`, source: `ICD-10-PCS Index ${label}: ${term}, use ${use}` },
      });
    }
  }
  return entries;
}

/**
 * How an index term may be typed: without its parenthetical words, with them, and an
 * abbreviation in parentheses alone when it spells the initials of the words before it
 * ("Anterior cruciate ligament (ACL)" → "anterior cruciate ligament", "acl"; never a model
 * number or numeral such as "(IV)"). Trademark marks are dropped.
 */
export function typedForms(term: string): string[][] {
  const plain = term.replace(/\((?:R|tm|TM)\)/g, ' ');
  const without = wordsOf(plain.replace(/\([^)]*\)/g, ' '));
  const inline = wordsOf(plain.replace(/[()]/g, ' '));
  const forms = [without, inline];
  const initials = without.map((w) => w[0]).join('');
  for (const match of plain.matchAll(/\(([A-Za-z]{2,8})\)/g)) {
    const abbreviation = (match[1] ?? '').toLowerCase();
    if (abbreviation.length >= 3 && initials.includes(abbreviation)) forms.push([abbreviation]);
  }
  return forms;
}
