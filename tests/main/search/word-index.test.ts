/**
 * The in-memory word index answers exactly what the FTS5 word query answers: the same first
 * candidates in static rank order, on generated tables written the way imports write them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchMatch, searchWords, wordsOf } from '../../../src/main/services/codesets/search/title-words';
import { indexedMatch, indexedWords } from '../../../src/main/services/codesets/search/indexed-words';
import { wordIndexOf } from '../../../src/main/services/codesets/search/word-index-cache';
import type { CodeRowDb } from '../../../src/main/services/codesets/statements';
import { writeVersion, type CodeRow } from '../../../src/main/services/codesets/version-store';
import { versionFor } from '../../../src/main/services/codesets/versions';
import { tempContentDb } from '../codesets/helpers';

/** Code-prefix search in code order in SQL: the reference the in-memory word index must agree with. */
const CODE_PREFIX_SQL =
  'SELECT c.id, c.code, c.display_code, c.billable, c.long_title FROM codes c WHERE c.version_id = ? AND c.code >= ? AND c.code < ? ORDER BY c.code LIMIT ?';

/** Words with shared prefixes (so prefix ranges hold several words), digits and diacritics. */
const VOCABULARY = [
  'diabetes', 'diabetic', 'diagnosis', 'dia', 'd', 'kidney', 'kid', 'kidneys', 'chronic', 'chr',
  'fracture', 'fractures', 'frac', 'femur', 'left', 'right', 'stage', '3', '30', 'type', '2',
  'and', 'of', 'with', 'Sjögren', 'Ménière', 'or', 'not', 'near', 'newborn', 'history', 'unspecified',
  // More words under "d" and "dx" than the index merges at query time: their postings are prebuilt.
  ...Array.from({ length: 20 }, (_, i) => `dx${i}`),
];
const SEPARATORS = [' ', ', ', ' (', ') ', '-', '/'];

const title = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 7 })
  .map((parts) => parts.map(([w, s]) => w + s).join('').trim());
const table = fc.array(fc.tuple(title, title, fc.boolean()), { minLength: 1, maxLength: 120 });
/** Typed words: whole words and their starts, lower-case as queryWords makes them. */
const typedWord = fc
  .tuple(fc.constantFrom(...VOCABULARY, 'zzz', 'diabx'), fc.integer({ min: 1, max: 9 }))
  .map(([w, n]) => w.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').slice(0, n));

function tableDb(rows: [string, string, boolean][]) {
  const db = tempContentDb();
  const codes: CodeRow[] = rows.map(([longTitle, shortTitle, billable], i) => ({
    // Codes out of rank order, so code order and rank order differ.
    code: `A${String((i * 37) % 1000).padStart(3, '0')}${i}`,
    billable,
    shortTitle,
    longTitle,
    seq: i,
  }));
  writeVersion(
    db,
    { system: 'hcpcs', label: 'generated', effectiveFrom: '2025-01-01', effectiveTo: null, source: 'test', sha256: 'x', isDemo: false },
    codes,
  );
  const version = versionFor(db, 'hcpcs', '2025-06-01');
  if (!version) throw new Error('version missing');
  return { db, version };
}

describe('the in-memory word index', () => {
  it('finds the same candidates, in the same order, as the FTS5 query', () => {
    fc.assert(
      fc.property(table, fc.array(typedWord, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 70 }), (rows, words, limit) => {
        const { db, version } = tableDb(rows);
        const index = wordIndexOf(db, version);
        const distinct = [...new Set(words)];
        expect(indexedWords(index, distinct, limit)).toEqual(searchWords(db, version.id, distinct, limit));
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('answers OR groups of whole words (typo corrections) as the FTS5 query does', () => {
    fc.assert(
      fc.property(table, fc.uniqueArray(fc.constantFrom(...VOCABULARY.map((w) => w.toLowerCase())), { minLength: 1, maxLength: 3 }), (rows, group) => {
        const { db, version } = tableDb(rows);
        const index = wordIndexOf(db, version);
        const plain = group.map((w) => w.normalize('NFKD').replace(/\p{M}/gu, ''));
        const expression = `(${plain.map((w) => `"${w}"`).join(' OR ')}) AND "d"*`;
        const clauses = [plain.map((w) => index.wordRange(w)), [index.prefixRange('d')]];
        expect(indexedMatch(index, clauses, [...plain, 'd'], 25)).toEqual(searchMatch(db, version.id, expression, [...plain, 'd'], 25));
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('lists codes starting with what was typed in code order, as the code-prefix statement does', () => {
    fc.assert(
      fc.property(table, fc.string({ unit: fc.constantFrom('A', '0', '1', '5', '9'), maxLength: 4 }), fc.integer({ min: 1, max: 30 }), (rows, typed, limit) => {
        const { db, version } = tableDb(rows);
        const index = wordIndexOf(db, version);
        const expected = db.prepare(CODE_PREFIX_SQL).all(version.id, typed, `${typed}~`, limit) as CodeRowDb[];
        expect(index.codesBetween(typed, `${typed}~`, limit).map((o) => index.row(o))).toEqual(expected);
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('holds exactly the words FTS5 indexed', () => {
    const rows: [string, string, boolean][] = VOCABULARY.map((w, i) => [`${w} of stage ${i}`, `${w.toUpperCase()}-x${i}`, i % 2 === 0]);
    const { db, version } = tableDb(rows);
    const terms = (db.prepare('SELECT term FROM search_terms WHERE version_id = ?').all(version.id) as { term: string }[]).map((r) => r.term);
    const index = wordIndexOf(db, version);
    expect(index.size().words).toBe(terms.length);
    for (const term of terms) expect(index.wordRange(term).hi - index.wordRange(term).lo, term).toBe(1);
  });
  it('tells whether a long title has a word starting with a prefix, as its words read from the text do', () => {
    fc.assert(
      fc.property(table, typedWord, (rows, word) => {
        const { db, version } = tableDb(rows);
        const index = wordIndexOf(db, version);
        const range = index.prefixRange(word);
        // Ordinals are rank order, not the order the rows were written in.
        for (let ordinal = 0; ordinal < index.count; ordinal++) {
          const longTitle = index.row(ordinal).long_title;
          const has = index.longTitleHas(ordinal, range);
          // Titles that are not plain ASCII are left to the caller (null).
          if (/^[\x00-\x7f]*$/.test(longTitle)) expect(has).toBe(wordsOf(longTitle).some((t) => t.startsWith(word)));
          else expect(has).toBeNull();
          expect(index.codeAt(ordinal)).toBe(index.row(ordinal).code);
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  });
});
