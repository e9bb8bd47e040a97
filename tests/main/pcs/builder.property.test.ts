/**
 * Property tests: the builder offers exactly the codes the tables define — every code it
 * yields is in the Cartesian product of some row, and every such code can be built.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { pcsBuild } from '../../../src/main/services/codesets/pcs/build';
import { AppFailure } from '../../../src/shared/result';
import { fixtureCodes, tablesXml, type FixtureAxis, type FixtureTable } from './fixtures';
import { importText, tempContentDb } from './helpers';

/** Every code reachable by following the builder's options from the empty prefix. */
function buildAll(db: ContentDb, prefix = ''): string[] {
  const step = pcsBuild(db, { prefix });
  if (step.code) return [step.code.code];
  return step.options.flatMap((o) => buildAll(db, prefix + o.value));
}

const PCS_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'.split('');
// A small alphabet for row values, so that rows of one table often overlap (and sometimes collide).
const values = fc.uniqueArray(fc.constantFrom('0', '1', '9', 'A', 'X', 'Z'), { minLength: 1, maxLength: 4 });
const rowArb = fc.tuple(values, values, values, values).map((axes): FixtureAxis[] =>
  axes.map((vs, i) => ({ pos: i + 4, title: ['Body Part', 'Approach', 'Device', 'Qualifier'][i]!, labels: vs.map((v) => [v, `Label ${v}${i}`]) })),
);
const tableArb = fc.record({
  code: fc.tuple(fc.constantFrom(...PCS_CHARS), fc.constantFrom(...PCS_CHARS), fc.constantFrom(...PCS_CHARS)),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 3 }),
});
const tablesArb = fc.uniqueArray(tableArb, { minLength: 1, maxLength: 3, selector: (t) => t.code.join('') }).map((ts) =>
  ts.map(
    (t): FixtureTable => ({
      axes: ['Section', 'Body System', 'Operation'].map((title, i) => ({ pos: i + 1, title, labels: [[t.code[i]!, `${title} ${t.code[i]}`]] })),
      rows: t.rows,
    }),
  ),
);

function hasDuplicateCodes(tables: readonly FixtureTable[]): boolean {
  const all = fixtureCodes(tables);
  return new Set(all).size !== all.length;
}

describe('pcsBuild properties', () => {
  it('on the fixture: the builder yields exactly the Cartesian product of the rows', async () => {
    const db = tempContentDb();
    await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    expect(buildAll(db).sort()).toEqual(fixtureCodes());
  });

  it('on the fixture: a random walk always ends in a fixture code, and every fixture code walks through', async () => {
    const db = tempContentDb();
    await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    const codes = new Set(fixtureCodes());
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 7, maxLength: 7 }), (picks) => {
        let prefix = '';
        for (const pick of picks) {
          const step = pcsBuild(db, { prefix });
          expect(step.options.length).toBeGreaterThan(0);
          prefix += step.options[pick % step.options.length]!.value;
        }
        expect(codes.has(prefix)).toBe(true);
        expect(pcsBuild(db, { prefix }).code?.code).toBe(prefix);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...codes), (code) => {
        for (let i = 0; i < 7; i++) {
          expect(pcsBuild(db, { prefix: code.slice(0, i) }).options.map((o) => o.value)).toContain(code.charAt(i));
        }
      }),
    );
  });

  it('on random tables: import then build gives exactly the product, or the import refuses duplicate codes', async () => {
    await fc.assert(
      fc.asyncProperty(tablesArb, async (tables) => {
        const db = tempContentDb();
        if (hasDuplicateCodes(tables)) {
          await expect(importText(db, 'icd10pcs_tables_2026.xml', tablesXml(tables))).rejects.toThrow(/more than one row/);
          return;
        }
        await importText(db, 'icd10pcs_tables_2026.xml', tablesXml(tables));
        expect(buildAll(db).sort()).toEqual(fixtureCodes(tables));
      }),
      { numRuns: 40 },
    );
  });

  it('on random strings: a prefix is accepted exactly when it starts some fixture code', async () => {
    const db = tempContentDb();
    await importText(db, 'icd10pcs_tables_2026.xml', tablesXml());
    const codes = fixtureCodes();
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', 'D', 'T', 'B', 'J', 'K', '1', '4', 'Z', 'X', 'W', '3', '8', '7'), { maxLength: 7 }), (chars) => {
        const prefix = chars.join('');
        const valid = codes.some((c) => c.startsWith(prefix));
        try {
          pcsBuild(db, { prefix });
          expect(valid).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(AppFailure);
          expect((e as AppFailure).code).toBe('BAD_INPUT');
          expect(valid).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
