/**
 * writeVersion streams rows through a staging table and ranks them in SQL: the ids must be
 * exactly those the JS sort (staticRankOrder) gives, whatever the titles and codes, and a
 * row source that fails part-way (or after its last row) must leave nothing behind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { ROWID_SPAN, writeVersion, type CodeRow, type VersionMeta } from '../../../src/main/services/codesets/version-store';
import { checkFullText, snapshot, tempContentDb } from './helpers';

/** The rank order as a stable JS sort: billable first, then shorter long title (UTF-16 units), then code. */
function staticRankOrder(rows: readonly CodeRow[]): CodeRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.billable) - Number(a.billable) ||
      a.longTitle.length - b.longTitle.length ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

const META: VersionMeta = {
  system: 'hcpcs',
  label: 'generated',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  source: 'test',
  sha256: 'x',
  isDemo: false,
};

// Characters whose counts differ between JS (UTF-16 units) and SQLite (characters), and whose
// order differs between UTF-16 (JS) and UTF-8 (SQLite text): U+E000..U+FFFF against astral ones.
const TRICKY = ['A', 'B', 'b', ' ', 'é', '\uE000', '\uFFFD', '\u{1F600}', '\u{10000}', '\u{1D11E}'];
const trickyText = (maxLength: number) =>
  fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength }).map((chars) => chars.join(''));

const rowsArb = fc
  .uniqueArray(
    fc.record({
      code: trickyText(4),
      billable: fc.boolean(),
      // Few lengths, so many rows tie on billable and title length and fall to the code.
      longTitle: fc.oneof(trickyText(3), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 })),
      shortTitle: fc.string({ minLength: 1, maxLength: 8 }),
    }),
    { selector: (r) => r.code, minLength: 1, maxLength: 60 },
  )
  .map((rows): CodeRow[] => rows.map((r, i) => ({ ...r, seq: i + 1 })));

function writtenInIdOrder(db: ContentDb, versionId: number) {
  return db
    .prepare('SELECT id, code, billable, short_title, long_title, seq FROM codes WHERE version_id = ? ORDER BY id')
    .all(versionId) as { id: number; code: string; billable: number; short_title: string; long_title: string; seq: number }[];
}

function stagingLeft(db: ContentDb): number {
  const row = db.prepare("SELECT count(*) AS n FROM temp.sqlite_schema WHERE name = 'version_rows'").get() as { n: number };
  return row.n;
}

describe('writeVersion: rank order', () => {
  it('gives every row the id the JS sort gives it, ties and non-ASCII titles and codes included (property)', () => {
    const db = tempContentDb();
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { versionId, codes } = writeVersion(db, META, rows);
        expect(codes).toBe(rows.length);
        const expected = staticRankOrder(rows).map((r, rank) => ({
          id: versionId * ROWID_SPAN + rank,
          code: r.code,
          billable: r.billable ? 1 : 0,
          short_title: r.shortTitle,
          long_title: r.longTitle,
          seq: r.seq,
        }));
        expect(writtenInIdOrder(db, versionId)).toEqual(expected);
        // The full-text table holds exactly the same rowids.
        const fts = db.prepare(`SELECT id FROM codes_fts_${versionId}_docsize ORDER BY id`).pluck().all();
        expect(fts).toEqual(expected.map((r) => r.id));
      }),
      { numRuns: 150 },
    );
    checkFullText(db);
    expect(stagingLeft(db)).toBe(0);
  });

  it('counts title length in UTF-16 units as JS does, not in characters as SQLite length() does', () => {
    const db = tempContentDb();
    // One astral character is 2 units: the JS sort puts the 'AAA' title (3) after the '😀' one (2), SQLite length() would not.
    const rows: CodeRow[] = [
      { code: 'X1', billable: true, shortTitle: 's', longTitle: 'AAA', seq: 1 },
      { code: 'X2', billable: true, shortTitle: 's', longTitle: '\u{1F600}', seq: 2 },
      { code: 'X3', billable: true, shortTitle: 's', longTitle: 'A\u{1F600}', seq: 3 },
    ];
    const { versionId } = writeVersion(db, META, rows);
    expect(writtenInIdOrder(db, versionId).map((r) => r.code)).toEqual(['X2', 'X1', 'X3']);
  });

  it('orders codes by UTF-16 code units as JS does, not by UTF-8 bytes', () => {
    const db = tempContentDb();
    const rows: CodeRow[] = [
      { code: 'A\u{1F600}', billable: true, shortTitle: 's', longTitle: 'same', seq: 1 },
      { code: 'A\uFFFD', billable: true, shortTitle: 's', longTitle: 'same', seq: 2 },
    ];
    const { versionId } = writeVersion(db, META, rows);
    // JS: '\uD83D' < '\uFFFD'; in UTF-8, U+1F600 (F0 ..) sorts after U+FFFD (EF ..).
    expect(writtenInIdOrder(db, versionId).map((r) => r.code)).toEqual(['A\u{1F600}', 'A\uFFFD']);
  });

  it('replacing a version keeps its id and its rows get the same ids again', () => {
    const db = tempContentDb();
    const rows: CodeRow[] = [
      { code: 'B1', billable: false, shortTitle: 's', longTitle: 'a header', seq: 1 },
      { code: 'B2', billable: true, shortTitle: 's', longTitle: 'a longer billable title', seq: 2 },
    ];
    const first = writeVersion(db, META, rows);
    const other = writeVersion(db, { ...META, effectiveFrom: '2026-01-01' }, rows);
    const again = writeVersion(db, META, rows);
    expect(again).toEqual({ versionId: first.versionId, replaced: true, codes: 2 });
    expect(writtenInIdOrder(db, again.versionId).map((r) => [r.id - again.versionId * ROWID_SPAN, r.code])).toEqual([
      [0, 'B2'],
      [1, 'B1'],
    ]);
    expect(writtenInIdOrder(db, other.versionId)).toHaveLength(2);
    expect(db.prepare('SELECT code_count FROM content_version ORDER BY id').pluck().all()).toEqual([2, 2]);
  });
});

describe('writeVersion: streaming', () => {
  function* numbered(count: number, log: string[], failAfter?: number): Generator<CodeRow> {
    for (let i = 1; i <= count; i++) {
      log.push(`row ${i}`);
      yield { code: `C${i}`, billable: i % 3 !== 0, shortTitle: `short ${i}`, longTitle: `title ${i % 7}`, seq: i };
    }
    if (failAfter !== undefined) throw new Error('checked after the last row');
  }

  it('takes rows one at a time from a generator, reporting progress while it reads', () => {
    const db = tempContentDb();
    const log: string[] = [];
    const { codes } = writeVersion(db, META, numbered(10_001, log), (written, finished) => log.push(`progress ${written} ${finished}`));
    expect(codes).toBe(10_001);
    // Progress for 5000 rows comes before row 5001 is even asked for: nothing collects the rows first.
    expect(log.indexOf('progress 5000 false')).toBe(log.indexOf('row 5000') + 1);
    expect(log.filter((e) => e.startsWith('progress'))).toEqual(['progress 5000 false', 'progress 10000 false', 'progress 10001 true']);
  });

  it('a row source that throws after its last row leaves the version it was replacing, and no staging table', () => {
    const db = tempContentDb();
    writeVersion(db, META, numbered(50, []));
    const before = snapshot(db);
    const ids = writtenInIdOrder(db, 1);
    expect(() => writeVersion(db, META, numbered(7000, [], 7000))).toThrow('checked after the last row');
    expect(snapshot(db)).toEqual(before);
    expect(writtenInIdOrder(db, 1)).toEqual(ids);
    expect(stagingLeft(db)).toBe(0);
    checkFullText(db);
    // And the next write works as usual.
    expect(writeVersion(db, META, numbered(3, [])).codes).toBe(3);
  });

  it("gives the connection its temp cache size back, after a write and after a failed one", () => {
    const db = tempContentDb();
    db.pragma('temp.cache_size = -3000');
    writeVersion(db, META, numbered(10, []));
    expect(() => writeVersion(db, META, numbered(10, [], 10))).toThrow();
    expect(db.pragma('temp.cache_size', { simple: true })).toBe(-3000);
  });

  it('rolls back to its savepoint inside a caller transaction, leaving the caller its own writes', () => {
    const db = tempContentDb();
    const outcome = db.transaction(() => {
      writeVersion(db, { ...META, effectiveFrom: '2024-01-01' }, numbered(5, []));
      try {
        writeVersion(db, META, numbered(5, [], 5));
      } catch {
        return 'caught';
      }
      return 'not thrown';
    })();
    expect(outcome).toBe('caught');
    expect(db.prepare('SELECT effective_from FROM content_version').pluck().all()).toEqual(['2024-01-01']);
    expect(stagingLeft(db)).toBe(0);
  });
});
